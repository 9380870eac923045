import { cachedContent } from "~/db/content-cache.data.server";
import { db } from "~/db/db.server";
import { Prisma } from "~/generated/prisma/client";

/**
 * What counts toward a campaign's progress, in one place.
 *
 * A donation counts for what the donor gave to the cause: the gross charge
 * less the processing fee they chose to cover, less refunds, less a dispute
 * the organisation lost; never below zero. Only recorded (succeeded) charges
 * exist as Donation rows, so pending or failed payments never count. A
 * voided gift (an offline gift staff cancelled, COUNTED_ROWS_SQL) counts
 * toward nothing at all, not even the number of gifts.
 */
const COUNTED_AMOUNT_SQL = Prisma.sql`GREATEST(0,
  d."grossAmount" - d."coveredFee" - d."refundedAmount"
  - CASE WHEN d."disputeStatus" = 'lost' THEN d."disputedAmount" ELSE 0 END)`;

/** The donation rows that count at all: every one but voided gifts. */
export const COUNTED_ROWS_SQL = Prisma.sql`d."voidedAt" IS NULL`;

export interface CampaignProgress {
  campaignId: string;
  /** Minor units of the campaign's currency. */
  raised: number;
  donors: number;
}

/**
 * Progress for each campaign id given (campaigns with no gifts get zeros).
 * Read from "CampaignTotals", which a database trigger keeps in step with
 * every change to "Donation" using the same rule as COUNTED_AMOUNT_SQL
 * (see docs/decisions/006-campaign-totals.md).
 */
export async function campaignProgress(campaignIds: string[]): Promise<Map<string, CampaignProgress>> {
  const progress = new Map<string, CampaignProgress>(campaignIds.map((campaignId) => [campaignId, { campaignId, raised: 0, donors: 0 }]));
  if (campaignIds.length === 0) return progress;
  const rows = await db().campaignTotals.findMany({
    where: { campaignId: { in: campaignIds } },
    select: { campaignId: true, raised: true, donors: true },
  });
  for (const row of rows) {
    progress.set(row.campaignId, { campaignId: row.campaignId, raised: Number(row.raised), donors: Number(row.donors) });
  }
  return progress;
}

/** campaignProgress for the public pages: kept in memory until a gift changes a total (decision 030). */
export function publicCampaignProgress(campaignIds: string[]): Promise<Map<string, CampaignProgress>> {
  return cachedContent(`campaign-progress:${campaignIds.join(",")}`, () => campaignProgress(campaignIds), "figures");
}

/**
 * The same progress summed from the donation rows themselves: slow at scale,
 * used to check the maintained totals (tests, and a consistency check).
 */
export async function campaignProgressFromLedger(campaignIds: string[]): Promise<Map<string, CampaignProgress>> {
  const progress = new Map<string, CampaignProgress>(campaignIds.map((campaignId) => [campaignId, { campaignId, raised: 0, donors: 0 }]));
  if (campaignIds.length === 0) return progress;
  const rows = await db().$queryRaw<{ campaignId: string; raised: bigint | null; donors: bigint }[]>`
    SELECT d."campaignId"::text AS "campaignId",
           SUM(${COUNTED_AMOUNT_SQL}) AS raised,
           COUNT(DISTINCT d."donorId") FILTER (WHERE ${COUNTED_AMOUNT_SQL} > 0) AS donors
      FROM "Donation" d
     WHERE d."campaignId" = ANY(${campaignIds}::uuid[]) AND ${COUNTED_ROWS_SQL}
     GROUP BY d."campaignId"`;
  for (const row of rows) {
    progress.set(row.campaignId, { campaignId: row.campaignId, raised: Number(row.raised ?? 0n), donors: Number(row.donors) });
  }
  return progress;
}

/**
 * The three totals tables as the donation rows say they should be, by the
 * trigger's rule: one SELECT each, with the tables' own columns (no
 * "updatedAt"). The rebuild inserts them; the consistency check compares them
 * with what the trigger kept. `donorTotals` names the per-donor totals that
 * the donor count is taken from.
 */
