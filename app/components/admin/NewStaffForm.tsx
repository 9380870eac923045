import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/ErrorSummary";
import { FieldError } from "~/components/FieldError";

type Field = "email" | "name" | "role" | "password";

const LABELS: Record<Field, string> = { email: "Email", name: "Name", role: "Role", password: "Password" };
const inputClass = "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700";

/** Creates a staff account. The password is never sent back to the page. */
export function NewStaffForm({ values, errors }: { values: Partial<Record<Exclude<Field, "password">, string>>; errors: Partial<Record<Field, string>> }) {
  const describedBy = (field: Field, hint = false) => [hint ? `${field}-hint` : null, errors[field] ? `${field}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <Form method="post" noValidate aria-labelledby="new-staff-heading" className="max-w-xl space-y-4">
      <ErrorSummary errors={errors} labels={LABELS} title="The account was not created:" />
      <input type="hidden" name="intent" value="create" />
      {(["name", "email"] as const).map((field) => (
        <div key={field}>
          <label htmlFor={field} className="block text-sm font-semibold text-slate-900">
            {LABELS[field]}
          </label>
          <input
            id={field}
            name={field}
            type={field === "email" ? "email" : "text"}
            autoComplete="off"
            defaultValue={values[field]}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={describedBy(field)}
            className={inputClass}
          />
          <FieldError field={field} message={errors[field]} />
        </div>
      ))}
      <fieldset aria-describedby={describedBy("role")}>
        <legend className="text-sm font-semibold text-slate-900">Role</legend>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <label className="flex items-center gap-2">
            <input id="role" type="radio" name="role" value="viewer" defaultChecked={(values.role ?? "viewer") === "viewer"} />
            Viewer: totals and donations, read only
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="admin" defaultChecked={values.role === "admin"} />
            Admin: everything
          </label>
        </div>
        <FieldError field="role" message={errors.role} />
      </fieldset>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold text-slate-900">
          Password
        </label>
        <p id="password-hint" className="text-sm text-slate-700">
          At least 12 characters; a few unrelated words make a good one.
        </p>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy("password", true)}
          className={inputClass}
        />
        <FieldError field="password" message={errors.password} />
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
        Create account
      </button>
    </Form>
  );
}
