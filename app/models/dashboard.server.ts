import { db } from "~/db.server";
import type { CampaignStatus } from "~/generated/prisma/enums";
import { campaignFigures, dailyGiving, totalsByCurrency, type CampaignFigures, type DailyAmount } from "~/models/totals.server";

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
}

/**
 * Everything the staff dashboard shows: each campaign's figures from the
 * totals module, its daily giving over `range` days, and the sums per currency.
 * Archived campaigns come last.
 */
export async function dashboard(range: ChartRange, now = new Date()) {
  const campaigns = await db().campaign.findMany({
    select: { id: true, slug: true, title: true, status: true, goalAmount: true, currency: true, createdAt: true },
  });
  const order: Record<CampaignStatus, number> = { published: 0, draft: 1, archived: 2 };
  campaigns.sort((a, b) => order[a.status] - order[b.status] || b.createdAt.getTime() - a.createdAt.getTime());
  const ids = campaigns.map((c) => c.id);
  const [figures, daily] = await Promise.all([campaignFigures(campaigns), dailyGiving(ids, range, now)]);
  const rows: DashboardCampaign[] = campaigns.map((c) => ({
    id: c.id,
    slug: c.slug,
    title: c.title,
    status: c.status,
    goalAmount: c.goalAmount,
    figures: figures.get(c.id)!,
    daily: daily.get(c.id) ?? [],
  }));
  return { campaigns: rows, totals: [...totalsByCurrency(figures.values())].map(([currency, t]) => ({ ...t, currency })) };
}
