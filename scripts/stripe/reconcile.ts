/**
 * `npm run stripe:reconcile -- --since 72h`: applies Stripe events of the
 * last 72 hours that never reached the webhook endpoint. Safe to run at any
 * time; it changes nothing when every event arrived. In sandbox mode it
 * reads the sandbox's own events.
 *
 * With the embedded database, stop the server first (PGlite serves one
 * process); with DATABASE_URL it runs next to the servers.
 */
import { parseArgs } from "node:util";

import { z } from "zod";

import { MAX_RECONCILE_MS, reconcile } from "~/payments/reconcile.server";
import { startStripeSandbox } from "~/payments/sandbox/start.server";
import { startDatabase } from "~/server/bootstrap.server";
import { runCommand } from "~/server/cli.server";
import { loadEnvOrExit } from "~/server/load-env.server";
import { DurationSchema } from "~/utils/duration.server";

const ArgsSchema = z.object({
  since: DurationSchema.default(72 * 3_600_000).refine(
    (ms) => ms <= MAX_RECONCILE_MS,
    "must be at most 30d (Stripe keeps events for 30 days)",
  ),
});

let args: z.infer<typeof ArgsSchema>;
try {
  const { values } = parseArgs({ options: { since: { type: "string" } }, strict: true });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`stripe:reconcile: ${parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`);
    process.exit(2);
  }
  args = parsed.data;
} catch (error) {
  console.error(
    `stripe:reconcile: ${error instanceof Error ? error.message : String(error)}\nUsage: npm run stripe:reconcile -- --since 72h`,
  );
  process.exit(2);
}

await runCommand("stripe:reconcile", async () => {
  const env = loadEnvOrExit();
  const database = await startDatabase(env, { log: () => {} });
  const stopSandbox = env.sandbox ? startStripeSandbox() : () => {};
  try {
    const since = new Date(Date.now() - args.since);
    const report = await reconcile(since);
    console.log(
      `Stripe events since ${since.toISOString()}${env.sandbox ? " (sandbox)" : ""}: ${report.listed} listed, ${report.alreadyApplied} already applied, ${report.applied.length} applied now, ${report.failed.length} failed.`,
    );
    for (const item of report.applied) console.log(`  applied ${item.id} ${item.type}: ${item.summary}`);
    for (const item of report.failed) console.log(`  FAILED  ${item.id} ${item.type}: ${item.error}`);
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    stopSandbox();
    await database.close();
  }
});
