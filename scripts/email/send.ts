/**
 * `npm run email:send`: delivers every email that is due in the outbox, once,
 * then exits. Safe next to running servers (rows are claimed with SKIP LOCKED).
 */
import { sendDueEmails, sendPolicyFromEnv } from "~/email/sender.server";
import { createMailTransport } from "~/email/transport.server";
import { startDatabase } from "~/server/bootstrap.server";
import { runCommand } from "~/server/cli.server";
import { loadEnvOrExit } from "~/server/load-env.server";

await runCommand("email:send", async () => {
  const env = loadEnvOrExit();
  const database = await startDatabase(env, { log: () => {} });
  const transport = createMailTransport({ smtpUrl: env.SMTP_URL, dataDir: env.DATA_DIR });
  try {
    const report = await sendDueEmails(transport, sendPolicyFromEnv(env));
    console.log(`Outbox (${transport.describe()}): ${report.sent} sent, ${report.retrying} to retry later, ${report.failed} given up.`);
    return report.failed > 0 ? 1 : 0;
  } finally {
    transport.close();
    await database.close();
  }
});
