import { setDatabase } from "~/db/db.server";
import { databaseTarget, openDatabase, type Database } from "~/db/database.server";
import { applyMigrations } from "~/db/migrate.server";
import { describeDatabaseError, isDatabaseUnavailable } from "~/db/unavailable.server";
import { seed } from "~/db/seed.server";
import type { Env } from "~/utils/env.server";
import { prepareDataDir, restrictNewFiles } from "~/utils/private-files.server";

/**
 * Opens the configured database, brings its schema up to date and registers
 * it as the process's database. Every entry point (server, CLI commands)
 * starts here, so nothing ever runs against an unmigrated database.
 */
export async function startDatabase(
  env: Env,
  options: { seed?: boolean; demoAdmin?: { email: string; password: string }; log?: (message: string) => void } = {},
): Promise<Database> {
  const log = options.log ?? ((message: string) => console.log(message));
  // Every entry point comes here first: what it writes from now on, and all of DATA_DIR, is private.
  restrictNewFiles();
  prepareDataDir(env.DATA_DIR);
  const target = databaseTarget(env.DATABASE_URL, env.DATA_DIR);
  const database = await openDatabase(target, { poolSize: env.DATABASE_POOL_SIZE });
  try {
    const { applied } = await applyMigrations(database, { log });
    if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    if (options.seed) {
      const { created } = await seed(database.prisma, { demoAdmin: options.demoAdmin });
      for (const item of created) log(`Seeded ${item}`);
    }
  } catch (error) {
    await database.close();
    // No waiting loop: the process exits, and whatever supervises it (systemd,
    // the container platform) starts it again once the database answers.
    if (isDatabaseUnavailable(error)) {
      throw new Error(
        `the database (${describeTarget(database)}) cannot be reached: ${describeDatabaseError(error)}. ` +
          "Start it, or correct DATABASE_URL, then start Lantern again.",
        { cause: error },
      );
    }
    throw error;
  }
  setDatabase(database);
  return database;
}

export function describeTarget(database: Database): string {
  const target = database.target;
  if (target.kind === "postgres") {
    const url = new URL(target.url);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return target.kind === "embedded" ? `embedded PGlite in ${target.dataDir}` : "in-memory PGlite";
}
