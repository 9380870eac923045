import { db } from "~/db/db.server";
import { Prisma, type DisputeStatus, type DonationStatus, type GiftFrequency } from "~/generated/prisma/client";

/**
 * Finding donations for staff: the one place that decides which donations a
 * search and its filters match, used by the staff list and the CSV export.
 *
 * Pages are keyset pages, newest first (`paidAt` desc, then `id` desc): a
 * page starts right after the last row of the previous one, so a page deep in
 * a million rows costs what the first one does (no OFFSET). The indexes on
 * `paidAt` and `(campaignId, paidAt)` serve that order (PostgreSQL sorts the
 * few rows that share a `paidAt` by id on the fly); searches go through the
 * donor indexes of the donor_search migration. Measured at a million rows in
 * bench/donations-list.ts.
 *
 *   const search = { campaignId, status: "succeeded", paidFrom } satisfies DonationSearch;
 *   const page = await findDonations(search, { limit: 50 });         // newest 50
 *   const next = await findDonations(search, { after: page.older! }); // the 50 after them
 *   const total = await countDonations(search);                       // { count, more } capped at 10,000
 *
 * Docs: docs/decisions/015-staff-donation-search.md.
 */
export interface DonationSearch {
  /**
   * A receipt number (`2026-000042`, or `2026-42`): that receipt only.
   * Anything else: the start of the donor's email, or the starts of words of
   * their name ("jane sm" finds "Jane Smith"), any case.
   */
  text?: string;
  campaignId?: string;
  frequency?: GiftFrequency;
  status?: DonationStatus;
  /** Paid at or after this instant. */
  paidFrom?: Date;
  /** Paid before this instant. */
  paidBefore?: Date;
}

/** Where a page starts: the sort key of the row next to it. */
export interface DonationCursor {
  paidAt: Date;
  id: string;
}

export interface DonationRow {
  id: string;
  paidAt: Date;
  receiptNumber: string | null;
  donorId: string;
  donorName: string;
  /** Null for a donor of offline gifts without an email, and an erased donor. */
  donorEmail: string | null;
  campaignId: string;
  campaignTitle: string;
  frequency: GiftFrequency;
  currency: string;
  /** Minor units of `currency`, like every amount here. */
  grossAmount: number;
  coveredFee: number;
  stripeFee: number | null;
  netAmount: number | null;
  refundedAmount: number;
  status: DonationStatus;
  disputeStatus: DisputeStatus | null;
  stripePaymentIntentId: string | null;
  stripeInvoiceId: string | null;
  /** "online" or "offline" (recorded by staff), with how an offline gift was paid and its reference. */
  source: string;
  offlineMethod: string | null;
  reference: string | null;
  /** Set on a voided offline gift, which counts toward nothing. */
  voidedAt: Date | null;
}

export interface DonationPage {
  rows: DonationRow[];
  /** Cursor for the page of newer rows (`before`), or null on the first page. */
  newer: DonationCursor | null;
  /** Cursor for the page of older rows (`after`), or null on the last page. */
  older: DonationCursor | null;
}

export const DONATION_PAGE_SIZE = 50;
export const MAX_DONATION_PAGE_SIZE = 5_000;

/** A receipt number as people type it: `2026-000042`, `2026-42`, or a sandbox one, `test-2026-7`. */
const RECEIPT_NUMBER = /^(test-)?(\d{4})-(\d{1,6})$/i;

/** The receipt number a search text stands for, or null when it is not one. */
export function receiptNumberIn(text: string): string | null {
  const match = RECEIPT_NUMBER.exec(text.trim());
  if (!match) return null;
  return `${match[1] ? "TEST-" : ""}${match[2]}-${(match[3] ?? "").padStart(6, "0")}`;
}

/** A LIKE pattern for what starts with `text`, LIKE's own wildcards taken literally. */
function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A tsquery asking for words that start with each word of `text`: letters and
 * digits only, so nothing in it is tsquery syntax. The database lower-cases
 * the words itself, exactly as it did for the index.
 */
function wordPrefixQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  return words.length > 0 ? words.map((word) => `${word}:*`).join(" & ") : null;
}

/** Up to this many matching donors are looked up first and passed by id. */
const DONOR_IDS_LIMIT = 1_000;

/**
 * Donors whose email starts with `text`, or whose name has words starting
 * with each word of `text`, any case. Both are served by the indexes of the
 * donor_search migration, so the donor table is never scanned.
 */
function donorMatchSql(text: string): Prisma.Sql {
  const words = wordPrefixQuery(text);
  const byEmail = Prisma.sql`lower(p."email") LIKE lower(${prefixPattern(text)})`;
  const byName = words ? Prisma.sql` OR to_tsvector('simple', p."name") @@ to_tsquery('simple', ${words})` : Prisma.empty;
  return Prisma.sql`${byEmail}${byName}`;
}

