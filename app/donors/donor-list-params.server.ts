import { z } from "zod";

import { singleLineText } from "~/utils/text";

/**
 * The donors list's query string (search, filter, sort, page), checked in one
 * place: the page, its CSV export and the download token all read it here.
 */
export const DONOR_FILTERS = ["all", "monthly", "period", "lapsed"] as const;
export const DONOR_SORTS = ["lifetime", "last"] as const;

export interface DonorSearch {
  /** Part of a name or an email, lower-cased; null: every donor. */
  q: string | null;
  filter: (typeof DONOR_FILTERS)[number];
  /** The period of "gave in a period" (UTC days, `to` included). */
  from: Date | null;
  to: Date | null;
  sort: (typeof DONOR_SORTS)[number];
}

export interface DonorCursor {
  value: number;
  id: string;
}

const DaySchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .transform((value, ctx) => {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: "custom", message: "Enter a real date as YYYY-MM-DD." });
      return z.NEVER;
    }
    return date;
  });

const QuerySchema = z.object({
  q: singleLineText().max(200, "Search with at most 200 characters.").optional(),
  filter: z.enum(DONOR_FILTERS, { error: "Unknown filter." }).optional(),
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  sort: z.enum(DONOR_SORTS, { error: "Sort by lifetime giving or last gift." }).optional(),
  after: z
    .string()
    .regex(/^\d{1,18}\.[0-9a-f-]{36}$/i, "This page link is not valid.")
    .optional(),
});

export type DonorListValues = Partial<Record<"q" | "filter" | "from" | "to" | "sort", string>>;

export type DonorListParams =
  | { ok: true; search: DonorSearch; after: DonorCursor | null; values: DonorListValues }
  | { ok: false; values: DonorListValues; problems: Array<{ field: string; message: string }> };

export function parseDonorListParams(params: URLSearchParams): DonorListParams {
  const raw = Object.fromEntries(
    ["q", "filter", "from", "to", "sort", "after"].flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])),
  );
  const values: DonorListValues = { q: raw.q, filter: raw.filter, from: raw.from, to: raw.to, sort: raw.sort };
  const parsed = QuerySchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      values,
      problems: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? "query"), message: issue.message })),
    };
  }
  const { q, filter = "all", from, to, sort = "lifetime", after } = parsed.data;
  if (filter === "period" && (!from || !to || to < from)) {
    return { ok: false, values, problems: [{ field: "from", message: "Give the period as two dates, the first not after the second." }] };
  }
  const cursor = after
    ? { value: Number(after.slice(0, after.indexOf("."))), id: after.slice(after.indexOf(".") + 1).toLowerCase() }
    : null;
  return {
    ok: true,
    values,
    search: {
      q: q ? q.toLowerCase() : null,
      filter,
      from: filter === "period" ? (from ?? null) : null,
      to: filter === "period" ? (to ?? null) : null,
      sort,
    },
    after: cursor,
  };
}

/** The query string of a search (and a page), for links and the export token. */
export function donorListQuery(search: DonorSearch, after?: DonorCursor | null): string {
  const query = new URLSearchParams();
  if (search.q) query.set("q", search.q);
  if (search.filter !== "all") query.set("filter", search.filter);
  if (search.from) query.set("from", search.from.toISOString().slice(0, 10));
  if (search.to) query.set("to", search.to.toISOString().slice(0, 10));
  if (search.sort !== "lifetime") query.set("sort", search.sort);
  if (after) query.set("after", `${after.value}.${after.id}`);
  return query.toString();
}
