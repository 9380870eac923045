import { Form } from "@remix-run/react";

import { LABEL_CLASS } from "~/components/ui/Field";
import { Select } from "~/components/ui/Input";
import { useT } from "~/i18n/language-context";

/** A list's filter: one choice sent as a GET parameter; the first option, value "", shows everything. */
export function SelectFilter({
  name,
  label,
  allLabel,
  options,
  optionLabel = (option) => option,
  value,
}: {
  name: string;
  label: string;
  allLabel: string;
  options: readonly string[];
  /** What an option shows (its value unless told). */
  optionLabel?: (option: string) => string;
  value: string;
}) {
  const { t } = useT();
  return (
    <Form method="get" className="mt-6 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={name} className={LABEL_CLASS}>
          {label}
        </label>
        <Select id={name} name={name} defaultValue={value} inline className="mt-1">
          <option value="">{allLabel}</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(option)}
            </option>
          ))}
        </Select>
      </div>
      <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50">
        {t("staff.lists.show")}
      </button>
    </Form>
  );
}
