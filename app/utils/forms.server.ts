import type { z } from "zod";

import { invalidFormStatus } from "~/utils/text";

/**
 * The one way a form (or a GET form's query string) is checked on the
 * server: read the named fields as the visitor typed them, check them with a
 * Zod schema, and answer with one message per field, in the form's order,
 * next to the values to fill the form in again. Pages render the answer with
 * ~/components/ui/Field and ~/components/ui/ErrorSummary; the browser never
 * downloads the schemas.
 */

/** One message per field; `form` is a problem with the form as a whole. */
export type FieldErrors<Field extends string> = Partial<Record<Field | "form", string>>;

/** Every field of a form as a string, as typed (missing fields read as ""). */
export type FormValues<Field extends string> = Record<Field, string>;

export type FormParse<Field extends string, Output> =
  | { ok: true; data: Output; values: FormValues<Field>; errors: FieldErrors<Field> }
  | { ok: false; values: FormValues<Field>; errors: FieldErrors<Field>; status: 400 | 422 };

export interface FormSpec<Field extends string, Schema extends z.ZodType> {
  /** The fields, in the order the page shows them (and its error summary lists them). */
  fields: readonly Field[];
  /** Checks the values; may depend on them (a currency chosen in the same form, say). */
  schema: Schema | ((values: FormValues<Field>) => Schema);
  /** Rules that look at several fields: they run whatever else is wrong, so every problem shows at once. */
  check?: (values: FormValues<Field>) => FieldErrors<Field>;
  /** Longest value kept of any field (default 2,000 characters); anything longer is cut before checking. */
  maxLength?: number;
}

/** The posted strings of `fields`; a missing field, or a file, reads as "". */
export function readFormValues<Field extends string>(
  source: FormData | URLSearchParams,
  fields: readonly Field[],
  maxLength = 2_000,
): FormValues<Field> {
  const values = {} as FormValues<Field>;
  for (const field of fields) {
    const value = source.get(field);
    values[field] = typeof value === "string" ? value.slice(0, maxLength) : "";
  }
  return values;
}

/**
 * The first message of each field, in the order of `fields`; an issue that
 * names no field of the form becomes the form's own message.
 */
export function fieldErrors<Field extends string>(issues: readonly z.core.$ZodIssue[], fields: readonly Field[]): FieldErrors<Field> {
  const found: FieldErrors<Field> = {};
  for (const issue of issues) {
    const name = issue.path[0];
    const field = fields.find((candidate) => candidate === name) ?? "form";
    found[field] ??= issue.message;
  }
  return inFieldOrder(found, fields);
}

/** The same errors, the form's own message first, then field by field as the page shows them. */
export function inFieldOrder<Field extends string>(errors: FieldErrors<Field>, fields: readonly Field[]): FieldErrors<Field> {
  const ordered: FieldErrors<Field> = {};
  if (errors.form) ordered.form = errors.form;
  for (const field of fields) if (errors[field]) ordered[field] = errors[field];
  return ordered;
}

export function parseForm<Field extends string, Schema extends z.ZodType>(
  source: FormData | URLSearchParams,
  spec: FormSpec<Field, Schema>,
): FormParse<Field, z.output<Schema>> {
  const values = readFormValues(source, spec.fields, spec.maxLength);
  const schema = typeof spec.schema === "function" ? spec.schema(values) : spec.schema;
  const result = schema.safeParse(values);
  const errors: FieldErrors<Field> = result.success ? {} : fieldErrors(result.error.issues, spec.fields);
  const checked: FieldErrors<Field> = spec.check?.(values) ?? {};
  for (const field of Object.keys(checked) as Array<Field | "form">) errors[field] ??= checked[field];
  if (!result.success || Object.keys(errors).length > 0) {
    // 400 when a field holds characters no one types (a crafted request), 422 when there is only something to correct.
    const status = result.success ? 422 : invalidFormStatus(result.error.issues);
    return { ok: false, values, errors: inFieldOrder(errors, spec.fields), status };
  }
  return { ok: true, data: result.data as z.output<Schema>, values, errors: {} };
}
