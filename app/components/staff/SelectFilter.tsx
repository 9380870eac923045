import { Form } from "@remix-run/react";

/** A list's filter: one choice sent as a GET parameter; the first option, value "", shows everything. */
export function SelectFilter({ name, label, allLabel, options, value }: { name: string; label: string; allLabel: string; options: readonly string[]; value: string }) {
  return (
    <Form method="get" className="mt-6 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={name} className="block text-sm font-semibold text-slate-900">
          {label}
        </label>
        <select id={name} name={name} defaultValue={value} className="mt-1 rounded-md border border-slate-400 px-3 py-2">
          <option value="">{allLabel}</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50">
        Show
      </button>
    </Form>
  );
}
