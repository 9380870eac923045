import type { Keyset } from "~/utils/keyset.server";

/** The findMany arguments for one page newest first: the caller adds its own filter and columns. */
export interface KeysetQuery {
  /** Rows older than the cursor (empty on the first page); spread into the caller's where. */
  where: { OR?: ({ createdAt: { lt: Date } } | { createdAt: Date; id: { lt: string } })[] };
  orderBy: [{ createdAt: "desc" }, { id: "desc" }];
  /** One row more than a page, to learn whether an older page exists. */
  take: number;
}

/**
 * One page of a list shown newest first by (createdAt, id), starting after
 * the `before` cursor (see ~/utils/keyset). `find` runs the query with the
 * paging arguments; the extra row it reads only sets `hasMore`.
 */
export async function newestFirstPage<Row>(
  size: number,
  before: Keyset | undefined,
  find: (query: KeysetQuery) => Promise<Row[]>,
): Promise<{ rows: Row[]; hasMore: boolean }> {
  const rows = await find({
    where: before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: size + 1,
  });
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
