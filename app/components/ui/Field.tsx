import type { InputHTMLAttributes, ReactNode } from "react";

import { FieldError } from "~/components/ui/FieldError";
import { Input } from "~/components/ui/Input";

/**
 * A labelled form field: label, optional hint, the control, and its error.
 * Ids follow one convention, which the error summary's links rely on: the
 * control's id is `id` (the field's name unless given), its hint is
 * `${id}-hint` and its error `${name}-error`.
 */

/** The aria-describedby value for these ids, or undefined when none applies. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** What a control needs to be tied to its field: its id, name and the ARIA state of its error and hint. */
export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export function controlProps(
  name: string,
  options: { id?: string; error?: string; hint?: boolean; describedBy?: string[] } = {},
): ControlProps {
  const id = options.id ?? name;
  return {
    id,
    name,
    "aria-invalid": options.error ? true : undefined,
    "aria-describedby": describedBy(options.hint && `${id}-hint`, options.error && `${name}-error`, ...(options.describedBy ?? [])),
  };
}

export const LABEL_CLASS = "block text-sm font-semibold text-slate-900";

/** What every field has: a name, its control's id when not the name, a label, a hint and an error. */
interface FieldProps {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** For a form without an error summary: the error is announced when it appears. */
  announceError?: boolean;
}

export function Field({
  name,
  id = name,
  label,
  hint,
  error,
  announceError = false,
  children,
}: FieldProps & {
  /** The control, given controlProps(name, { id, error, hint: Boolean(hint) }). */
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className={LABEL_CLASS}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError field={name} message={error} announce={announceError} />
    </div>
  );
}

/** A Field holding one text box. */
export function TextField({
  name,
  id,
  label,
  hint,
  error,
  announceError,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">) {
  return (
    <Field name={name} id={id} label={label} hint={hint} error={error} announceError={announceError}>
      <Input
        {...input}
        {...controlProps(name, { id, error, hint: Boolean(hint) })}
        className={`mt-1${input.className ? ` ${input.className}` : ""}`}
      />
    </Field>
  );
}
