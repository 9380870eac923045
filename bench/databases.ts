/**
 * Where a benchmark runs: a fresh embedded PGlite folder, or a scratch
 * database on a PostgreSQL server (BENCH_PG_URL, else TEST_PG_URL, else
 * 127.0.0.1:5432), created for the run and dropped after it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

export type BenchDatabaseKind = "pglite" | "postgres";

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** What the report calls it, e.g. "PGlite 0.5.14 (embedded)" or "PostgreSQL 15.19". */
  label: string;
  /** For the server's DATABASE_URL: empty for the embedded database. */
  databaseUrl: string;
  /** The embedded database lives in dataDir/pglite; secrets and outbox files in dataDir. */
  dataDir: string;
  /** Whether the database server runs on this machine (its processes' CPU can be read). */
  local: boolean;
  /** An exact copy, made while nothing has the database open; dropped on its own. */
  fork(): Promise<BenchDatabase>;
  drop(): Promise<void>;
}

export function postgresServerUrl(): string {
  return process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server's version, or why it cannot be used. */
export async function postgresAvailable(): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const version = await withClient(
      postgresServerUrl(),
      async (client) => (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version,
    );
    return { ok: true, version: version ?? "?" };
  } catch (error) {
    return { ok: false, reason: `${new URL(postgresServerUrl()).host}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function pgliteVersion(): string {
  const file = path.resolve("node_modules/@electric-sql/pglite/package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export async function createBenchDatabase(kind: BenchDatabaseKind): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-bench-"));
  if (kind === "pglite") return embedded(dataDir);
  const available = await postgresAvailable();
  if (!available.ok) throw new Error(`no PostgreSQL server: ${available.reason}`);
  const name = `lantern_bench_${crypto.randomBytes(4).toString("hex")}`;
  await withClient(postgresServerUrl(), (client) => client.query(`CREATE DATABASE "${name}"`));
  return onServer(name, available.version, dataDir);
}

function embedded(dataDir: string): BenchDatabase {
  return {
    kind: "pglite",
    label: `PGlite ${pgliteVersion()} (embedded, in-process)`,
    databaseUrl: "",
    dataDir,
    local: true,
    fork: async () => {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-bench-"));
      fs.cpSync(dataDir, copy, { recursive: true });
      return embedded(copy);
    },
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

function onServer(name: string, version: string, dataDir: string): BenchDatabase {
  const serverUrl = postgresServerUrl();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    label: `PostgreSQL ${version} (${url.host}, over TCP)`,
    databaseUrl: url.toString(),
    dataDir,
    local: LOOPBACK.has(url.hostname),
    fork: async () => {
      const copy = `lantern_bench_${crypto.randomBytes(4).toString("hex")}`;
      await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${copy}" TEMPLATE "${name}"`));
      const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-bench-"));
      fs.cpSync(dataDir, copyDir, { recursive: true });
      return onServer(copy, version, copyDir);
    },
    drop: async () => {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
