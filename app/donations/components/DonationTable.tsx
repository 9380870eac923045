import { Link } from "@remix-run/react";

import { ColumnHeaders } from "~/components/ui/ColumnHeaders";
import { useT } from "~/i18n/language-context";

export interface DonationTableRow {
  id: string;
  href: string;
  paidAt: string;
  donorName: string;
  donorEmail: string | null;
  campaignTitle: string;
  frequency: string;
  amount: string;
  status: string;
  dispute: string | null;
  receiptNumber: string | null;
}

/**
 * The donations list. On a narrow screen the table keeps its columns and
 * scrolls sideways inside its own focusable region.
 */
export function DonationTable({ rows, caption }: { rows: DonationTableRow[]; caption: string }) {
  const { t } = useT();
  const column = (name: string) => t(`staff.donationList.columns.${name}`);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200" role="region" aria-labelledby="donations-caption" tabIndex={0}>
      <table className="min-w-[48rem] w-full border-collapse text-left text-sm">
        <caption id="donations-caption" className="px-3 py-2 text-left text-sm text-slate-700">
          {caption}
        </caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <ColumnHeaders
              columns={[
                column("paid"),
                column("donor"),
                column("campaign"),
                column("gift"),
                { label: column("amount"), align: "right" },
                column("status"),
                column("receipt"),
              ]}
              cell="px-3 py-2 font-semibold"
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 align-top">
              <td className="whitespace-nowrap px-3 py-2">{row.paidAt}</td>
              <th scope="row" className="px-3 py-2 font-normal">
                <Link to={row.href} className="font-semibold text-brand-700 underline">
                  {row.donorName}
                </Link>
                <span className="block break-all text-slate-600">{row.donorEmail}</span>
              </th>
              <td className="px-3 py-2">{row.campaignTitle}</td>
              <td className="px-3 py-2">{row.frequency}</td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{row.amount}</td>
              <td className="px-3 py-2">
                {row.status}
                {row.dispute ? <span className="block text-red-800">{row.dispute}</span> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{row.receiptNumber ?? t("staff.labels.none")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
