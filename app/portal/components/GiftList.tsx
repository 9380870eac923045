import { ColumnHeaders } from "~/components/ui/ColumnHeaders";
import { useT } from "~/i18n/language-context";
import type { GiftView } from "~/portal/portal-view.server";

const CELL = "py-2 text-left align-top";

/** Every gift of the donor with its receipt (a PDF to download) and any refund; a statement per year. */
export function GiftList({ gifts, statementYears }: { gifts: GiftView[]; statementYears: number[] }) {
  const { t } = useT();
  if (gifts.length === 0) return <p className="mt-2 text-slate-700">{t("portal.noGifts")}</p>;
  const columns = [t("portal.columnDate"), t("portal.columnGift"), t("portal.columnAmount"), t("portal.columnReceipt"), ""];
  return (
    <>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <ColumnHeaders columns={columns} cell={CELL} gap="pr-4" />
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
                <td className={`${CELL} pr-4 whitespace-nowrap`}>{gift.receiptNumber ?? t("portal.noReceiptYet")}</td>
                <td className={CELL}>
                  {gift.receiptNumber ? (
                    <a href={`/give/portal/receipts/${gift.id}`} className="font-semibold text-brand-700 underline" download>
                      {t("portal.receiptPdf")}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mt-6 font-semibold text-slate-900">{t("portal.statementHeading")}</h3>
      <ul className="mt-2 space-y-1">
        {statementYears.map((year) => (
          <li key={year}>
            <a href={`/give/portal/statements/${year}`} className="font-semibold text-brand-700 underline" download>
              {t("portal.statementLink", { year })}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
