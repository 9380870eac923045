/**
 * `npm run db:seed`: creates the example organisation settings and campaigns
 * where they are missing. Safe to run any number of times.
 */
import { seed } from "~/db/seed.server";
import { describeTarget, startDatabase } from "~/server/bootstrap.server";
import { runCommand } from "~/server/cli.server";
import { loadEnvOrExit } from "~/server/load-env.server";
import { demoAdminCredentials } from "~/utils/local-secrets.server";

await runCommand("db:seed", async () => {
  const env = loadEnvOrExit();
  const database = await startDatabase(env);
  try {
    const { created } = await seed(database.prisma, { demoAdmin: demoAdminCredentials(env) });
    console.log(
      created.length === 0
        ? `Seed: nothing to do (${describeTarget(database)} already has the example data).`
        : `Seed (${describeTarget(database)}):\n${created.map((item) => `  created ${item}`).join("\n")}`,
    );
  } finally {
    await database.close();
  }
});
