import { cachedContent } from "~/db/content-cache.data.server";
import { db } from "~/db/db.server";

export interface WallEntry {
  id: string;
  name: string;
  /** Shown as "Anonymous" (the page says it in its language). */
  anonymous: boolean;
  comment: string | null;
  monthly: boolean;
  givenAt: string;
}

/**
 * Recent gifts for a campaign's public donor wall: the name the donor gave
 * (or "Anonymous") and their public comment. Nothing else about the donor,
 * no email, no amount, ever leaves this function.
 */
export async function recentPublicGifts(campaignId: string, limit = 8): Promise<WallEntry[]> {
  const rows = await db().donation.findMany({
    where: { campaignId, status: { in: ["succeeded", "partially_refunded"] }, voidedAt: null },
    orderBy: { paidAt: "desc" },
    take: limit,
    select: {
      id: true,
      anonymous: true,
      publicComment: true,
      frequency: true,
      paidAt: true,
      pledge: { select: { name: true } },
      donor: { select: { name: true, erasedAt: true } },
    },
  });
  return rows.map((row) =>
    wallEntry({
      id: row.id,
      anonymous: row.anonymous,
      publicComment: row.publicComment,
      frequency: row.frequency,
      paidAt: row.paidAt,
      pledgeName: row.pledge?.name ?? null,
      donorName: row.donor.name,
      donorErased: row.donor.erasedAt !== null,
    }),
  );
}

interface WallRow {
  id: string;
  anonymous: boolean;
  publicComment: string | null;
  frequency: string;
  paidAt: Date | string;
  pledgeName: string | null;
  donorName: string | null;
  donorErased: boolean;
}

/** One gift as the wall may show it: the name given with the gift (or "Anonymous"), never more. */
function wallEntry(row: WallRow): WallEntry {
  return {
    id: row.id,
    // An erased donor is anonymous whatever the gift said.
    name: row.anonymous || row.donorErased ? "Anonymous" : (row.pledgeName ?? row.donorName ?? "Anonymous"),
    anonymous: row.anonymous || row.donorErased,
    comment: row.publicComment,
    monthly: row.frequency !== "once",
    givenAt: new Date(row.paidAt).toISOString(),
  };
}

export interface PublicCampaignFigures {
  raised: number;
  donors: number;
  wall: WallEntry[];
}

/**
 * What a campaign page shows that changes with every gift, in one statement
 * (decision 030): the maintained totals (as campaignProgress reads them) and
 * the donor wall's recent gifts (as recentPublicGifts selects them). Kept in
 * memory until a gift, a refund or a donor's name changes them (decision 030).
 */
export function publicCampaignFigures(campaignId: string, limit = 8): Promise<PublicCampaignFigures> {
  return cachedContent(`campaign-figures:${campaignId}:${limit}`, () => readPublicCampaignFigures(campaignId, limit), "figures");
}

async function readPublicCampaignFigures(campaignId: string, limit: number): Promise<PublicCampaignFigures> {
  const rows = await db().$queryRaw<Array<{ raised: bigint | null; donors: bigint | null; wall: WallRow[] | string | null }>>`
    SELECT t."raised", t."donors",
           (SELECT json_agg(w ORDER BY w."paidAt" DESC)
              FROM (SELECT d."id"::text AS "id", d."anonymous", d."publicComment", d."frequency"::text AS "frequency",
                           d."paidAt", p."name" AS "pledgeName", dn."name" AS "donorName",
                           dn."erasedAt" IS NOT NULL AS "donorErased"
                      FROM "Donation" d
                      JOIN "Donor" dn ON dn."id" = d."donorId"
                      LEFT JOIN "Pledge" p ON p."id" = d."pledgeId"
                     WHERE d."campaignId" = ${campaignId}::uuid AND d."status" IN ('succeeded', 'partially_refunded')
                       AND d."voidedAt" IS NULL
                     ORDER BY d."paidAt" DESC
                     LIMIT ${limit}) w) AS "wall"
      FROM (SELECT 1) AS one
      LEFT JOIN "CampaignTotals" t ON t."campaignId" = ${campaignId}::uuid`;
  const row = rows[0];
  const wall = typeof row?.wall === "string" ? (JSON.parse(row.wall) as WallRow[]) : (row?.wall ?? []);
  return { raised: Number(row?.raised ?? 0n), donors: Number(row?.donors ?? 0n), wall: wall.map(wallEntry) };
}
