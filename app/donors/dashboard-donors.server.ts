import { donorFigures, type DonorFigures } from "~/donors/donors.data.server";

/**
 * The dashboard's donor figures over its chart's range (the last `days` UTC
 * days, today included), with links to the donors list showing the same donors.
 */
export async function dashboardDonorFigures(
  days: number,
  now = new Date(),
): Promise<{ figures: DonorFigures; gaveHref: string; lapsedHref: string; days: number }> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * 86_400_000);
  const to = new Date(today + 86_400_000);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return {
    figures: await donorFigures(from, to, now),
    gaveHref: `/admin/donors?${new URLSearchParams({ filter: "period", from: day(from), to: day(new Date(today)) })}`,
    lapsedHref: "/admin/donors?filter=lapsed",
    days,
  };
}
