import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { FieldError } from "~/components/ui/FieldError";
import { controlProps, TextField } from "~/components/ui/Field";
import { useT } from "~/i18n/language-context";

type Field = "email" | "name" | "role" | "password";

/** The shortest password the policy takes (~/staff/password-policy.server, which the browser does not load). */
const PASSWORD_MIN_LENGTH = 12;

/** Creates a staff account. The password is never sent back to the page. */
export function NewStaffForm({
  values,
  errors,
}: {
  values: Partial<Record<Exclude<Field, "password">, string>>;
  errors: Partial<Record<Field | "form", string>>;
}) {
  const { t } = useT();
  const text = (key: string, values?: Record<string, unknown>) => t(`staff.accounts.form.${key}`, values);
  const LABELS: Record<Field, string> = { email: text("email"), name: text("name"), role: text("role"), password: text("password") };
  return (
    <Form method="post" noValidate aria-labelledby="new-staff-heading" className="max-w-xl space-y-4">
      <ErrorSummary errors={errors} labels={LABELS} title={text("notCreated")} />
      <input type="hidden" name="intent" value="create" />
      <TextField name="name" label={LABELS.name} autoComplete="off" defaultValue={values.name} error={errors.name} />
      <TextField name="email" label={LABELS.email} type="email" autoComplete="off" defaultValue={values.email} error={errors.email} />
      <fieldset aria-describedby={controlProps("role", { error: errors.role })["aria-describedby"]}>
        <legend className="text-sm font-semibold text-slate-900">{LABELS.role}</legend>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <label className="flex items-center gap-2">
            <input id="role" type="radio" name="role" value="viewer" defaultChecked={(values.role ?? "viewer") === "viewer"} />
            {text("viewer")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="admin" defaultChecked={values.role === "admin"} />
            {text("admin")}
          </label>
        </div>
        <FieldError field="role" message={errors.role} />
      </fieldset>
      <TextField
        name="password"
        label={LABELS.password}
        hint={text("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        error={errors.password}
      />
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
        {text("create")}
      </button>
    </Form>
  );
}
