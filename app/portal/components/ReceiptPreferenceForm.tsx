import { Form } from "@remix-run/react";

import { LABEL_CLASS } from "~/components/ui/Field";
import { useT } from "~/i18n/language-context";

/** A receipt for each instalment, or only the annual statement. */
export function ReceiptPreferenceForm({ preference }: { preference: "each" | "annual" }) {
  const { t } = useT();
  return (
    <Form method="post" className="mt-6 rounded-lg border border-slate-200 p-4">
      <fieldset>
        <legend className={LABEL_CLASS}>{t("portal.preferenceLegend")}</legend>
        {(["each", "annual"] as const).map((value) => (
          <label key={value} className="mt-2 flex items-center gap-2 text-slate-800">
            <input type="radio" name="preference" value={value} defaultChecked={preference === value} />
            {t(value === "each" ? "portal.preferenceEach" : "portal.preferenceAnnual")}
          </label>
        ))}
      </fieldset>
      <input type="hidden" name="intent" value="preference" />
      <button type="submit" className="mt-3 rounded-md border border-slate-400 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
        {t("portal.preferenceButton")}
      </button>
    </Form>
  );
}
