/**
 * The migration path on a real PostgreSQL server, named by TEST_PG_URL (a
 * server URL such as postgres://postgres@127.0.0.1:5432/postgres). The test
 * creates its own database and drops it at the end.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { openDatabase, type Database } from "~/db/database.server";
import { applyMigrations } from "~/db/migrate.server";
import { openSchemaEngine, prismaPaths } from "~/db/schema-engine.server";

const SLOW = { timeout: 120_000 };
// The db-postgres project's throwaway cluster, or a server named by TEST_PG_URL.
const provided = inject("testDatabase");
const serverUrl = process.env.TEST_PG_URL ?? (provided?.kind === "postgres" ? provided.serverUrl : undefined);
const { migrationsDir } = prismaPaths(process.cwd());

function committedMigrationNames(): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const suite = serverUrl ? describe : describe.skip;
const title = serverUrl
  ? "migrations on a real PostgreSQL server"
  : "migrations on a real PostgreSQL server (skipped: set TEST_PG_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres)";

suite(title, () => {
  const databases: string[] = [];
  const opened: Database[] = [];

  async function freshDatabase(): Promise<{ name: string; url: string }> {
    const name = `lantern_migrations_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    databases.push(name);
    return { name, url: withDatabaseName(serverUrl!, name) };
  }

  async function open(url: string): Promise<Database> {
    const db = await openDatabase({ kind: "postgres", url }, { poolSize: 2 });
    opened.push(db);
    return db;
  }

  let db: Database;
  let url: string;
  beforeAll(async () => {
    ({ url } = await freshDatabase());
    db = await open(url);
  }, SLOW.timeout);

  afterAll(async () => {
    for (const database of opened) await database.close().catch(() => {});
    await admin(async (client) => {
      for (const name of databases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  }, SLOW.timeout);

  it("applies every migration once, then nothing", SLOW, async () => {
    expect((await applyMigrations(db, { log: () => {} })).applied).toEqual(committedMigrationNames());
    expect((await applyMigrations(db, { log: () => {} })).applied).toEqual([]);

    const tables = await db.prisma.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    expect(tables.map((row) => row.tablename)).toEqual(expect.arrayContaining(["Campaign", "Donation", "_prisma_migrations"]));
  });

  it("records the sha256 of each migration file, as Prisma does", async () => {
    const rows = await db.prisma.$queryRaw<
      { migration_name: string; checksum: string; finished_at: Date | null }[]
    >`SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(committedMigrationNames());
    for (const row of rows) {
      const bytes = fs.readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });

  it("lets two processes that start at once apply each migration exactly once", SLOW, async () => {
    const fresh = await freshDatabase();
    // Two Database objects stand for two server processes: separate pools,
    // separate engines; only the advisory lock keeps them apart.
    const [first, second] = await Promise.all([open(fresh.url), open(fresh.url)]);
    const results = await Promise.all([applyMigrations(first!), applyMigrations(second!)]);
    expect(results.flatMap((result) => result.applied).sort()).toEqual(committedMigrationNames());
    const rows = await first!.prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations`;
    expect(rows.map((row) => row.migration_name).sort()).toEqual(committedMigrationNames());
  });

  it('can describe the live database (catalog columns of type "char" are readable)', SLOW, async () => {
    const session = await openSchemaEngine({ kind: "postgres", url });
    try {
      const result = await session.engine.introspect({
        schema: { files: [{ path: "schema.prisma", content: 'datasource db {\n  provider = "postgresql"\n}\n' }] },
        baseDirectoryPath: process.cwd(),
        force: false,
        compositeTypeDepth: 0,
        namespaces: null,
      });
      expect(result.schema.files.map((file) => file.content).join("\n")).toMatch(/model Campaign \{/);
    } finally {
      await session.close();
    }
  });
});
