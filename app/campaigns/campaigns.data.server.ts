import { db } from "~/db/db.server";
import type { Campaign } from "~/generated/prisma/client";

/** What visitors may see: published, and not outside its start/end dates. */
function visibleNow(now: Date) {
  return {
    status: "published" as const,
    OR: [{ startsAt: null }, { startsAt: { lte: now } }],
  };
}

/** The same rule as `visibleNow`, for a campaign already loaded (staff lists say whether it is on the site). */
export function isVisibleNow(campaign: Pick<Campaign, "status" | "startsAt">, now = new Date()): boolean {
  return campaign.status === "published" && (campaign.startsAt === null || campaign.startsAt.getTime() <= now.getTime());
}

export async function listPublishedCampaigns(now = new Date()): Promise<Campaign[]> {
  return db().campaign.findMany({
    where: visibleNow(now),
    orderBy: [{ startsAt: "desc" }, { createdAt: "desc" }],
  });
}

/** A published campaign by slug, or null (drafts and unknown slugs alike). */
export async function findPublishedCampaign(slug: string, now = new Date()): Promise<Campaign | null> {
  return db().campaign.findFirst({ where: { slug, ...visibleNow(now) } });
}

/** A campaign that has ended still shows its story and total, without the form. */
export function hasEnded(campaign: Pick<Campaign, "endsAt">, now = new Date()): boolean {
  return campaign.endsAt !== null && campaign.endsAt.getTime() <= now.getTime();
}
