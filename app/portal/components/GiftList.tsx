import { ColumnHeaders } from "~/components/ui/ColumnHeaders";
import { portalMessages } from "~/portal/messages";
import type { GiftView } from "~/portal/portal-view.server";

const m = portalMessages;
const CELL = "py-2 text-left align-top";

/** Every gift of the donor with its receipt (a PDF to download) and any refund; a statement per year. */
export function GiftList({ gifts, statementYears }: { gifts: GiftView[]; statementYears: number[] }) {
  if (gifts.length === 0) return <p className="mt-2 text-slate-700">{m.noGifts}</p>;
  return (
    <>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <ColumnHeaders columns={[...m.giftColumns]} cell={CELL} gap="pr-4" />
            </tr>
          </thead>
          <tbody>
            {gifts.map((gift) => (
              <tr key={gift.id} className="border-b border-slate-100" data-testid="gift-row">
                <td className={`${CELL} pr-4 whitespace-nowrap`}>{gift.date}</td>
                <td className={`${CELL} pr-4`}>{gift.gift}</td>
                <td className={`${CELL} pr-4 whitespace-nowrap`}>
                  {gift.amount}
                  {gift.refund ? <span className="block text-slate-600">{gift.refund}</span> : null}
                </td>
                <td className={`${CELL} pr-4 whitespace-nowrap`}>{gift.receiptNumber ?? m.noReceiptYet}</td>
                <td className={CELL}>
                  {gift.receiptNumber ? (
                    <a href={`/give/portal/receipts/${gift.id}`} className="font-semibold text-brand-700 underline" download>
                      {m.receiptPdf}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mt-6 font-semibold text-slate-900">{m.statementHeading}</h3>
      <ul className="mt-2 space-y-1">
        {statementYears.map((year) => (
          <li key={year}>
            <a href={`/give/portal/statements/${year}`} className="font-semibold text-brand-700 underline" download>
              {m.statementLink(year)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
