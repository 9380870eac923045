import fs from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "~/generated/prisma/client";
import { makePrivateDir, makeTreePrivate, writePrivateFile } from "~/utils/private-files.server";

/** Where the data lives: the embedded PGlite folder, or a PostgreSQL server. */
export type DatabaseTarget = { kind: "embedded"; dataDir: string } | { kind: "memory" } | { kind: "postgres"; url: string };

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
 * PrismaClient; the rest of the app gets it from `~/db/db.server`.
 */
export async function openDatabase(target: DatabaseTarget, options: { pglite?: PGlite; poolSize?: number } = {}): Promise<Database> {
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
  let releaseLock = () => {};
  if (!pglite) {
    if (target.kind === "embedded") {
      makePrivateDir(path.dirname(path.resolve(target.dataDir)));
      releaseLock = lockDataDir(path.resolve(target.dataDir));
      try {
        pglite = await PGlite.create(path.resolve(target.dataDir));
        // A new database is unpacked with world-writable files (0666): every donor's data.
        makeTreePrivate(path.resolve(target.dataDir));
      } catch (error) {
        releaseLock();
        throw error;
      }
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
      releaseLock();
    },
  };
}

/**
 * PGlite's folder belongs to one process at a time; a second one opening it
 * would corrupt it. A lock file next to it names the owner, and a clear error
 * tells the second process what to do.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writePrivateFile(lockFile, String(process.pid), { exclusive: true });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockFile, "utf8"));
      if (owner && owner !== process.pid && processAlive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${owner} (a running server?). ` +
            "Stop that process first, or use PostgreSQL (DATABASE_URL) to run several at once.",
        );
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that is gone
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The database target described by DATABASE_URL / DATA_DIR. */
export function databaseTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  if (databaseUrl) return { kind: "postgres", url: databaseUrl };
  return { kind: "embedded", dataDir: path.join(dataDir, "pglite") };
}
