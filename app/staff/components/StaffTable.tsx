import type { ReactNode } from "react";

import { ColumnHeaders, type Column } from "~/components/ui/ColumnHeaders";

/**
 * A staff list as a table in its own focusable region: on a narrow screen
 * the region takes no width of its own and the table scrolls sideways inside
 * it. `columns` are the header cells, `children` the body rows, and
 * `minWidth` the table's Tailwind min-width class.
 */
export function StaffTable({
  label,
  caption,
  minWidth,
  columns,
  children,
}: {
  label: string;
  caption: string;
  minWidth: string;
  columns: Column[];
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative mt-6 w-0 min-w-full overflow-x-auto">
      <table className={`w-full ${minWidth} border-collapse text-left text-sm`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <ColumnHeaders columns={columns} cell="py-2" gap="pr-3" />
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
