/**
 * `npm run db:migrate`: applies pending migrations to the configured database
 * (DATABASE_URL when set, else the embedded PGlite under DATA_DIR). The server
 * does the same before it serves; this is for doing it ahead of a deploy.
 */
import { z } from "zod";

import { databaseTarget, openDatabase } from "~/db/database.server";
import { applyMigrations } from "~/db/migrate.server";
import { describeTarget } from "~/server/bootstrap.server";
import { loadEnvOrExit } from "~/server/load-env.server";

const args = z.tuple([], { error: "db:migrate takes no arguments; set DATABASE_URL or DATA_DIR instead" }).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(`${args.error.issues[0]?.message}\nUsage: [DATABASE_URL=postgres://...] npm run db:migrate`);
  process.exit(2);
}

const env = loadEnvOrExit();
const database = await openDatabase(databaseTarget(env.DATABASE_URL, env.DATA_DIR), { poolSize: 1 });
try {
  const { applied } = await applyMigrations(database, { log: (message) => console.log(message) });
  console.log(`${describeTarget(database)}: ${applied.length === 0 ? "nothing to apply" : `applied ${applied.length} migration(s)`}.`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
