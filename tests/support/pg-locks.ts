import pg from "pg";

import { waitUntil } from "./server-process";

/**
 * A table lock held by the test on its own connection, so that the server's
 * next write to that table waits: a deterministic "in the middle of a
 * transaction" for fault tests.
 */
export interface HeldLock {
  client: pg.Client;
  /** Ends the test's transaction (and its connection), letting the waiter go on. */
  release(): Promise<void>;
}

export async function lockTable(databaseUrl: string, table: string): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // The server may end this connection (a fast shutdown does): that is expected.
  client.on("error", () => {});
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
  return {
    client,
    release: async () => {
      await client.query("ROLLBACK").catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

/** Waits (at most 30 s) until another session is queued behind the lock on `table`. */
export async function waitForLockWaiter(lock: HeldLock, table: string): Promise<void> {
  await waitUntil(
    30_000,
    50,
    async () => {
      const { rows } = await lock.client.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_locks WHERE relation = $1::regclass AND NOT granted`,
        [`"${table}"`],
      );
      return (rows[0]?.waiting ?? 0) > 0;
    },
    `a transaction waiting on "${table}"`,
  );
}

/** Waits (at most 30 s) until no other session is connected to the database (a killed server's are gone). */
export async function waitForOtherSessionsToEnd(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) =>
    waitUntil(
      30_000,
      100,
      async () => {
        const { rows } = await client.query<{ others: number }>(
          `SELECT count(*)::int AS others FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        );
        return rows[0]?.others === 0;
      },
      "the killed server's sessions to end",
    ),
  );
}

export async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
