/**
 * Brings a database up to the committed migrations, at start-up or from
 * `npm run db:migrate`. It does what `prisma migrate deploy` does (same engine,
 * same `_prisma_migrations` rows and checksums) without the Prisma CLI, which
 * would need to download a native engine. See
 * docs/decisions/002-offline-migrations.md.
 */
import path from "node:path";

import pg from "pg";

import type { Database } from "~/db/database.server";
import { openSchemaEngine, prismaPaths, readMigrationsDirectory, SchemaEngineError, type EngineTarget } from "~/db/schema-engine.server";

export interface ApplyMigrationsOptions {
  log?: (msg: string) => void;
  /** Defaults to `prisma/migrations` under the project root (process.cwd()). */
  migrationsDir?: string;
  /** How long to wait for another process that is migrating the same server. */
  lockTimeoutMs?: number;
}

/**
 * Our own advisory lock key ("LANT" in ASCII), held for the whole run so that
 * two instances starting at once against one PostgreSQL migrate one after the
 * other. It must differ from the key the engine itself takes (72707369) on its
 * own connection, or we would wait for ourselves.
 */
const MIGRATION_LOCK_KEY = 0x4c414e54;

/**
 * Applies every migration in `prisma/migrations` that the database has not
 * applied yet; a second call applies nothing. Works on PGlite and PostgreSQL,
 * offline.
 */
export async function applyMigrations(db: Database, opts: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrationsDir = path.resolve(opts.migrationsDir ?? prismaPaths().migrationsDir);
  const migrations = await readMigrationsDirectory(migrationsDir);
  if (migrations.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${migrationsDir}; is the working directory the project root?`);
  }

  const target = engineTarget(db);
  const run = async () => {
    const session = await openSchemaEngine(target);
    try {
      const { applied } = await session.applyMigrations(migrations).catch(async (error: unknown) => {
        throw await nameFailedMigration(error, () => session.diagnoseHistory(migrations));
      });
      if (applied.length === 0) log("Database schema is up to date.");
      for (const name of applied) log(`Applied migration ${name}`);
      return { applied };
    } finally {
      await session.close();
    }
  };

  if (target.kind === "postgres") {
    return withAdvisoryLock(target.url, opts.lockTimeoutMs ?? 5 * 60_000, log, run);
  }
  // A PGlite lives in this process only (its folder cannot be opened twice),
  // so queuing the calls made on one instance is enough.
  return serializePerInstance(target.pglite, run);
}

/**
 * The engine's error for a failing script is only the database's message
 * ("No such table: X"); say which migration it was. Its statements ran as one
 * transaction, so none of them stayed; the row left in _prisma_migrations
 * blocks later runs (P3009) until someone resolves it, as with
 * `prisma migrate deploy`.
 */
async function nameFailedMigration(error: unknown, diagnose: () => Promise<{ failedMigrationNames: string[] }>): Promise<unknown> {
  if (!(error instanceof SchemaEngineError) || error.code) return error;
  const failed = await diagnose().then(
    (diagnostic) => diagnostic.failedMigrationNames,
    () => [],
  );
  if (failed.length === 0) return error;
  return new SchemaEngineError(`Migration ${failed.join(", ")} failed: ${error.message}`, error.code, { cause: error });
}

function engineTarget(db: Database): EngineTarget {
  if (db.target.kind === "postgres") return { kind: "postgres", url: db.target.url };
  if (!db.pglite) throw new Error(`Database of kind ${db.target.kind} has no PGlite instance`);
  return { kind: "pglite", pglite: db.pglite, adapterFactory: db.adapterFactory };
}

async function withAdvisoryLock<T>(url: string, timeoutMs: number, log: (msg: string) => void, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATION_LOCK_KEY]);
    if (!rows[0]?.locked) {
      log("Another process is migrating this database; waiting for it to finish...");
      // lock_timeout bounds the wait, so a stuck peer turns into an error here
      // instead of a server that never starts.
      await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    }
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    // Ending the session would release the lock too; unlocking first keeps a
    // pooled or proxied connection from holding it.
    await client.end();
  }
}

const queues = new WeakMap<object, Promise<unknown>>();

function serializePerInstance<T>(key: object, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    key,
    next.catch(() => {}),
  );
  return next;
}
