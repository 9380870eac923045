import type { CampaignFigures } from "~/donations/totals.data.server";
import { formatMoney } from "~/utils/money";

type Figures = Omit<CampaignFigures, "campaignId" | "donors" | "currency">;

/** A campaign's (or a currency's) ledger figures as a definition list. */
export function FigureList({ figures: f, currency, donors }: { figures: Figures; currency: string; donors?: number }) {
  const money = (amount: number) => formatMoney(amount, currency);
  const items: Array<[string, string, string]> = [
    ["raised", "Raised toward goal", money(f.raised)],
    ...(donors === undefined ? [] : [["donors", "Donors", String(donors)] as [string, string, string]]),
    ["online", "Online gifts", `${f.donations - f.offline.donations} · ${money(f.raised - f.offline.raised)}`],
    ["offline", "Offline gifts (cheque, cash, transfer)", `${f.offline.donations} · ${money(f.offline.raised)}`],
    ["once", "One-time gifts", `${f.once.donations} · ${money(f.once.raised)}`],
    ["monthly", "Monthly instalments", `${f.monthly.donations} · ${money(f.monthly.raised)}`],
    ["active-monthly", "Active monthly gifts", `${f.activeMonthly.gifts} · ${money(f.activeMonthly.monthlyAmount)} a month`],
    ["gross", "Gross charged", money(f.gross)],
    ["covered-fees", "Fees covered by donors", money(f.coveredFees)],
    ["stripe-fees", "Stripe fees", money(f.stripeFees)],
    ["refunds", "Refunds", money(f.refunds)],
    ["disputes-lost", "Lost in disputes", money(f.disputesLost)],
    ["disputes-open", "Open disputes", String(f.disputesOpen)],
    ["net", "Net", money(f.net)],
  ];
  return (
    <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {items.map(([key, label, value]) => (
        <div key={key} className="flex justify-between gap-3 border-b border-slate-100 py-1" data-figure={key}>
          <dt className="text-slate-700">{label}</dt>
          <dd className="font-semibold tabular-nums text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
