/**
 * The staff pages at scale: a scratch database filled with bulk SQL
 * (donations-list.ts), its totals rebuilt from the rows in one statement
 * pair, then the dashboard and the donations list timed (median of runs).
 */
import path from "node:path";

import { setDatabase } from "~/db/db.server";
import { openDatabase } from "~/db/database.server";
import { applyMigrations } from "~/db/migrate.server";
import { dashboard } from "~/dashboard/dashboard.data.server";
import { rebuildCampaignTotals } from "~/donations/totals.data.server";

import type { BenchDatabase } from "./databases";
import { loadDonations, median, timeDonationsList, type CaseResult } from "./donations-list";

export interface MillionResult {
  donations: number;
  donors: number;
  loadSeconds: number;
  rebuildSeconds: number;
  /** The dashboard's loader work: every campaign's figures and daily chart. */
  dashboard30Ms: number;
  dashboard90Ms: number;
  list: CaseResult[];
}

export async function millionRows(target: BenchDatabase, donations: number, runs = 7): Promise<MillionResult> {
  const database = await openDatabase(
    target.kind === "pglite"
      ? { kind: "embedded", dataDir: path.join(target.dataDir, "million") }
      : { kind: "postgres", url: target.databaseUrl },
    { poolSize: 4 },
  );
  try {
    await applyMigrations(database, { log: () => {} });
    setDatabase(database);
    const donors = Math.max(100, Math.round(donations / 5));
    let started = performance.now();
    await loadDonations(database, { donations, donors });
    const loadSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await rebuildCampaignTotals();
    const rebuildSeconds = (performance.now() - started) / 1000;
    const dashboard30Ms = await median(runs, () => dashboard(30));
    const dashboard90Ms = await median(runs, () => dashboard(90));
    const list = await timeDonationsList(database, runs);
    return { donations, donors, loadSeconds, rebuildSeconds, dashboard30Ms, dashboard90Ms, list };
  } finally {
    await database.close();
  }
}
