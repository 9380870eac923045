import { Link } from "@remix-run/react";

import type { DonorFigures } from "~/donors/donors.data.server";
import { useLanguage, useT } from "~/i18n/language-context";

/** New and returning donors, monthly gifts started and cancelled in the range, and lapsed donors. */
export function DonorFiguresPanel({
  figures,
  gaveHref,
  lapsedHref,
  days,
}: {
  figures: DonorFigures;
  gaveHref: string;
  lapsedHref: string;
  days: number;
}) {
  const { t } = useT();
  const { locale } = useLanguage();
  const items: Array<[string, string, number, string | null]> = [
    ["new-donors", t("staff.donors.figures.newDonors"), figures.newDonors, gaveHref],
    ["returning-donors", t("staff.donors.figures.returningDonors"), figures.returningDonors, gaveHref],
    ["monthly-started", t("staff.donors.figures.monthlyStarted"), figures.monthlyStarted, null],
    ["monthly-cancelled", t("staff.donors.figures.monthlyCancelled"), figures.monthlyCancelled, null],
    ["lapsed", t("staff.donors.figures.lapsed"), figures.lapsed, lapsedHref],
  ];
  return (
    <section aria-labelledby="donor-figures" className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="donor-figures" className="text-lg font-semibold text-brand-800">
        {t("staff.donors.figures.title", { count: days })}
      </h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {items.map(([key, label, value, href]) => (
          <div key={key} className="flex justify-between gap-3 border-b border-slate-100 py-1" data-figure={key}>
            <dt className="text-slate-700">
              {href ? (
                <Link to={href} className="underline">
                  {label}
                </Link>
              ) : (
                label
              )}
            </dt>
            <dd className="font-semibold tabular-nums text-slate-900">{value.toLocaleString(locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
