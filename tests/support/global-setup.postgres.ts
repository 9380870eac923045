import pg from "pg";
import type { TestProject } from "vitest/node";

import { openDatabase } from "~/db/database.server";
import { applyMigrations } from "~/db/migrate.server";

import { findPostgresBin, startThrowawayCluster, type Cluster } from "./pg-cluster";

/**
 * The real-PostgreSQL run: a throwaway cluster on 127.0.0.1 (or the server
 * named by TEST_PG_URL), one migrated template database, and a database per
 * test file copied from it. Everything it created is dropped afterwards.
 */
export default async function setup(project: TestProject) {
  let cluster: Cluster | undefined;
  let serverUrl = process.env.TEST_PG_URL;
  if (!serverUrl) {
    const bin = findPostgresBin();
    if (!bin) throw new Error("No PostgreSQL binaries found and TEST_PG_URL unset");
    cluster = await startThrowawayCluster(bin);
    serverUrl = cluster.url;
  }

  const template = `lantern_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  const database = await openDatabase({ kind: "postgres", url: withDatabase(serverUrl, template) }, { poolSize: 2 });
  await applyMigrations(database, { log: () => {} });
  await database.close();

  project.provide("testDatabase", { kind: "postgres", serverUrl, template });

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [
      template,
      `${template}_%`,
    ]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await client.end();
    cluster?.stop();
  };
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
