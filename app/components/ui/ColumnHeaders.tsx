/** A column's header: its label, or its label with the column's figures set right. */
export type Column = string | { label: string; align: "right" };

/**
 * The header cells of a table's one header row: `cell` on every cell, `gap`
 * on every cell but the last (the space between columns), and right-aligned
 * columns set right.
 */
export function ColumnHeaders({ columns, cell, gap }: { columns: Column[]; cell: string; gap?: string }) {
  return (
    <>
      {columns.map((column, index) => {
        const { label, align } = typeof column === "string" ? { label: column, align: undefined } : column;
        const className = [cell, index < columns.length - 1 ? gap : undefined, align === "right" ? "text-right" : undefined]
          .filter(Boolean)
          .join(" ");
        return (
          <th key={label} scope="col" className={className}>
            {label}
          </th>
        );
      })}
    </>
  );
}
