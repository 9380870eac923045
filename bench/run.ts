/**
 * `npm run bench`: Lantern's speed next to the physical limit of its stack,
 * on the embedded PGlite and on a PostgreSQL server, in one run on one
 * machine so that the ratios hold. Prints every figure and writes them to
 * bench/results.md. Every load stops by itself; servers listen on 127.0.0.1.
 *
 *   npm run bench                              # both databases, 10 s per HTTP row
 *   npm run bench -- --db pglite --seconds 3 --gifts 300 --rows 100000   # a quick look
 *
 * Options: --db pglite|postgres|both, --seconds N (per HTTP row),
 * --connections N, --gifts N (gifts whose webhooks are ingested),
 * --rows N (donations for the staff pages), --out FILE.
 * PostgreSQL: BENCH_PG_URL, else TEST_PG_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { z } from "zod";

import { AWARENESS_CAMPAIGN_SLUG } from "~/db/seed.server";
import { startStripeSandbox } from "~/payments/sandbox/start.server";
import { startDatabase } from "~/server/bootstrap.server";
import { env, resetEnvCache } from "~/utils/env.server";

import { freePort } from "../tests/support/free-port";
import { serverEnv, startServer, type ServerOptions } from "../tests/support/server-process";
import { TEST_WEBHOOK_SECRET } from "../tests/support/test-env";
import { createBenchDatabase, postgresAvailable, type BenchDatabaseKind } from "./databases";
import { loadRow, type LoadRow } from "./http-load";
import { millionRows, type MillionResult } from "./million";
import { pageWeight, type PageWeight } from "./page-weight";
import { checkLedger, ingest, prepareGifts, type IngestionResult, type LedgerCheck } from "./webhook-ingestion";

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const OptionsSchema = z.object({
  db: z.enum(["pglite", "postgres", "both"]).default("both"),
  seconds: wholeNumber(1, 120, 10),
  connections: wholeNumber(1, 1_000, 50),
  gifts: wholeNumber(10, 20_000, 1_500),
  rows: wholeNumber(1_000, 10_000_000, 1_000_000),
  out: z.string().default("bench/results.md"),
});
type Options = z.infer<typeof OptionsSchema>;

interface DatabaseRun {
  kind: BenchDatabaseKind;
  label: string;
  rows: LoadRow[];
  weight: PageWeight;
  ingestion: IngestionResult;
  ledger: LedgerCheck;
  million: MillionResult;
}

const STATIC_DIR = path.resolve("public/bench");
const ROW = {
  rendered: "campaign page, rendered from the database every request",
  revalidated: "the same, revalidated (If-None-Match: 304)",
  file: "the same HTML as a static file (same process)",
  memory: "campaign page with the 5 s page memory (the default)",
  memoryRevalidated: "the same, revalidated from memory (304)",
} as const;
const log = (message: string) => console.log(`  ${message}`);

function build(): void {
  log("building the site (npm run build)...");
  const result = spawnSync("npm", ["run", "--silent", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("npm run build failed");
}

/** The same environment for the preparation in this process and for the server process. */
function applyServerEnv(options: ServerOptions): void {
  Object.assign(process.env, serverEnv(options), { CHECKOUT_RATE_LIMIT: "10000" });
  resetEnvCache();
}

