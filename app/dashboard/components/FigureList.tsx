import type { CampaignFigures } from "~/donations/totals.data.server";
import { useLanguage, useT } from "~/i18n/language-context";
import { formatMoney } from "~/utils/money";

type Figures = Omit<CampaignFigures, "campaignId" | "donors" | "currency">;

/** A campaign's (or a currency's) ledger figures as a definition list. */
export function FigureList({ figures: f, currency, donors }: { figures: Figures; currency: string; donors?: number }) {
  const { t } = useT();
  const { locale } = useLanguage();
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const count = (gifts: number, amount: number) =>
    t("staff.figures.countAndAmount", { gifts: gifts.toLocaleString(locale), amount: money(amount) });
  const number = (value: number) => value.toLocaleString(locale);
  // [data-figure, its label under staff.figures, its value]
  const items: Array<[string, string, string]> = [
    ["raised", "raised", money(f.raised)],
    ...(donors === undefined ? [] : [["donors", "donors", number(donors)] as [string, string, string]]),
    ["online", "online", count(f.donations - f.offline.donations, f.raised - f.offline.raised)],
    ["offline", "offline", count(f.offline.donations, f.offline.raised)],
    ["once", "once", count(f.once.donations, f.once.raised)],
    ["monthly", "monthly", count(f.monthly.donations, f.monthly.raised)],
    [
      "active-monthly",
      "activeMonthly",
      t("staff.figures.perMonth", { gifts: number(f.activeMonthly.gifts), amount: money(f.activeMonthly.monthlyAmount) }),
    ],
    ["gross", "gross", money(f.gross)],
    ["covered-fees", "coveredFees", money(f.coveredFees)],
    ["stripe-fees", "stripeFees", money(f.stripeFees)],
    ["refunds", "refunds", money(f.refunds)],
    ["disputes-lost", "disputesLost", money(f.disputesLost)],
    ["disputes-open", "disputesOpen", number(f.disputesOpen)],
    ["net", "net", money(f.net)],
  ];
  return (
    <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {items.map(([key, label, value]) => (
        <div key={key} className="flex justify-between gap-3 border-b border-slate-100 py-1" data-figure={key}>
          <dt className="text-slate-700">{t(`staff.figures.${label}`)}</dt>
          <dd className="font-semibold tabular-nums text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
