/**
 * `npm run receipts:annual -- --year 2026`: queues each donor's statement of
 * that year's giving. Running it again queues nothing new.
 */
import { parseArgs } from "node:util";

import { z } from "zod";

import { queueAnnualStatements } from "~/email/statements.data.server";
import { startDatabase } from "~/server/bootstrap.server";
import { runCommand } from "~/server/cli.server";
import { loadEnvOrExit } from "~/server/load-env.server";

const ArgsSchema = z.object({
  year: z
    .string({ error: "is required, e.g. --year 2026" })
    .regex(/^\d{4}$/, "must be a four-digit year")
    .transform(Number)
    .refine((year) => year >= 2000 && year <= new Date().getUTCFullYear(), "must be between 2000 and this year"),
});

await runCommand("receipts:annual", async () => {
  const { values } = parseArgs({ options: { year: { type: "string" } }, strict: true });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; "));
  const env = loadEnvOrExit();
  const database = await startDatabase(env, { log: () => {} });
  try {
    const result = await queueAnnualStatements(parsed.data.year);
    console.log(
      `${parsed.data.year}: ${result.donors} donors gave; ${result.queued} statements queued (${result.donors - result.queued} already queued before).`,
    );
  } finally {
    await database.close();
  }
});
