import type { TFunction } from "i18next";

import type { LiveTotalWords } from "~/giving/live-total";

/**
 * The live total's words in the page's language, with their "{{total}}" and
 * "{{fee}}" places left for the browser to fill (live-total.ts).
 */
export function liveTotalWords(t: TFunction): LiveTotalWords {
  const keep = { total: "{{total}}", fee: "{{fee}}" };
  return {
    locale: t("language.locale"),
    total: t("form.total", keep),
    totalMonthly: t("form.totalMonthly", keep),
    totalYearly: t("form.totalYearly", keep),
    fees: t("form.totalFees", keep),
  };
}