const LEDGER_DONOR_TOTALS_SQL = Prisma.sql`SELECT d."campaignId", d."donorId", SUM(${COUNTED_AMOUNT_SQL}) AS "raised"
    FROM "Donation" d WHERE ${COUNTED_ROWS_SQL} GROUP BY 1, 2`;

const CAMPAIGN_TOTALS_COLUMNS = Prisma.raw(`"campaignId", "donations", "raised", "donors", "gross", "coveredFees", "stripeFees",
  "refunds", "disputesLost", "disputesOpen", "onceDonations", "onceRaised", "monthlyDonations", "monthlyRaised",
  "offlineDonations", "offlineRaised"`);

const ledgerCampaignTotalsSql = (donorTotals: Prisma.Sql) => Prisma.sql`
  SELECT d."campaignId", COUNT(*), SUM(${COUNTED_AMOUNT_SQL}),
         (SELECT COUNT(*) FROM ${donorTotals} t WHERE t."campaignId" = d."campaignId" AND t."raised" > 0),
         SUM(d."grossAmount"), SUM(d."coveredFee"), SUM(COALESCE(d."stripeFee", 0)), SUM(d."refundedAmount"),
         SUM(CASE WHEN d."disputeStatus" = 'lost' THEN d."disputedAmount" ELSE 0 END),
         COUNT(*) FILTER (WHERE d."disputeStatus" = 'open'),
         COUNT(*) FILTER (WHERE d."frequency" = 'once'),
         COALESCE(SUM(${COUNTED_AMOUNT_SQL}) FILTER (WHERE d."frequency" = 'once'), 0),
         COUNT(*) FILTER (WHERE d."frequency" IN ('monthly', 'yearly')),
         COALESCE(SUM(${COUNTED_AMOUNT_SQL}) FILTER (WHERE d."frequency" IN ('monthly', 'yearly')), 0),
         COUNT(*) FILTER (WHERE d."source" = 'offline'),
         COALESCE(SUM(${COUNTED_AMOUNT_SQL}) FILTER (WHERE d."source" = 'offline'), 0)
    FROM "Donation" d
   WHERE ${COUNTED_ROWS_SQL}
   GROUP BY d."campaignId"`;

/** "paidAt" holds UTC wall-clock time, so its date is the UTC day of the payment. */
const LEDGER_DAILY_TOTALS_SQL = Prisma.sql`SELECT d."campaignId", d."paidAt"::date AS "day", SUM(${COUNTED_AMOUNT_SQL}) AS "raised", COUNT(*) AS "donations"
    FROM "Donation" d WHERE ${COUNTED_ROWS_SQL} GROUP BY 1, 2`;

/**
 * Recomputes "CampaignTotals", "CampaignDonorTotal" and "CampaignDailyTotal"
 * from the donation rows in one transaction, by the same rule. For bulk loads
 * that ran with the totals trigger off (imports, benchmarks):
 * `npm run db:rebuild-totals`. Returns how many campaigns have totals afterwards.
 */
