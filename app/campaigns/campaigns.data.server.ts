import { cachedContent } from "~/db/content-cache.data.server";
import { db } from "~/db/db.server";
import type { Campaign } from "~/generated/prisma/client";

/** What visitors may see: published, and not outside its start/end dates. */
export function isVisibleNow(campaign: Pick<Campaign, "status" | "startsAt">, now = new Date()): boolean {
  return campaign.status === "published" && (campaign.startsAt === null || campaign.startsAt.getTime() <= now.getTime());
}

/**
 * Every published campaign, whatever its dates, newest first: kept in memory
 * until a campaign changes (decision 030). Dates are applied when read, so a
 * campaign whose start comes shows without any change to its row.
 */
function publishedCampaigns(): Promise<Campaign[]> {
  return cachedContent("published-campaigns", () =>
    db().campaign.findMany({ where: { status: "published" }, orderBy: [{ startsAt: "desc" }, { createdAt: "desc" }] }),
  );
}

export async function listPublishedCampaigns(now = new Date()): Promise<Campaign[]> {
  return (await publishedCampaigns()).filter((campaign) => isVisibleNow(campaign, now));
}

/** A published campaign by slug, or null (drafts and unknown slugs alike). */
export async function findPublishedCampaign(slug: string, now = new Date()): Promise<Campaign | null> {
  return (await publishedCampaigns()).find((campaign) => campaign.slug === slug && isVisibleNow(campaign, now)) ?? null;
}

/** A campaign that has ended still shows its story and total, without the form. */
export function hasEnded(campaign: Pick<Campaign, "endsAt">, now = new Date()): boolean {
  return campaign.endsAt !== null && campaign.endsAt.getTime() <= now.getTime();
}
