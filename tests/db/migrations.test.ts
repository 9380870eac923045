/**
 * The migration path itself, on in-memory PGlite: applying the committed
 * migrations, the rows `prisma migrate deploy` would write, the drift check,
 * and creating a new migration from a schema change.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type Database } from "~/db/database.server";
import { applyMigrations } from "~/db/migrate.server";
import type * as SchemaEngineModule from "~/db/schema-engine.server";
import {
  createMigration,
  createScratchPGlite,
  diffMigrationsAgainstSchema,
  migrationLockContent,
  prismaPaths,
  type PrismaPaths,
} from "~/db/schema-engine.server";

// PGlite start-up and the WASM engine are slow on a loaded machine; these
// limits are ours so that the tests do not depend on the shared config.
const SLOW = { timeout: 120_000 };

const committed = prismaPaths(process.cwd());

async function openScratchDatabase(): Promise<Database> {
  return openDatabase({ kind: "memory" }, { pglite: await createScratchPGlite() });
}

async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<
    { tablename: string }[]
  >`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  return rows.map((row) => row.tablename);
}

/** The table of every model in a schema file (its @@map name when it has one). */
function modelTables(schemaText: string): string[] {
  const tables: string[] = [];
  for (const match of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const mapped = /@@map\(\s*"([^"]+)"/.exec(match[2]!);
    tables.push(mapped ? mapped[1]! : match[1]!);
  }
  return tables.sort();
}

