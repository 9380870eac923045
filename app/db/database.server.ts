import fs from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "~/generated/prisma/client";

/** Where the data lives: the embedded PGlite folder, or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: "embedded"; dataDir: string }
  | { kind: "memory" }
  | { kind: "postgres"; url: string };

export interface Database {
  target: DatabaseTarget;
  prisma: PrismaClient;
  /** The driver adapter factory, also used by the migration engine. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** The in-process PGlite instance, when the target is embedded. */
  pglite?: PGlite;
  close(): Promise<void>;
}

/**
 * Opens a connection to the target. This is the only place that constructs a
 * PrismaClient; the rest of the app gets it from `~/db.server`.
 */
export async function openDatabase(
  target: DatabaseTarget,
  options: { pglite?: PGlite; poolSize?: number } = {},
): Promise<Database> {
  if (target.kind === "postgres") {
    const adapterFactory = new PrismaPg({
      connectionString: target.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      target,
      prisma,
      adapterFactory,
      close: () => prisma.$disconnect(),
    };
  }

  let pglite = options.pglite;
  if (!pglite) {
    if (target.kind === "embedded") {
      fs.mkdirSync(path.dirname(path.resolve(target.dataDir)), { recursive: true });
      pglite = await PGlite.create(path.resolve(target.dataDir));
    } else {
      pglite = await PGlite.create();
    }
  }
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  const instance = pglite;
  return {
    target,
    prisma,
    adapterFactory,
    pglite: instance,
    close: async () => {
      await prisma.$disconnect();
      if (!instance.closed) await instance.close();
    },
  };
}

/** The database target described by DATABASE_URL / DATA_DIR. */
export function databaseTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  if (databaseUrl) return { kind: "postgres", url: databaseUrl };
  return { kind: "embedded", dataDir: path.join(dataDir, "pglite") };
}