export async function rebuildCampaignTotals(): Promise<number> {
  const campaigns = await db().$transaction(
    async (tx) => {
      // No gift may change while the sums are taken (the trigger would add it twice).
      await tx.$executeRaw`LOCK TABLE "Donation" IN SHARE MODE`;
      await tx.$executeRaw`DELETE FROM "CampaignDonorTotal"`;
      await tx.$executeRaw`DELETE FROM "CampaignDailyTotal"`;
      await tx.$executeRaw`DELETE FROM "CampaignTotals"`;
      await tx.$executeRaw`INSERT INTO "CampaignDonorTotal" ("campaignId", "donorId", "raised") ${LEDGER_DONOR_TOTALS_SQL}`;
      await tx.$executeRaw`INSERT INTO "CampaignDailyTotal" ("campaignId", "day", "raised", "donations") ${LEDGER_DAILY_TOTALS_SQL}`;
      return tx.$executeRaw`INSERT INTO "CampaignTotals" (${CAMPAIGN_TOTALS_COLUMNS}) ${ledgerCampaignTotalsSql(Prisma.raw(`"CampaignDonorTotal"`))}`;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  // The tables were replaced whole: give the planner their new sizes now.
  await db().$executeRaw`ANALYZE "CampaignTotals", "CampaignDonorTotal", "CampaignDailyTotal"`;
  return campaigns;
}

/** A row of a totals table that differs from what the donation rows give (or is missing from one side). */
export interface TotalsDisagreement {
  table: "CampaignTotals" | "CampaignDonorTotal" | "CampaignDailyTotal";
  campaignId: string;
  /** The donor (CampaignDonorTotal) or the UTC day (CampaignDailyTotal) of the row. */
  key: string | null;
}

/**
 * A campaign whose every gift moved to another campaign (or was voided)
 * keeps a totals row of zeros, which a rebuild would not write: such rows
 * are not compared.
 */
const NOT_ALL_ZERO_SQL = Prisma.raw(
  `NOT ("donations" = 0 AND "raised" = 0 AND "donors" = 0 AND "gross" = 0 AND "coveredFees" = 0 AND "stripeFees" = 0
    AND "refunds" = 0 AND "disputesLost" = 0 AND "disputesOpen" = 0 AND "onceDonations" = 0 AND "onceRaised" = 0
    AND "monthlyDonations" = 0 AND "monthlyRaised" = 0 AND "offlineDonations" = 0 AND "offlineRaised" = 0)`,
);

/**
 * Every row where the maintained totals disagree with sums taken from the
 * donation rows, in any column: empty when the trigger (or a rebuild) got
 * everything right. Reads every donation: for checks (tests, the benchmark,
 * `db:rebuild-totals`), never for pages. A donor whose gifts were all deleted
 * keeps a zero row in "CampaignDonorTotal"; zero rows are not compared.
 */
export async function totalsDisagreeingWithLedger(): Promise<TotalsDisagreement[]> {
  const differences = (kept: Prisma.Sql, ledger: Prisma.Sql, key: Prisma.Sql) => Prisma.sql`
    SELECT DISTINCT "campaignId"::text AS "campaignId", ${key} AS "key"
      FROM ((SELECT * FROM (${kept}) k EXCEPT ALL SELECT * FROM (${ledger}) l)
            UNION ALL
            (SELECT * FROM (${ledger}) l EXCEPT ALL SELECT * FROM (${kept}) k)) AS differing`;
  const [campaigns, donors, days] = await Promise.all([
    db().$queryRaw<Omit<TotalsDisagreement, "table">[]>`
      WITH donor_totals AS (${LEDGER_DONOR_TOTALS_SQL})
      ${differences(Prisma.sql`SELECT ${CAMPAIGN_TOTALS_COLUMNS} FROM "CampaignTotals" WHERE ${NOT_ALL_ZERO_SQL}`, ledgerCampaignTotalsSql(Prisma.raw("donor_totals")), Prisma.sql`NULL::text`)}`,
    db().$queryRaw<Omit<TotalsDisagreement, "table">[]>(
      differences(
        Prisma.sql`SELECT "campaignId", "donorId", "raised" FROM "CampaignDonorTotal" WHERE "raised" <> 0`,
        Prisma.sql`SELECT * FROM (${LEDGER_DONOR_TOTALS_SQL}) t WHERE "raised" <> 0`,
        Prisma.sql`"donorId"::text`,
      ),
    ),
    db().$queryRaw<Omit<TotalsDisagreement, "table">[]>(
      differences(
        Prisma.sql`SELECT "campaignId", "day", "raised", "donations" FROM "CampaignDailyTotal"`,
        LEDGER_DAILY_TOTALS_SQL,
        Prisma.sql`to_char("day", 'YYYY-MM-DD')`,
      ),
    ),
  ]);
  return [
    ...campaigns.map((row) => ({ table: "CampaignTotals" as const, ...row })),
    ...donors.map((row) => ({ table: "CampaignDonorTotal" as const, ...row })),
    ...days.map((row) => ({ table: "CampaignDailyTotal" as const, ...row })),
  ];
}

export interface CampaignFigures {
  campaignId: string;
  currency: string;
  /** What counts toward the goal (see COUNTED_AMOUNT_SQL). */
  raised: number;
  donors: number;
  donations: number;
  gross: number;
  coveredFees: number;
  stripeFees: number;
  refunds: number;
  /** Amount lost in disputes (minor units). */
  disputesLost: number;
  /** How many gifts have a dispute still open (a count, not an amount). */
  disputesOpen: number;
  /** gross - Stripe fees - refunds - lost disputes. */
  net: number;
  once: { donations: number; raised: number };
  monthly: { donations: number; raised: number };
  /** Gifts recorded by staff (cheques, cash, transfers), inside the figures above; online = the rest. */
  offline: { donations: number; raised: number };
  activeMonthly: { gifts: number; monthlyAmount: number };
}

/** The figures of a campaign with no gift yet. */
export function noFigures(campaignId: string, currency: string): CampaignFigures {
  return {
    campaignId,
    currency,
    raised: 0,
    donors: 0,
    donations: 0,
    gross: 0,
    coveredFees: 0,
    stripeFees: 0,
    refunds: 0,
    disputesLost: 0,
    disputesOpen: 0,
    net: 0,
    once: { donations: 0, raised: 0 },
    monthly: { donations: 0, raised: 0 },
    offline: { donations: 0, raised: 0 },
    activeMonthly: { gifts: 0, monthlyAmount: 0 },
  };
}

/** A campaign's kept totals and active monthly gifts; every figure null when it has none. */
type TotalsRow = { campaignId: string; currency: string; activeGifts: bigint | null; activeAmount: bigint | null } & {
  [
    K in
      | "donations"
      | "raised"
      | "donors"
      | "gross"
      | "coveredFees"
      | "stripeFees"
      | "refunds"
      | "disputesLost"
      | "disputesOpen"
      | "onceDonations"
      | "onceRaised"
      | "monthlyDonations"
      | "monthlyRaised"
      | "offlineDonations"
      | "offlineRaised"
  ]: bigint | null;
};

/**
 * Staff figures of each campaign named, or of every campaign when none are
 * named: every amount in the campaign's currency.
 */
export async function campaignFigures(campaignIds?: readonly string[]): Promise<Map<string, CampaignFigures>> {
  if (campaignIds?.length === 0) return new Map();
  // One statement for the campaigns, their kept totals and their active
  // monthly gifts: the dashboard's cost is its round trips, not the rows.
  const ids = campaignIds ? [...campaignIds] : null;
  const rows = await db().$queryRaw<TotalsRow[]>`
    SELECT c."id"::text AS "campaignId", c."currency"::text AS "currency",
            t."donations", t."raised", t."donors", t."gross", t."coveredFees", t."stripeFees",
            t."refunds", t."disputesLost", t."disputesOpen", t."onceDonations", t."onceRaised", t."monthlyDonations",
            t."monthlyRaised", t."offlineDonations", t."offlineRaised", r."gifts" AS "activeGifts", r."amount" AS "activeAmount"
       FROM "Campaign" c
       LEFT JOIN "CampaignTotals" t ON t."campaignId" = c."id"
       LEFT JOIN (SELECT "campaignId", COUNT(*) AS "gifts",
                         -- a yearly gift adds its monthly share (a twelfth, rounded to the minor unit)
                         SUM(CASE WHEN "frequency" = 'yearly' THEN ROUND("amount" / 12.0)::bigint ELSE "amount" END) AS "amount"
                    FROM "RecurringGift"
                   WHERE "status" = 'active' AND (${ids}::uuid[] IS NULL OR "campaignId" = ANY(${ids}::uuid[]))
                   GROUP BY "campaignId") r ON r."campaignId" = c."id"
      WHERE ${ids}::uuid[] IS NULL OR c."id" = ANY(${ids}::uuid[])`;
  const n = (value: bigint | null) => Number(value ?? 0);
  return new Map(
    rows.map((row) => {
      const gross = n(row.gross);
      const [stripeFees, refunds, disputesLost] = [n(row.stripeFees), n(row.refunds), n(row.disputesLost)];
      const figures: CampaignFigures = {
        campaignId: row.campaignId,
        currency: row.currency,
        raised: n(row.raised),
        donors: n(row.donors),
        donations: n(row.donations),
        gross,
        coveredFees: n(row.coveredFees),
        stripeFees,
        refunds,
        disputesLost,
        disputesOpen: n(row.disputesOpen),
        net: gross - stripeFees - refunds - disputesLost,
        once: { donations: n(row.onceDonations), raised: n(row.onceRaised) },
        monthly: { donations: n(row.monthlyDonations), raised: n(row.monthlyRaised) },
        offline: { donations: n(row.offlineDonations), raised: n(row.offlineRaised) },
        activeMonthly: { gifts: n(row.activeGifts), monthlyAmount: n(row.activeAmount) },
      };
      return [row.campaignId, figures];
    }),
  );
}

/** The same figures added up across campaigns, one total per currency. */
export function totalsByCurrency(figures: Iterable<CampaignFigures>): Map<string, Omit<CampaignFigures, "campaignId" | "donors">> {
  const totals = new Map<string, Omit<CampaignFigures, "campaignId" | "donors">>();
  for (const f of figures) {
    const { campaignId: _id, donors: _donors, ...base } = noFigures("", f.currency);
    const t = totals.get(f.currency) ?? base;
    t.raised += f.raised;
    t.donations += f.donations;
    t.gross += f.gross;
    t.coveredFees += f.coveredFees;
    t.stripeFees += f.stripeFees;
    t.refunds += f.refunds;
    t.disputesLost += f.disputesLost;
    t.disputesOpen += f.disputesOpen;
    t.net += f.net;
    t.once = { donations: t.once.donations + f.once.donations, raised: t.once.raised + f.once.raised };
    t.monthly = { donations: t.monthly.donations + f.monthly.donations, raised: t.monthly.raised + f.monthly.raised };
    t.offline = { donations: t.offline.donations + f.offline.donations, raised: t.offline.raised + f.offline.raised };
    t.activeMonthly = {
      gifts: t.activeMonthly.gifts + f.activeMonthly.gifts,
      monthlyAmount: t.activeMonthly.monthlyAmount + f.activeMonthly.monthlyAmount,
    };
    totals.set(f.currency, t);
  }
  return totals;
}

export interface DailyAmount {
  /** YYYY-MM-DD, UTC. */
  day: string;
  /** What counted toward the goal from gifts paid that day (minor units). */
  amount: number;
  donations: number;
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The days of a chart of `days` days ending today (UTC), oldest first, as YYYY-MM-DD. */
function chartDays(days: number, now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => utcDay(new Date(today - (days - 1 - i) * 86_400_000)));
}

/** A chart for a campaign that gave nothing in the range: every day at zero. */
export function noGiving(days: number, now = new Date()): DailyAmount[] {
  return chartDays(days, now).map((day) => ({ day, amount: 0, donations: 0 }));
}

/**
 * What each campaign raised per UTC day over the last `days` days (today
 * included), every day present, counted by the same rule as the totals. Read
 * from "CampaignDailyTotal" (one row per campaign and day with gifts, kept by
 * the totals trigger), so the cost does not grow with the number of gifts.
 * With `campaignIds` null, every campaign that has a gift in the range (the
 * others have `noGiving`).
 */
export async function dailyGiving(
  campaignIds: readonly string[] | null,
  days: number,
  now = new Date(),
): Promise<Map<string, DailyAmount[]>> {
  const calendar = chartDays(days, now);
  if (campaignIds?.length === 0) return new Map();
  const rows = await db().campaignDailyTotal.findMany({
    where: { day: { gte: new Date(`${calendar[0]}T00:00:00Z`) }, ...(campaignIds ? { campaignId: { in: [...campaignIds] } } : {}) },
    select: { campaignId: true, day: true, raised: true, donations: true },
  });
  // A DATE column comes back as midnight UTC of that day.
  const byKey = new Map(rows.map((row) => [`${row.campaignId}/${utcDay(row.day)}`, row]));
  const ids = campaignIds ?? [...new Set(rows.map((row) => row.campaignId))];
  return new Map(
    ids.map((campaignId) => [
      campaignId,
      calendar.map((day) => {
        const row = byKey.get(`${campaignId}/${day}`);
        return { day, amount: Number(row?.raised ?? 0), donations: Number(row?.donations ?? 0) };
      }),
    ]),
  );
}
