import path from "node:path";

import { openDatabase } from "~/db/database.server";

import type { SqlQuery } from "./ledger-facts";

/**
 * Opens a server's embedded database (DATA_DIR/pglite) in this process, the
 * way the server does (lock file included), runs `work`, and closes it. The
 * server must be stopped: the folder belongs to one process at a time.
 */
export async function withEmbeddedDatabase<T>(dataDir: string, work: (query: SqlQuery) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: "embedded", dataDir: path.join(dataDir, "pglite") });
  const pglite = database.pglite;
  if (!pglite) throw new Error("an embedded database has a PGlite instance");
  try {
    return await work(async <R>(sql: string, params?: unknown[]) => (await pglite.query<R>(sql, params)).rows);
  } finally {
    await database.close();
  }
}
