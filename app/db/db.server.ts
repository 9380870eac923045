import type { Database } from "~/db/database.server";
import type { PrismaClient } from "~/generated/prisma/client";

/**
 * The one Prisma client of the process. The server (or a test's setup file)
 * opens the database before anything is served and registers it here.
 *
 * The registry lives on globalThis because the Remix server build bundles its
 * own copy of this module, separate from the copy server.ts imports.
 */
const registry = globalThis as typeof globalThis & { __lanternDatabase?: Database };

export function setDatabase(database: Database | undefined): void {
  registry.__lanternDatabase = database;
}

export function currentDatabase(): Database | undefined {
  return registry.__lanternDatabase;
}

export function db(): PrismaClient {
  const database = registry.__lanternDatabase;
  if (!database) {
    throw new Error("The database is not open yet: server start-up opens it before serving.");
  }
  return database.prisma;
}

export type { Prisma, PrismaClient } from "~/generated/prisma/client";
