import { db, type Prisma } from "~/db.server";

/**
 * What counts toward a campaign's progress, in one place.
 *
 * A donation counts for what the donor gave to the cause: the gross charge
 * less the processing fee they chose to cover, less refunds, less a dispute
 * the organisation lost; never below zero. Only recorded (succeeded) charges
 * exist as Donation rows, so pending or failed payments never count.
 */
const COUNTED_AMOUNT_SQL = `GREATEST(0,
  d."grossAmount" - d."coveredFee" - d."refundedAmount"
  - CASE WHEN d."disputeStatus" = 'lost' THEN d."disputedAmount" ELSE 0 END)`;

export interface CampaignProgress {
  campaignId: string;
  /** Minor units of the campaign's currency. */
  raised: number;
  donors: number;
}

/** Progress for each campaign id given (campaigns with no gifts get zeros). */
export async function campaignProgress(campaignIds: string[]): Promise<Map<string, CampaignProgress>> {
  const progress = new Map<string, CampaignProgress>(
    campaignIds.map((campaignId) => [campaignId, { campaignId, raised: 0, donors: 0 }]),
  );
  if (campaignIds.length === 0) return progress;

  const rows = await db().$queryRawUnsafe<{ campaignId: string; raised: bigint | null; donors: bigint }[]>(
    `SELECT d."campaignId"::text AS "campaignId",
            SUM(${COUNTED_AMOUNT_SQL}) AS raised,
            COUNT(DISTINCT d."donorId") FILTER (WHERE ${COUNTED_AMOUNT_SQL} > 0) AS donors
       FROM "Donation" d
      WHERE d."campaignId" = ANY($1::uuid[])
      GROUP BY d."campaignId"`,
    campaignIds,
  );
  for (const row of rows) {
    progress.set(row.campaignId, {
      campaignId: row.campaignId,
      raised: Number(row.raised ?? 0n),
      donors: Number(row.donors),
    });
  }
  return progress;
}

export type { Prisma };