async function runOn(kind: BenchDatabaseKind, options: Options): Promise<DatabaseRun> {
  const target = await createBenchDatabase(kind);
  console.log(`\n== ${target.label}`);
  try {
    const serverOptions: ServerOptions = {
      port: await freePort(),
      dataDir: target.dataDir,
      ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}),
    };
    applyServerEnv(serverOptions);

    log(`making ${options.gifts} gifts through the giving code and the Stripe sandbox...`);
    let database = await startDatabase(env(), { seed: true, log: () => {} });
    const stopSandbox = startStripeSandbox();
    const prepared = await prepareGifts(options.gifts).finally(async () => {
      stopSandbox();
      await database.close();
    });

    const rows: LoadRow[] = [];
    const load = { connections: options.connections, seconds: options.seconds };
    const pagePath = `/campaigns/${AWARENESS_CAMPAIGN_SLUG}`;
    const measure = async (baseUrl: string, list: [string, string, Record<string, string>][]) => {
      log("warming up...");
      await loadRow("warm-up", `${baseUrl}${pagePath}`, { ...load, seconds: Math.min(3, options.seconds) });
      for (const [name, url, headers] of list) {
        log(`${name}: ${options.seconds} s at ${options.connections} connections...`);
        rows.push(await loadRow(name, `${baseUrl}${url}`, { ...load, headers }));
      }
    };

    // First every request rendered from the database (the page memory off).
    let server = await startServer({ ...serverOptions, env: { PUBLIC_PAGE_MEMORY_SECONDS: "0" } });
    let ingestion: IngestionResult;
    let weight: PageWeight;
    let etag: string;
    try {
      log(`posting their ${prepared.gifts.flat().length} events (and duplicates), ${options.connections} at a time...`);
      ingestion = await ingest(server.baseUrl, prepared, { concurrency: options.connections, duplicateShare: 0.1, secret: TEST_WEBHOOK_SECRET });

      const page = await fetch(`${server.baseUrl}${pagePath}`);
      etag = page.headers.get("etag") ?? "";
      if (page.status !== 200 || !etag) throw new Error(`the campaign page answered ${page.status} with ETag ${etag || "none"}`);
      fs.mkdirSync(STATIC_DIR, { recursive: true });
      fs.writeFileSync(path.join(STATIC_DIR, "campaign.html"), Buffer.from(await page.arrayBuffer()));
      await measure(server.baseUrl, [
        [ROW.rendered, pagePath, {}],
        [ROW.revalidated, pagePath, { "if-none-match": etag }],
        [ROW.file, "/bench/campaign.html", {}],
      ]);
      weight = await pageWeight(`${server.baseUrl}${pagePath}`);
    } finally {
      await server.stop();
    }
    // Then as configured by default: rendered pages kept in memory for a few seconds.
    server = await startServer({ ...serverOptions, env: { PUBLIC_PAGE_MEMORY_SECONDS: "5" } });
    try {
      await measure(server.baseUrl, [
        [ROW.memory, pagePath, {}],
        [ROW.memoryRevalidated, pagePath, { "if-none-match": etag }],
      ]);
    } finally {
      await server.stop();
    }

    database = await startDatabase(env(), { log: () => {} });
    const ledger = await checkLedger(prepared, ingestion).finally(() => database.close());
    if (!ledger.ok) throw new Error(`the ledger does not hold each gift once: ${JSON.stringify(ledger)}`);

    log(`loading ${options.rows.toLocaleString("en-US")} donations with bulk SQL, then timing the staff pages...`);
    const scratch = await createBenchDatabase(kind);
    const million = await millionRows(scratch, options.rows).finally(() => scratch.drop());
    return { kind, label: target.label, rows, weight, ingestion, ledger, million };
  } finally {
    fs.rmSync(STATIC_DIR, { recursive: true, force: true });
    await target.drop();
  }
}

// ---- report