/**
 * The donation condition for a donor search. The matching donors are looked
 * up first: PostgreSQL cannot estimate how many donors a word prefix matches,
 * and guessing "many" when there are none walks every donation. Up to
 * DONOR_IDS_LIMIT donors are passed by id (their gifts come through the
 * `(donorId, paidAt)` index); more than that match a good share of all gifts,
 * and walking the newest gifts finds a page quickly. `manyDonors` is the
 * donor match itself in that case, for the count.
 */
async function donorCondition(text: string): Promise<{ condition: Prisma.Sql; manyDonors?: Prisma.Sql }> {
  const match = donorMatchSql(text);
  const donors = await db().$queryRaw<{ id: string }[]>`
    SELECT p."id"::text AS "id" FROM "Donor" p WHERE ${match} LIMIT ${DONOR_IDS_LIMIT + 1}`;
  if (donors.length === 0) return { condition: Prisma.sql`FALSE` };
  if (donors.length <= DONOR_IDS_LIMIT) return { condition: Prisma.sql`d."donorId" = ANY(${donors.map((donor) => donor.id)}::uuid[])` };
  return { condition: Prisma.sql`d."donorId" IN (SELECT p."id" FROM "Donor" p WHERE ${match})`, manyDonors: match };
}

/** `timestamp(3)` columns hold UTC wall-clock time; an ISO string cast to `timestamp` gives exactly that. */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`${date.toISOString()}::timestamp`;
}

/** A search turned into SQL conditions, with its donor lookup done once. */
export interface PreparedSearch {
  readonly conditions: readonly Prisma.Sql[];
  /**
   * When the text matched more than DONOR_IDS_LIMIT donors: the condition on
   * "Donor" p that matches them, and the search's other conditions on
   * "Donation" d (see donationCountQuery).
   */
  readonly manyDonors?: { readonly match: Prisma.Sql; readonly otherConditions: readonly Prisma.Sql[] };
}

/** Turns a search into SQL; pass the result to several pages or a count to look donors up once. */
export async function prepareSearch(search: DonationSearch): Promise<PreparedSearch> {
  const where: Prisma.Sql[] = [];
  const text = search.text?.trim();
  let byDonor: { condition: Prisma.Sql; manyDonors?: Prisma.Sql } | undefined;
  if (text) {
    const receipt = receiptNumberIn(text);
    if (receipt) where.push(Prisma.sql`d."receiptNumber" = ${receipt}`);
    else byDonor = await donorCondition(text);
  }
  if (search.campaignId) where.push(Prisma.sql`d."campaignId" = ${search.campaignId}::uuid`);
  if (search.frequency) where.push(Prisma.sql`d."frequency" = ${search.frequency}::"GiftFrequency"`);
  if (search.status) where.push(Prisma.sql`d."status" = ${search.status}::"DonationStatus"`);
  if (search.paidFrom) where.push(Prisma.sql`d."paidAt" >= ${utc(search.paidFrom)}`);
  if (search.paidBefore) where.push(Prisma.sql`d."paidAt" < ${utc(search.paidBefore)}`);
  if (!byDonor) return { conditions: where };
  return {
    conditions: [byDonor.condition, ...where],
    ...(byDonor.manyDonors ? { manyDonors: { match: byDonor.manyDonors, otherConditions: where } } : {}),
  };
}

async function prepared(search: DonationSearch | PreparedSearch): Promise<PreparedSearch> {
  return "conditions" in search ? search : prepareSearch(search);
}