function committedMigrationNames(): string[] {
  return fs
    .readdirSync(committed.migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A copy of the project's prisma folder, to change without touching the real one. */
function copyPrismaFolder(): PrismaPaths & { root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-migrations-test-"));
  fs.cpSync(path.dirname(committed.schemaPath), path.join(root, "prisma"), { recursive: true });
  return { root, ...prismaPaths(root) };
}

describe("applying the committed migrations", () => {
  let db: Database;
  let firstRun: { applied: string[] };
  beforeAll(async () => {
    db = await openScratchDatabase();
    firstRun = await applyMigrations(db, { log: () => {} });
  }, SLOW.timeout);
  afterAll(async () => {
    await db?.close();
  });

  it("applies every migration folder, in order", () => {
    expect(firstRun.applied).toEqual(committedMigrationNames());
    expect(firstRun.applied.length).toBeGreaterThan(0);
  });

  it("creates a table for every model of schema.prisma", async () => {
    const expected = modelTables(fs.readFileSync(committed.schemaPath, "utf8"));
    expect(expected.length).toBeGreaterThan(5);
    expect(await tableNames(db)).toEqual([...expected, "_prisma_migrations"].sort());
  });

  it("applies nothing the second time", SLOW, async () => {
    const messages: string[] = [];
    expect(await applyMigrations(db, { log: (message) => messages.push(message) })).toEqual({ applied: [] });
    expect(messages.join("\n")).toMatch(/up to date/);
  });

  it("records each migration as `prisma migrate deploy` does, with the sha256 of its file", async () => {
    const rows = await db.prisma.$queryRaw<
      {
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        logs: string | null;
        applied_steps_count: number;
      }[]
    >`SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`;

    expect(rows.map((row) => row.migration_name)).toEqual(committedMigrationNames());
    for (const row of rows) {
      // Prisma's checksum: sha256, hex, of the migration.sql bytes as committed.
      const bytes = fs.readFileSync(path.join(committed.migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("lets two concurrent calls on one database apply each migration once", SLOW, async () => {
    const fresh = await openScratchDatabase();
    try {
      const results = await Promise.all([applyMigrations(fresh), applyMigrations(fresh)]);
      expect(results.flatMap((result) => result.applied).sort()).toEqual(committedMigrationNames());
    } finally {
      await fresh.close();
    }
  });
});

describe("the WASM engine", () => {
  it("survives two copies of its module running engines at once (one instance per process)", SLOW, async () => {
    // The Remix build bundles its own copy of app/ and Vitest gives each
    // project its own module graph; both copies must share one WASM instance.
    const modulePath = "../../app/db/schema-engine.server.ts";
    const copies: (typeof SchemaEngineModule)[] = [
      await import(/* @vite-ignore */ `${modulePath}?copy=1`),
      await import(/* @vite-ignore */ `${modulePath}?copy=2`),
    ];
    expect(copies[0]).not.toBe(copies[1]);
    const results = await Promise.all(
      copies.map(async (copy) => {
        const pglite = await copy.createScratchPGlite();
        const session = await copy.openSchemaEngine({ kind: "pglite", pglite });
        try {
          return await session.applyMigrations(await copy.readMigrationsDirectory(committed.migrationsDir));
        } finally {
          await session.close();
          await pglite.close();
        }
      }),
    );
    expect(results).toEqual([{ applied: committedMigrationNames() }, { applied: committedMigrationNames() }]);
  });
});

describe("the committed migrations folder", () => {
  it("has the lock file Prisma writes", () => {
    expect(fs.readFileSync(path.join(committed.migrationsDir, "migration_lock.toml"), "utf8")).toBe(migrationLockContent("postgresql"));
    expect(migrationLockContent()).toContain('provider = "postgresql"');
  });

  it("builds exactly what schema.prisma describes (no drift)", SLOW, async () => {
    expect(await diffMigrationsAgainstSchema(committed)).toEqual({ sql: null });
  });
});

describe("a schema change in a copy of the prisma folder", () => {
  let project: ReturnType<typeof copyPrismaFolder>;
  beforeAll(() => {
    project = copyPrismaFolder();
    const schema = fs.readFileSync(project.schemaPath, "utf8");
    const changed = schema.replace(/^model Donor \{\n/m, "model Donor {\n  nickname String?\n");
    expect(changed).not.toBe(schema);
    fs.writeFileSync(project.schemaPath, changed);
  });
  afterAll(() => {
    if (project) fs.rmSync(project.root, { recursive: true, force: true });
  });

  it("is reported by the drift check, with the missing SQL", SLOW, async () => {
    const { sql } = await diffMigrationsAgainstSchema(project);
    expect(sql).toMatch(/ALTER TABLE "Donor" ADD COLUMN\s+"nickname" TEXT/);
  });

  it("becomes a new migration that, once applied, satisfies the check", SLOW, async () => {
    const before = fs.readdirSync(project.migrationsDir).sort();
    const created = await createMigration({ ...project, name: "add_donor_nickname" });

    expect(created).not.toBeNull();
    expect(created!.name).toMatch(/^\d{14}_add_donor_nickname$/);
    expect(created!.directory).toBe(path.join(project.migrationsDir, created!.name));
    expect(fs.readFileSync(path.join(created!.directory, "migration.sql"), "utf8")).toBe(created!.sql);
    expect(created!.sql).toMatch(/ALTER TABLE "Donor" ADD COLUMN\s+"nickname" TEXT/);
    expect(fs.readdirSync(project.migrationsDir).sort()).toEqual([...before, created!.name].sort());
    expect(fs.readFileSync(path.join(project.migrationsDir, "migration_lock.toml"), "utf8")).toBe(migrationLockContent("postgresql"));

    expect(await diffMigrationsAgainstSchema(project)).toEqual({ sql: null });

    // And the new migration really runs on a database migrated before it.
    const db = await openScratchDatabase();
    try {
      const committedNames = committedMigrationNames();
      expect((await applyMigrations(db, { migrationsDir: committed.migrationsDir })).applied).toEqual(committedNames);
      expect((await applyMigrations(db, { migrationsDir: project.migrationsDir })).applied).toEqual([created!.name]);
      const columns = await db.prisma.$queryRaw<
        { column_name: string }[]
      >`SELECT column_name FROM information_schema.columns WHERE table_name = 'Donor' AND column_name = 'nickname'`;
      expect(columns).toHaveLength(1);
    } finally {
      await db.close();
    }
  });

  it("writes nothing when the schema has not changed since the last migration", SLOW, async () => {
    const before = fs.readdirSync(project.migrationsDir).sort();
    expect(await createMigration({ ...project, name: "nothing_new" })).toBeNull();
    expect(fs.readdirSync(project.migrationsDir).sort()).toEqual(before);
  });
});

describe("a migration that fails", () => {
  it("is rolled back whole, recorded with the database's error, and blocks later runs", SLOW, async () => {
    const project = copyPrismaFolder();
    const db = await openScratchDatabase();
    try {
      // The first statement is fine, the second fails: nothing of it may stay,
      // and the engine must see the failure (an unawaited script would hide it).
      const failing = path.join(project.migrationsDir, "29991231235959_broken");
      fs.mkdirSync(failing);
      fs.writeFileSync(path.join(failing, "migration.sql"), 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";\n');

      await expect(applyMigrations(db, { migrationsDir: project.migrationsDir })).rejects.toThrow(
        /29991231235959_broken failed: .*NoSuchTable/,
      );

      expect(await tableNames(db)).not.toContain("Half");
      const [row] = await db.prisma.$queryRaw<
        { finished_at: Date | null; logs: string | null }[]
      >`SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '29991231235959_broken'`;
      expect(row?.finished_at).toBeNull();
      expect(row?.logs).toMatch(/NoSuchTable/);

      // As `prisma migrate deploy` would: P3009, failed migrations need resolving first.
      await expect(applyMigrations(db, { migrationsDir: project.migrationsDir })).rejects.toMatchObject({ code: "P3009" });
    } finally {
      await db.close();
      fs.rmSync(project.root, { recursive: true, force: true });
    }
  });
});
