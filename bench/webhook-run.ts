/**
 * One measured webhook ingestion: the prepared gifts' events posted to a
 * running server, the CPU it (and, on a local PostgreSQL, the database's
 * backends) spent meanwhile, then the ledger checked in this process once the
 * server has stopped.
 */
import { startDatabase } from "~/server/bootstrap.server";
import { env } from "~/utils/env.server";

import type { ServerProcess } from "../tests/support/server-process";
import { TEST_WEBHOOK_SECRET } from "../tests/support/test-env";
import type { BenchDatabase } from "./databases";
import { cpuMeter } from "./process-cpu";
import { checkLedger, ingest, type IngestionResult, type LedgerCheck, type PreparedGifts } from "./webhook-ingestion";

export interface WebhookRun {
  /** How Stripe's API was answered during the run. */
  name: string;
  ingestion: IngestionResult;
  /** CPU milliseconds per event (deliveries included in the work): the server process, and the database backends (null when not measurable). */
  serverCpuMsPerEvent: number;
  databaseCpuMsPerEvent: number | null;
  ledger?: LedgerCheck;
}

export async function measureIngestion(
  name: string,
  server: ServerProcess,
  target: BenchDatabase,
  prepared: PreparedGifts,
  concurrency: number,
): Promise<WebhookRun> {
  const meter = cpuMeter(server.pid, target.kind === "postgres" && target.local ? target.databaseUrl : undefined);
  await meter.start();
  const ingestion = await ingest(server.baseUrl, prepared, { concurrency, duplicateShare: 0.1, secret: TEST_WEBHOOK_SECRET });
  const cpu = await meter.stop();
  return {
    name,
    ingestion,
    serverCpuMsPerEvent: cpu.processMs / ingestion.uniqueEvents,
    databaseCpuMsPerEvent: cpu.databaseMs === null ? null : cpu.databaseMs / ingestion.uniqueEvents,
  };
}

/** Run with the server stopped and this process's environment pointing at the run's database. */
export async function withLedgerChecked(run: WebhookRun, prepared: PreparedGifts): Promise<WebhookRun & { ledger: LedgerCheck }> {
  const database = await startDatabase(env(), { log: () => {} });
  const ledger = await checkLedger(prepared, run.ingestion).finally(() => database.close());
  if (!ledger.ok) throw new Error(`${run.name}: the ledger does not hold each gift once: ${JSON.stringify(ledger)}`);
  return { ...run, ledger };
}
