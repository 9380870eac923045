/**
 * `npm run db:rebuild-totals`: recomputes the campaign totals from the
 * donation rows, after a bulk load that ran with the totals trigger off
 * (see docs/decisions/006-campaign-totals.md). Safe to run at any time.
 */
import { campaignProgress, campaignProgressFromLedger, rebuildCampaignTotals } from "~/models/totals.server";
import { describeTarget, startDatabase } from "~/server/bootstrap.server";
import { runCommand } from "~/server/cli.server";
import { loadEnvOrExit } from "~/server/load-env.server";

await runCommand("db:rebuild-totals", async () => {
  const env = loadEnvOrExit();
  const database = await startDatabase(env);
  try {
    const started = performance.now();
    const campaigns = await rebuildCampaignTotals();
    const ids = (await database.prisma.campaign.findMany({ select: { id: true } })).map((c) => c.id);
    const [maintained, ledger] = await Promise.all([campaignProgress(ids), campaignProgressFromLedger(ids)]);
    const differing = ids.filter((id) => JSON.stringify(maintained.get(id)) !== JSON.stringify(ledger.get(id)));
    if (differing.length > 0) throw new Error(`totals still differ from the ledger for campaign(s) ${differing.join(", ")}`);
    console.log(`Rebuilt the totals of ${campaigns} campaign(s) in ${Math.round(performance.now() - started)} ms (${describeTarget(database)}); they match the ledger.`);
  } finally {
    await database.close();
  }
});
