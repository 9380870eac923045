import { db } from "~/db/db.server";
import type { CampaignStatus } from "~/generated/prisma/enums";
import {
  campaignFigures,
  dailyGiving,
  noFigures,
  noGiving,
  totalsByCurrency,
  type CampaignFigures,
  type DailyAmount,
} from "~/donations/totals.data.server";

/** The chart covers the last 30 or 90 days. */
export type ChartRange = 30 | 90;

export interface DashboardCampaign {
  id: string;
  slug: string;
  title: string;
  status: CampaignStatus;
  goalAmount: number;
  figures: CampaignFigures;
  daily: DailyAmount[];
  /** The invitation to give monthly: pledges it was shown to, and how many accepted or declined. */
  invitation: { shown: number; accepted: number; declined: number };
}

/**
 * Everything the staff dashboard shows: each campaign's figures from the
 * totals module, its daily giving over `range` days, and the sums per currency.
 * Archived campaigns come last.
 */
export async function dashboard(range: ChartRange, now = new Date()) {
  // Three statements at once, none waiting for another's answer.
  const [campaigns, figures, daily, invitations] = await Promise.all([
    db().campaign.findMany({
      select: { id: true, slug: true, title: true, status: true, goalAmount: true, currency: true, createdAt: true },
    }),
    campaignFigures(),
    dailyGiving(null, range, now),
    invitationFigures(),
  ]);
  const order: Record<CampaignStatus, number> = { published: 0, draft: 1, archived: 2 };
  campaigns.sort((a, b) => order[a.status] - order[b.status] || b.createdAt.getTime() - a.createdAt.getTime());
  const rows: DashboardCampaign[] = campaigns.map((c) => ({
    id: c.id,
    slug: c.slug,
    title: c.title,
    status: c.status,
    goalAmount: c.goalAmount,
    // A campaign created while the figures were being read has none yet.
    figures: figures.get(c.id) ?? noFigures(c.id, c.currency),
    daily: daily.get(c.id) ?? noGiving(range, now),
    invitation: invitations.get(c.id) ?? { shown: 0, accepted: 0, declined: 0 },
  }));
  return { campaigns: rows, totals: [...totalsByCurrency(rows.map((c) => c.figures))].map(([currency, t]) => ({ ...t, currency })) };
}

/** Per campaign, how many invitations were answered and how many accepted (for staff). */
async function invitationFigures(): Promise<Map<string, { shown: number; accepted: number; declined: number }>> {
  const rows = await db().pledge.groupBy({
    by: ["campaignId", "invitation"],
    where: { invitation: { not: null } },
    _count: { _all: true },
  });
  const figures = new Map<string, { shown: number; accepted: number; declined: number }>();
  for (const row of rows) {
    const entry = figures.get(row.campaignId) ?? { shown: 0, accepted: 0, declined: 0 };
    const n = row._count._all;
    entry.shown += n;
    if (row.invitation === "accepted") entry.accepted += n;
    if (row.invitation === "declined") entry.declined += n;
    figures.set(row.campaignId, entry);
  }
  return figures;
}
