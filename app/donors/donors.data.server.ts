import { db } from "~/db/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { DonorCursor, DonorSearch } from "~/donors/donor-list-params.server";

/**
 * The staff's view of donors: the list (search, filters, sort, keyset pages)
 * and one donor's whole record. Lifetime giving is read from
 * "CampaignDonorTotal" (kept by the totals trigger, per campaign and donor,
 * by the rule of what counts), so it always equals the campaign totals.
 */

export const DONOR_PAGE_SIZE = 50;

/** Gifts that count: not voided. */
const GIFT = Prisma.sql`d."voidedAt" IS NULL`;

/** The UTC calendar year of `now`, and the one before, as [start, end) bounds. */
export function lapseYears(now: Date) {
  const year = now.getUTCFullYear();
  return {
    lastYear: [new Date(Date.UTC(year - 1, 0, 1)), new Date(Date.UTC(year, 0, 1))] as const,
    thisYear: [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1))] as const,
  };
}

/** A donor gave (a gift that counts) in [from, to). */
export function gaveBetweenSql(donor: Prisma.Sql, from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Donation" d WHERE d."donorId" = ${donor} AND ${GIFT} AND d."paidAt" >= ${from} AND d."paidAt" < ${to})`;
}

/** Lapsed: gave last calendar year (UTC) and not yet this year. The dashboard counts by the same rule. */
export function lapsedSql(donor: Prisma.Sql, now: Date): Prisma.Sql {
  const { lastYear, thisYear } = lapseYears(now);
  return Prisma.sql`(${gaveBetweenSql(donor, lastYear[0], lastYear[1])} AND NOT ${gaveBetweenSql(donor, thisYear[0], thisYear[1])})`;
}

