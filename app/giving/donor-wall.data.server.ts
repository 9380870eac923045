import { db } from "~/db/db.server";

export interface WallEntry {
  id: string;
  name: string;
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
    where: { campaignId, status: { in: ["succeeded", "partially_refunded"] } },
    orderBy: { paidAt: "desc" },
    take: limit,
    select: {
      id: true,
      anonymous: true,
      publicComment: true,
      frequency: true,
      paidAt: true,
      pledge: { select: { name: true } },
      donor: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.anonymous ? "Anonymous" : (row.pledge?.name ?? row.donor.name),
    comment: row.publicComment,
    monthly: row.frequency !== "once",
    givenAt: row.paidAt.toISOString(),
  }));
}
