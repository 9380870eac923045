import os from "node:os";
import path from "node:path";
import fs from "node:fs";

import { afterAll, beforeAll } from "vitest";

import { setDatabase } from "~/db/db.server";
import type { Database } from "~/db/database.server";
import { resetEnvCache } from "~/utils/env.server";

import { openTestDatabase } from "./database";
import { applyTestEnv } from "./test-env";

/** Each integration test file gets its own migrated database and data folder. */
let database: (Database & { drop(): Promise<void> }) | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-test-data-"));
applyTestEnv(dataDir);
resetEnvCache();

beforeAll(async () => {
  database = await openTestDatabase();
  setDatabase(database);
}, 60_000);

afterAll(async () => {
  setDatabase(undefined);
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The current test file's database (opened in beforeAll). */
export function testDatabase(): Database {
  if (!database) throw new Error("testDatabase() used before beforeAll opened it");
  return database;
}