export function activeMonthlySql(donor: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "RecurringGift" r WHERE r."donorId" = ${donor} AND r."status" = 'active')`;
}

function filterSql(search: DonorSearch, now: Date): Prisma.Sql[] {
  const p = Prisma.sql`p."id"`;
  const conditions: Prisma.Sql[] = [];
  if (search.q) {
    const like = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(Prisma.sql`(lower(p."name") LIKE ${like} OR lower(p."email") LIKE ${like})`);
  }
  if (search.filter === "monthly") conditions.push(activeMonthlySql(p));
  if (search.filter === "period" && search.from && search.to) {
    conditions.push(gaveBetweenSql(p, search.from, new Date(search.to.getTime() + 86_400_000)));
  }
  if (search.filter === "lapsed") conditions.push(lapsedSql(p, now));
  return conditions;
}

export interface DonorListRow {
  id: string;
  name: string;
  email: string | null;
  erased: boolean;
  /** Sum of what counted, in minor units across the donor's currencies: the sort key. */
  lifetimeSortValue: number;
  /** What counted, per currency. */
  lifetime: Array<{ currency: string; amount: number }>;
  gifts: number;
  firstGiftAt: Date | null;
  lastGiftAt: Date | null;
  activeMonthly: number;
}

type RawRow = Omit<DonorListRow, "lifetimeSortValue" | "lifetime" | "gifts" | "activeMonthly" | "erased"> & {
  erasedAt: Date | null;
  sortValue: bigint;
  lifetime: Record<string, number | string> | null;
  gifts: bigint;
  activeMonthly: bigint;
};

/**
 * One page of donors, best first by the chosen sort (lifetime giving, or the
 * last gift's time in milliseconds), then by id; `after` continues a list.
 */
export async function findDonors(
  search: DonorSearch,
  after: DonorCursor | null,
  options: { size?: number; now?: Date } = {},
): Promise<{ rows: DonorListRow[]; next: DonorCursor | null }> {
  const size = options.size ?? DONOR_PAGE_SIZE;
  const conditions = filterSql(search, options.now ?? new Date());
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const sortValue =
    search.sort === "lifetime"
      ? Prisma.sql`COALESCE((SELECT SUM(t."raised") FROM "CampaignDonorTotal" t WHERE t."donorId" = p."id"), 0)::bigint`
      : Prisma.sql`COALESCE((SELECT (EXTRACT(EPOCH FROM MAX(d."paidAt")) * 1000)::bigint FROM "Donation" d WHERE d."donorId" = p."id" AND ${GIFT}), 0)`;
  const page = after ? Prisma.sql`WHERE ("sortValue", "id") < (${after.value}::bigint, ${after.id}::uuid)` : Prisma.empty;
  const rows = await db().$queryRaw<Array<RawRow & { id: string }>>`
    WITH listed AS (
      SELECT p."id", p."name", p."email", p."erasedAt", ${sortValue} AS "sortValue"
        FROM "Donor" p ${where}
    ), page AS (
      SELECT * FROM listed ${page} ORDER BY "sortValue" DESC, "id" DESC LIMIT ${size + 1}
    )
    SELECT page."id"::text AS "id", page."name", page."email", page."erasedAt", page."sortValue",
           (SELECT json_object_agg(c."currency", s."amount") FROM (
              SELECT t."campaignId", SUM(t."raised") AS "amount" FROM "CampaignDonorTotal" t WHERE t."donorId" = page."id" GROUP BY 1
            ) s JOIN "Campaign" c ON c."id" = s."campaignId") AS "lifetime",
           g."gifts", g."firstGiftAt", g."lastGiftAt",
           (SELECT COUNT(*) FROM "RecurringGift" r WHERE r."donorId" = page."id" AND r."status" = 'active') AS "activeMonthly"
      FROM page
      CROSS JOIN LATERAL (SELECT COUNT(*) AS "gifts", MIN(d."paidAt") AS "firstGiftAt", MAX(d."paidAt") AS "lastGiftAt"
                            FROM "Donation" d WHERE d."donorId" = page."id" AND ${GIFT}) g
     ORDER BY page."sortValue" DESC, page."id" DESC`;
  const shown = rows.slice(0, size);
  const last = shown.at(-1);
  return {
    rows: shown.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      erased: row.erasedAt !== null,
      lifetimeSortValue: Number(row.sortValue),
      lifetime: lifetimeList(row.lifetime),
      gifts: Number(row.gifts),
      firstGiftAt: row.firstGiftAt,
      lastGiftAt: row.lastGiftAt,
      activeMonthly: Number(row.activeMonthly),
    })),
    next: rows.length > size && last ? { value: Number(last.sortValue), id: last.id } : null,
  };
}

/** json_object_agg's object of currency → amount, merged per currency (two campaigns in USD add up). */
function lifetimeList(raw: Record<string, number | string> | null): Array<{ currency: string; amount: number }> {
  if (!raw) return [];
  return Object.entries(raw)
    .map(([currency, amount]) => ({ currency, amount: Number(amount) }))
    .filter((entry) => entry.amount !== 0)
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Every donor of a search, a page at a time (the CSV export). */
export async function* eachDonorPage(search: DonorSearch, size = 1_000, now = new Date()): AsyncGenerator<DonorListRow[]> {
  let after: DonorCursor | null = null;
  do {
    const page = await findDonors(search, after, { size, now });
    if (page.rows.length) yield page.rows;
    after = page.next;
  } while (after);
}

/** Everything staff see about one donor: contact details, gifts with receipts, monthly gifts, emails and the audit trail. */
export async function findDonorDetail(donorId: string) {
  const donor = await db().donor.findUnique({ where: { id: donorId } });
  if (!donor) return null;
  const [gifts, recurringGifts, emails, lifetime, audit] = await Promise.all([
    db().donation.findMany({
      where: { donorId },
      orderBy: [{ paidAt: "desc" }, { id: "desc" }],
      take: 500,
      select: {
        id: true,
        paidAt: true,
        grossAmount: true,
        currency: true,
        refundedAmount: true,
        status: true,
        source: true,
        offlineMethod: true,
        frequency: true,
        receiptNumber: true,
        voidedAt: true,
        campaign: { select: { title: true } },
      },
    }),
    db().recurringGift.findMany({
      where: { donorId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        amount: true,
        currency: true,
        status: true,
        createdAt: true,
        canceledAt: true,
        campaign: { select: { title: true } },
      },
    }),
    db().emailMessage.findMany({
      where: { donorId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, kind: true, toAddress: true, subject: true, status: true, createdAt: true, sentAt: true },
    }),
    db().$queryRaw<Array<{ currency: string; amount: bigint }>>`
      SELECT c."currency"::text AS "currency", SUM(t."raised")::bigint AS "amount"
        FROM "CampaignDonorTotal" t JOIN "Campaign" c ON c."id" = t."campaignId"
       WHERE t."donorId" = ${donorId}::uuid GROUP BY 1 ORDER BY 1`,
    db().auditLog.findMany({
      where: { targetType: "donor", targetId: donorId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      include: { actor: { select: { name: true } } },
    }),
  ]);
  const counted = gifts.filter((gift) => gift.voidedAt === null);
  return {
    donor,
    gifts,
    recurringGifts,
    emails,
    audit,
    lifetime: lifetime.filter((row) => row.amount !== 0n).map((row) => ({ currency: row.currency, amount: Number(row.amount) })),
    firstGiftAt: counted.at(-1)?.paidAt ?? null,
    lastGiftAt: counted[0]?.paidAt ?? null,
  };
}

export type DonorDetail = NonNullable<Awaited<ReturnType<typeof findDonorDetail>>>;

/** A donor's id by email (the merge form names the other record by it). */
export async function donorIdByEmail(email: string): Promise<string | null> {
  return (await db().donor.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
}

export interface DonorFigures {
  /** Donors whose first gift that counts fell in the period. */
  newDonors: number;
  /** Donors who gave in the period and had given before it. */
  returningDonors: number;
  monthlyStarted: number;
  monthlyCancelled: number;
  /** Gave last calendar year (UTC) and not this year: the list's "lapsed" filter. */
  lapsed: number;
}

/**
 * The dashboard's donor figures for [from, to), by the donors list's rules:
 * new + returning is the list's "gave in the period", lapsed its "lapsed".
 */
export async function donorFigures(from: Date, to: Date, now = new Date()): Promise<DonorFigures> {
  const [row] = await db().$queryRaw<Array<Record<keyof DonorFigures, bigint>>>`
    WITH gave AS (
      SELECT DISTINCT d."donorId" FROM "Donation" d WHERE ${GIFT} AND d."paidAt" >= ${from} AND d."paidAt" < ${to}
    )
    SELECT (SELECT COUNT(*) FROM gave g WHERE NOT ${gaveBetweenSql(Prisma.sql`g."donorId"`, new Date(0), from)}) AS "newDonors",
           (SELECT COUNT(*) FROM gave g WHERE ${gaveBetweenSql(Prisma.sql`g."donorId"`, new Date(0), from)}) AS "returningDonors",
           (SELECT COUNT(*) FROM "RecurringGift" r WHERE r."createdAt" >= ${from} AND r."createdAt" < ${to}) AS "monthlyStarted",
           (SELECT COUNT(*) FROM "RecurringGift" r WHERE r."canceledAt" >= ${from} AND r."canceledAt" < ${to}) AS "monthlyCancelled",
           (SELECT COUNT(*) FROM "Donor" p WHERE ${lapsedSql(Prisma.sql`p."id"`, now)}) AS "lapsed"`;
  return {
    newDonors: Number(row?.newDonors ?? 0),
    returningDonors: Number(row?.returningDonors ?? 0),
    monthlyStarted: Number(row?.monthlyStarted ?? 0),
    monthlyCancelled: Number(row?.monthlyCancelled ?? 0),
    lapsed: Number(row?.lapsed ?? 0),
  };
}