function whereSql(parts: readonly Prisma.Sql[]): Prisma.Sql {
  return parts.length > 0 ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

export interface PageRequest {
  after?: DonationCursor;
  before?: DonationCursor;
  limit?: number;
}

/**
 * The SQL of one page (exported so that benchmarks can EXPLAIN exactly what
 * the list runs). It asks for one row more than `limit` to learn whether
 * another page follows.
 */
export async function donationPageQuery(
  search: DonationSearch | PreparedSearch,
  page: PageRequest = {},
): Promise<{ sql: Prisma.Sql; limit: number; backwards: boolean }> {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? DONATION_PAGE_SIZE), 1), MAX_DONATION_PAGE_SIZE);
  const where = [...(await prepared(search)).conditions];
  const backwards = !page.after && Boolean(page.before);
  const cursor = page.after ?? page.before;
  if (cursor) {
    const key = Prisma.sql`(${utc(cursor.paidAt)}, ${cursor.id}::uuid)`;
    where.push(backwards ? Prisma.sql`(d."paidAt", d."id") > ${key}` : Prisma.sql`(d."paidAt", d."id") < ${key}`);
  }
  const order = backwards ? Prisma.sql`d."paidAt" ASC, d."id" ASC` : Prisma.sql`d."paidAt" DESC, d."id" DESC`;
  const sql = Prisma.sql`
    SELECT d."id"::text AS "id", d."paidAt", d."receiptNumber",
           d."donorId"::text AS "donorId", p."name" AS "donorName", p."email" AS "donorEmail",
           d."campaignId"::text AS "campaignId", c."title" AS "campaignTitle",
           d."frequency"::text AS "frequency", d."currency"::text AS "currency",
           d."grossAmount", d."coveredFee", d."stripeFee", d."netAmount", d."refundedAmount",
           d."status"::text AS "status", d."disputeStatus"::text AS "disputeStatus",
           d."stripePaymentIntentId", d."stripeInvoiceId",
           d."source"::text AS "source", d."offlineMethod"::text AS "offlineMethod", d."reference", d."voidedAt"
      FROM "Donation" d
      JOIN "Donor" p ON p."id" = d."donorId"
      JOIN "Campaign" c ON c."id" = d."campaignId"
      ${whereSql(where)}
     ORDER BY ${order}
     LIMIT ${limit + 1}`;
  return { sql, limit, backwards };
}

/**
 * One page of the donations matching `search`, newest first. Without a
 * cursor, the newest page; `after` gives the page of older rows that follows
 * a row, `before` the page of newer rows that precedes it.
 */
export async function findDonations(search: DonationSearch | PreparedSearch, page: PageRequest = {}): Promise<DonationPage> {
  const { sql, limit, backwards } = await donationPageQuery(search, page);
  // Both drivers return timestamp(3) columns as Dates (read as UTC).
  const raw = await db().$queryRaw<DonationRow[]>(sql);
  const more = raw.length > limit;
  const rows = raw.slice(0, limit);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNewer = backwards ? more : Boolean(page.after);
  const hasOlder = backwards ? true : more;
  return {
    rows,
    newer: hasNewer && first ? { paidAt: first.paidAt, id: first.id } : null,
    older: hasOlder && last ? { paidAt: last.paidAt, id: last.id } : null,
  };
}

export const DONATION_COUNT_CAP = 10_000;

/**
 * How many donations match, counted up to `cap`: past it the answer is
 * "more than cap" (`more: true`), which costs a bounded index walk instead of
 * a count over the whole table.
 *
 * When the text matched many donors, the count goes donor by donor: each
 * matching donor's gifts come from the `(donorId, paidAt)` index until cap + 1
 * are found, so a common first name costs a few thousand index probes. The
 * LATERAL subquery with OFFSET 0 keeps PostgreSQL from turning it into a join
 * that scans the donations (or starts parallel workers) instead.
 */
export async function donationCountQuery(search: DonationSearch | PreparedSearch, cap = DONATION_COUNT_CAP): Promise<Prisma.Sql> {
  const { conditions, manyDonors } = await prepared(search);
  if (manyDonors) {
    const gifts = whereSql([Prisma.sql`d."donorId" = p."id"`, ...manyDonors.otherConditions]);
    return Prisma.sql`
      SELECT count(*)::int AS "n" FROM (
        SELECT 1 FROM "Donor" p CROSS JOIN LATERAL (SELECT 1 FROM "Donation" d ${gifts} OFFSET 0) AS gift
         WHERE ${manyDonors.match}
         LIMIT ${cap + 1}) AS matched`;
  }
  return Prisma.sql`
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "Donation" d ${whereSql([...conditions])} LIMIT ${cap + 1}) AS matched`;
}

export async function countDonations(
  search: DonationSearch | PreparedSearch,
  cap = DONATION_COUNT_CAP,
): Promise<{ count: number; more: boolean }> {
  const rows = await db().$queryRaw<{ n: number }[]>(await donationCountQuery(search, cap));
  const n = Number(rows[0]?.n ?? 0);
  return n > cap ? { count: cap, more: true } : { count: n, more: false };
}

/**
 * Every donation matching `search`, newest first, a keyset page at a time:
 * memory stays flat however many rows match (the CSV export streams these).
 */
export async function* eachDonationPage(search: DonationSearch, pageSize = 1_000): AsyncGenerator<DonationRow[]> {
  const ready = await prepareSearch(search);
  let after: DonationCursor | undefined;
  for (;;) {
    const page = await findDonations(ready, { after, limit: pageSize });
    if (page.rows.length > 0) yield page.rows;
    if (!page.older) return;
    after = page.older;
  }
}

/** The campaigns the list can be filtered by: every campaign, newest first. */
export async function campaignChoices(): Promise<Array<{ id: string; title: string }>> {
  return db().campaign.findMany({ select: { id: true, title: true }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}
