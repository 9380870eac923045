import crypto from "node:crypto";
import fs from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";

import { openDatabase, type Database } from "~/db/database.server";
import { Prisma } from "~/generated/prisma/client";

export type TestDatabaseConfig = { kind: "pglite"; templateFile: string } | { kind: "postgres"; serverUrl: string; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseConfig;
  }
}

/** A fresh, migrated database of this run's kind, for one test file. */
export async function openTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const config = inject("testDatabase");
  if (config.kind === "pglite") {
    const tarball = new Blob([fs.readFileSync(config.templateFile)]);
    const pglite = await PGlite.create({ loadDataDir: tarball });
    const database = await openDatabase({ kind: "memory" }, { pglite });
    return { ...database, drop: () => database.close() };
  }

  const name = `${config.template}_${crypto.randomBytes(4).toString("hex")}`;
  await adminQuery(config.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${config.template}"`);
  const url = new URL(config.serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() }, { poolSize: 5 });
  return {
    ...database,
    drop: async () => {
      await database.close();
      await adminQuery(config.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Empties every application table (between tests that need a clean slate). */
export async function truncateAll(database: Database): Promise<void> {
  const tables = await database.prisma.$queryRaw<
    { tablename: string }[]
  >`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  // Table names come from the catalogue, not from input: they are SQL text, quoted as identifiers.
  const names = Prisma.raw(tables.map((t) => `"${t.tablename}"`).join(", "));
  await database.prisma.$executeRaw`TRUNCATE ${names} RESTART IDENTITY CASCADE`;
}