const n0 = (value: number) => Math.round(value).toLocaleString("en-US");
const n1 = (value: number) => value.toFixed(1);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function table(header: string[], body: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...body.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${os.platform()} ${os.release()}`;
}

function report(runs: DatabaseRun[], options: Options, skipped: string[]): string {
  const out: string[] = [];
  out.push(`# Benchmark results`, "");
  out.push(`Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`);
  out.push(`Machine: ${machine()}.`);
  out.push(
    `Settings: ${options.seconds} s per HTTP row at ${options.connections} connections (autocannon, gzip accepted), ` +
      `${options.gifts} gifts ingested, ${options.rows.toLocaleString("en-US")} donations for the staff pages. ` +
      "The server is the production build (`server.ts`), in its own process; the load comes from another.",
  );
  for (const reason of skipped) out.push("", `Skipped: ${reason}`);
  for (const run of runs) {
    const row = (name: string) => run.rows.find((r) => r.name === name);
    const [page, revalidated, file, memory] = [row(ROW.rendered), row(ROW.revalidated), row(ROW.file), row(ROW.memory)];
    out.push("", `## ${run.label}`, "", "### Campaign page against the static-file limit", "");
    out.push(
      table(
        ["request", "req/s", "p50 ms", "p99 ms", "bytes/response", "responses", "errors"],
        run.rows.map((row) => [
          row.name,
          n0(row.requestsPerSecond),
          n1(row.p50Ms),
          n1(row.p99Ms),
          n0(row.bytesPerResponse),
          Object.entries(row.statuses).map(([k, v]) => `${n0(v)} ${k}`).join(", "),
          String(row.errors),
        ]),
      ),
    );
    if (page && revalidated && file) {
      out.push(
        "",
        `Rendered page / static file: **${(page.requestsPerSecond / file.requestsPerSecond).toFixed(2)}×** the requests per second ` +
          `(p50 ${n1(page.p50Ms)} ms against ${n1(file.p50Ms)} ms). Revalidated / rendered: ${(revalidated.requestsPerSecond / page.requestsPerSecond).toFixed(2)}× ` +
          "(a 304 saves the bytes, not the rendering: the ETag is computed from the rendered page).",
      );
    }
    if (memory && file) {
      out.push(
        "",
        `With the page memory (default): **${(memory.requestsPerSecond / file.requestsPerSecond).toFixed(2)}×** the static file's requests per second ` +
          `(p50 ${n1(memory.p50Ms)} ms against ${n1(file.p50Ms)} ms).`,
      );
    }
    const w = run.weight;
    out.push("", "### What a first visit to the campaign page downloads (gzip)", "");
    out.push(
      table(
        ["HTML", "CSS", `JavaScript (${w.jsFiles} files)`, "other", "total (gzip)", "total (uncompressed)"],
        [[kb(w.htmlGzip), kb(w.cssGzip), kb(w.jsGzip), kb(w.otherGzip), kb(w.totalGzip), kb(w.totalRaw)]],
      ),
    );
    const i = run.ingestion;
    out.push("", "### Webhook ingestion", "");
    out.push(
      table(
        ["events", "deliveries (with duplicates)", "retried 5xx", "seconds", "events/s", "deliveries/s", "answers"],
        [
          [
            n0(i.uniqueEvents),
            `${n0(i.deliveries)} (${n0(i.duplicatesSent)} duplicates)`,
            n0(i.retries),
            n1(i.seconds),
            n0(i.eventsPerSecond),
            n0(i.deliveriesPerSecond),
            Object.entries(i.outcomes).map(([k, v]) => `${n0(v)} ${k}`).join(", "),
          ],
        ],
      ),
    );
    const l = run.ledger;
    out.push(
      "",
      `Ledger afterwards: ${n0(l.gifts)} gifts → ${n0(l.donations)} donations, ${n0(l.distinctCharges)} distinct charges, ` +
        `${n0(l.receipts)} receipts, ${n0(l.processedEvents)} events processed; every event the site acts on was applied exactly once: ` +
        `${i.appliedOnceEach ? "yes" : "NO"}; totals equal the ledger's sums: ${l.totalsMatchLedger ? "yes" : "NO"}.`,
    );
    const m = run.million;
    out.push("", `### Staff pages at ${n0(m.donations)} donations (${n0(m.donors)} donors)`, "");
    out.push(`Bulk load ${n1(m.loadSeconds)} s; totals rebuilt from the rows in ${n1(m.rebuildSeconds)} s. Median of 7 runs, in the bench process:`, "");
    out.push(
      table(
        ["work", "ms", "rows"],
        [
          ["dashboard (figures of every campaign + 30-day chart)", n1(m.dashboard30Ms), ""],
          ["dashboard (figures of every campaign + 90-day chart)", n1(m.dashboard90Ms), ""],
          ...m.list.map((c) => [`donations list: ${c.name}`, n1(c.medianMs), String(c.rows)]),
        ],
      ),
    );
  }
  return `${out.join("\n")}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      seconds: { type: "string" },
      connections: { type: "string" },
      gifts: { type: "string" },
      rows: { type: "string" },
      out: { type: "string" },
    },
  });
  const parsed = OptionsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`bench: ${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
    process.exitCode = 2;
    return;
  }
  const options = parsed.data;
  const kinds: BenchDatabaseKind[] = options.db === "both" ? ["pglite", "postgres"] : [options.db];
  const skipped: string[] = [];
  if (kinds.includes("postgres")) {
    const available = await postgresAvailable();
    if (!available.ok) {
      skipped.push(`PostgreSQL (${available.reason}); set BENCH_PG_URL to a server where a scratch database may be created.`);
      kinds.splice(kinds.indexOf("postgres"), 1);
    }
  }
  console.log(`Lantern benchmark on ${machine()}`);
  build();
  const runs: DatabaseRun[] = [];
  for (const kind of kinds) runs.push(await runOn(kind, options));
  const text = report(runs, options, skipped);
  console.log(`\n${text}`);
  fs.writeFileSync(options.out, text);
  console.log(`Written to ${options.out}.`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
