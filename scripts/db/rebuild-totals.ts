/**
 * `npm run db:rebuild-totals`: recomputes the campaign totals from the
 * donation rows, after a bulk load that ran with the totals trigger off
 * (see docs/decisions/006-campaign-totals.md). Safe to run at any time.
 */
import { rebuildCampaignTotals, totalsDisagreeingWithLedger } from "~/donations/totals.data.server";
import { describeTarget, startDatabase } from "~/server/bootstrap.server";
import { runCommand } from "~/server/cli.server";
import { loadEnvOrExit } from "~/server/load-env.server";

await runCommand("db:rebuild-totals", async () => {
  const env = loadEnvOrExit();
  const database = await startDatabase(env);
  try {
    const started = performance.now();
    const campaigns = await rebuildCampaignTotals();
    const differing = await totalsDisagreeingWithLedger();
    if (differing.length > 0) {
      const rows = differing.map((row) => `${row.table} ${row.campaignId}${row.key ? ` ${row.key}` : ""}`);
      throw new Error(`totals still differ from the ledger in ${rows.length} row(s): ${rows.slice(0, 10).join("; ")}`);
    }
    console.log(
      `Rebuilt the totals of ${campaigns} campaign(s) in ${Math.round(performance.now() - started)} ms (${describeTarget(database)}); they match the ledger.`,
    );
  } finally {
    await database.close();
  }
});
