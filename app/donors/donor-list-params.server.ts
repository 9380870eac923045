import type { TFunction } from "i18next";
import { z } from "zod";

import { DONOR_FILTERS, DONOR_SORTS } from "~/donors/donor-list-fields";
import { singleLineText } from "~/utils/text";

/**
 * The donors list's query string (search, filter, sort, page), checked in one
 * place: the page, its CSV export and the download token all read it here.
 */

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

/** The query's schema, its messages in the language of `t`. */
function querySchema(t: TFunction) {
  const day = z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, t("staff.donors.params.dateFormat"))
    .transform((value, ctx) => {
      const date = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: "custom", message: t("staff.donors.params.realDate") });
        return z.NEVER;
      }
      return date;
    });
  return z.object({
    q: singleLineText(t("formErrors.singleLine"))
      .max(200, t("staff.donors.params.searchTooLong", { max: 200 }))
      .optional(),
    filter: z.enum(DONOR_FILTERS, { error: t("staff.donors.params.filter") }).optional(),
    from: day.optional(),
    to: day.optional(),
    sort: z.enum(DONOR_SORTS, { error: t("staff.donors.params.sort") }).optional(),
    after: z
      .string()
      .regex(/^\d{1,18}\.[0-9a-f-]{36}$/i, t("staff.donors.params.after"))
      .optional(),
  });
}

export type DonorListValues = Partial<Record<"q" | "filter" | "from" | "to" | "sort", string>>;

export type DonorListParams =
  | { ok: true; search: DonorSearch; after: DonorCursor | null; values: DonorListValues }
  | { ok: false; values: DonorListValues; problems: Array<{ field: string; message: string }> };

export function parseDonorListParams(params: URLSearchParams, t: TFunction): DonorListParams {
  const raw = Object.fromEntries(
    ["q", "filter", "from", "to", "sort", "after"].flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])),
  );
  const values: DonorListValues = { q: raw.q, filter: raw.filter, from: raw.from, to: raw.to, sort: raw.sort };
  const parsed = querySchema(t).safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      values,
      problems: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? "query"), message: issue.message })),
    };
  }
  const { q, filter = "all", from, to, sort = "lifetime", after } = parsed.data;
  if (filter === "period" && (!from || !to || to < from)) {
    return { ok: false, values, problems: [{ field: "from", message: t("staff.donors.params.period") }] };
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
