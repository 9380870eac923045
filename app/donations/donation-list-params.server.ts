import type { TFunction } from "i18next";

import { DONATION_STATUSES, FREQUENCIES } from "~/donations/donation-labels";
import type { DonationCursor, DonationSearch } from "~/donations/donation-search.data.server";
import { staffTranslator } from "~/staff/staff-language.server";
import { parseForm } from "~/utils/forms.server";
import { singleLineText } from "~/utils/text";
import { z } from "~/utils/zod";

/**
 * The staff donations list's URL: its search, filters and page, as the GET
 * form and the links write them. The list, the detail page's "back" link and
 * the CSV export all read it here.
 */
export { DONATION_STATUSES, FREQUENCIES };

/** What the filter form shows and links carry: plain strings, as typed. */
export interface DonationFilters {
  q?: string;
  campaign?: string;
  frequency?: (typeof FREQUENCIES)[number];
  status?: (typeof DONATION_STATUSES)[number];
  /** First day included, YYYY-MM-DD (UTC). */
  from?: string;
  /** Last day included, YYYY-MM-DD (UTC). */
  to?: string;
}

export type ListParams =
  | { ok: true; filters: DonationFilters; search: DonationSearch; page: { after?: DonationCursor; before?: DonationCursor } }
  | { ok: false; filters: Record<keyof DonationFilters, string>; problems: Array<{ field: string; message: string }> };

const DAY_MS = 86_400_000;

function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

const SEARCH_MAX = 200;

/** The list's URL rules, their messages in the language of `t` (catalogue: staff.donationFilters.errors). */
function paramsSchema(t: TFunction) {
  const message = (key: string) => t(`staff.donationFilters.errors.${key}`, { max: SEARCH_MAX });
  const damaged = message("linkDamaged");
  const Day = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: message("dateFormat"), abort: true })
    .refine((day) => {
      const date = dayStart(day);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
    }, message("noSuchDay"));

  /** A page position in a URL: `<paidAt in ms>.<donation id>`. */
  const Cursor = z
    .string()
    .regex(/^\d{1,15}\.[0-9a-fA-F-]{36}$/, damaged)
    .transform((value, ctx): DonationCursor => {
      const [ms, id = ""] = value.split(".");
      const parsedId = z.uuid().safeParse(id);
      if (!parsedId.success) {
        ctx.addIssue({ code: "custom", message: damaged });
        return z.NEVER;
      }
      return { paidAt: new Date(Number(ms)), id: parsedId.data.toLowerCase() };
    });

  return z
    .object({
      q: optional(singleLineText(message("searchOneLine")).max(SEARCH_MAX, message("searchTooLong"))),
      campaign: optional(z.uuid(message("campaign"))),
      frequency: optional(z.enum(FREQUENCIES, message("frequency"))),
      status: optional(z.enum(DONATION_STATUSES, message("status"))),
      from: optional(Day),
      to: optional(Day),
      after: optional(Cursor),
      before: optional(Cursor),
    })
    .superRefine((params, ctx) => {
      if (params.from && params.to && params.from > params.to) {
        ctx.addIssue({ code: "custom", path: ["to"], message: message("endBeforeStart") });
      }
      if (params.after && params.before) {
        ctx.addIssue({ code: "custom", path: ["after"], message: damaged });
      }
    });
}

const FILTER_KEYS = ["q", "campaign", "frequency", "status", "from", "to"] as const;
const PARAM_KEYS = [...FILTER_KEYS, "after", "before"] as const;

/** Reads the list's URL parameters; unknown parameters are ignored. Problems are told in the language of `t`. */
export function parseListParams(params: URLSearchParams, t: TFunction = staffTranslator()): ListParams {
  const parsed = parseForm(params, { fields: PARAM_KEYS, schema: paramsSchema(t) });
  if (!parsed.ok) {
    const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, parsed.values[key].slice(0, SEARCH_MAX)])) as Record<
      keyof DonationFilters,
      string
    >;
    // One message per field is enough to fix it.
    const problems = Object.entries(parsed.errors).map(([field, message = ""]) => ({ field, message }));
    return { ok: false, filters, problems };
  }
  const { after, before, ...filters } = parsed.data;
  const search: DonationSearch = {
    text: filters.q,
    campaignId: filters.campaign,
    frequency: filters.frequency,
    status: filters.status,
    paidFrom: filters.from ? dayStart(filters.from) : undefined,
    paidBefore: filters.to ? new Date(dayStart(filters.to).getTime() + DAY_MS) : undefined,
  };
  return { ok: true, filters: withoutEmpty(filters), search, page: { after, before } };
}

function withoutEmpty(filters: DonationFilters): DonationFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== "")) as DonationFilters;
}

export function cursorParam(cursor: DonationCursor): string {
  return `${cursor.paidAt.getTime()}.${cursor.id}`;
}

/** The query string (without `?`) for these filters and, optionally, a page. */
export function listQuery(filters: DonationFilters, page: { after?: DonationCursor; before?: DonationCursor } = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page.after) params.set("after", cursorParam(page.after));
  else if (page.before) params.set("before", cursorParam(page.before));
  return params.toString();
}
