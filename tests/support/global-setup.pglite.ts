import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";

import { openDatabase } from "~/db/database.server";
import { applyMigrations } from "~/db/migrate.server";

/**
 * Migrates one in-memory PGlite once and saves its data folder as a tarball;
 * every test file then starts its own database from that template, which is
 * far faster than migrating per file.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-pglite-template-"));
  const pglite = await PGlite.create();
  const database = await openDatabase({ kind: "memory" }, { pglite });
  await applyMigrations(database, { log: () => {} });
  const dump = await pglite.dumpDataDir("none");
  const file = path.join(dir, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();

  project.provide("testDatabase", { kind: "pglite", templateFile: file });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
