import type { ReactNode } from "react";

import { ColumnHeaders } from "~/components/ui/ColumnHeaders";

/** The padding of every cell of a detail table, header and body alike. */
export const detailCell = "px-3 py-2 align-top";

/**
 * One section of the donation page: its heading, then its rows as a table in
 * a focusable region that scrolls sideways on a narrow screen, or `empty`
 * when there are no rows.
 */
export function DetailTable({
  id,
  title,
  empty,
  columns,
  rowCount,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  columns: string[];
  rowCount: number;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-lg font-semibold text-brand-800">
        {title}
      </h2>
      {rowCount === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <ColumnHeaders columns={columns} cell={detailCell} />
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
