/**
 * `npm run bench`: Lantern's speed next to the physical limit of its stack,
 * on the embedded PGlite and on a PostgreSQL server, in one run on one
 * machine so that the ratios hold. Prints every figure and writes them to
 * bench/results.md. Every load stops by itself; servers listen on 127.0.0.1.
 *
 *   npm run bench                              # both databases, everything, 10 s per HTTP row
 *   npm run bench -- --db pglite --seconds 3 --gifts 300 --rows 100000   # a quick look
 *   npm run bench -- --only webhooks --gifts 1500                         # one part
 *
 * Options: --db pglite|postgres|both, --only pages,webhooks,staff (default: all),
 * --seconds N (per HTTP row), --connections N (also the webhooks posted at a time),
 * --gifts N (gifts whose webhooks are ingested), --rows N (donations for the
 * staff pages), --out FILE.
 * PostgreSQL: BENCH_PG_URL, else TEST_PG_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { z } from "zod";

import { AWARENESS_CAMPAIGN_SLUG } from "~/db/seed.server";
import { startStripeSandbox } from "~/payments/sandbox/start.server";
import type { StripeObject } from "~/payments/sandbox/store.server";
import { startDatabase } from "~/server/bootstrap.server";
import { env, resetEnvCache } from "~/utils/env.server";

import { freePort } from "../tests/support/free-port";
import { serverEnv, startServer, type ServerOptions, type ServerProcess } from "../tests/support/server-process";
import { createBenchDatabase, postgresAvailable, type BenchDatabase, type BenchDatabaseKind } from "./databases";
import { startFixedStripe } from "./fixed-stripe";
import { loadRow, type LoadRow } from "./http-load";
import { millionRows } from "./million";
import { pageWeight, type PageWeight } from "./page-weight";
import { cpuMeter } from "./process-cpu";
import { machine, report, ROW, WEBHOOK_RUN, type DatabaseRun } from "./report";
import { measureIngestion, withLedgerChecked } from "./webhook-run";
import { prepareGifts, type PreparedGifts } from "./webhook-ingestion";

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const PARTS = ["pages", "webhooks", "staff"] as const;
type Part = (typeof PARTS)[number];

const OptionsSchema = z.object({
  db: z.enum(["pglite", "postgres", "both"]).default("both"),
  only: z
    .string()
    .default(PARTS.join(","))
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(PARTS, { error: `each part must be one of ${PARTS.join(", ")}` })).min(1, "names no part"))
    .transform((parts) => new Set<Part>(parts)),
  seconds: wholeNumber(1, 120, 10),
  connections: wholeNumber(1, 1_000, 50),
  gifts: wholeNumber(10, 20_000, 1_500),
  rows: wholeNumber(1_000, 10_000_000, 1_000_000),
  out: z.string().default("bench/results.md"),
});
type Options = z.infer<typeof OptionsSchema>;

const STATIC_DIR = path.resolve("public/bench");
const PAGE_PATH = `/campaigns/${AWARENESS_CAMPAIGN_SLUG}`;
/** The public pages whose first-visit weight is reported (a thank-you page without a gift, the form asking for a manage link). */
const PUBLIC_PAGES: [string, string][] = [
  ["home", "/"],
  ["campaign", PAGE_PATH],
  ["thank-you", "/give/thank-you"],
  ["manage", "/give/manage"],
];
/** What the fixed-objects run's server uses instead of the sandbox: a test key, so STRIPE_API_URL is allowed. */
const FIXED_STRIPE_KEY = "sk_test_benchfixedobjects";
const log = (message: string) => console.log(`  ${message}`);

function build(): void {
  log("building the site (npm run build)...");
  const result = spawnSync("npm", ["run", "--silent", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("npm run build failed");
}

async function serverOptionsFor(target: BenchDatabase): Promise<ServerOptions> {
  return { port: await freePort(), dataDir: target.dataDir, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) };
}

/** The same environment for the work in this process and for the server process, pointing at `options`' database. */
function applyServerEnv(options: ServerOptions): void {
  Object.assign(process.env, serverEnv(options), { CHECKOUT_RATE_LIMIT: "10000" });
  resetEnvCache();
}

/** Seeds the database and makes the gifts in this process; returns them with every Stripe object the sandbox made. */
async function prepare(count: number): Promise<{ prepared: PreparedGifts; stripeObjects: StripeObject[] }> {
  const database = await startDatabase(env(), { seed: true, log: () => {} });
  const stopSandbox = startStripeSandbox();
  try {
    const prepared = await prepareGifts(count);
    const rows = await database.prisma.sandboxObject.findMany({ select: { data: true } });
    return { prepared, stripeObjects: rows.map((row) => row.data as unknown as StripeObject) };
  } finally {
    stopSandbox();
    await database.close();
  }
}

/**
 * The campaign page rendered every request, revalidated, as a static file, and from the page memory.
 * Measured on a server set up as in production, with a Stripe test key instead of the sandbox: the
 * sandbox intercepts the process's HTTP machinery (every Headers object a request makes), which no
 * production server does. Rendering a page never calls Stripe.
 */
async function measurePages(sandboxServer: ServerProcess, serverOptions: ServerOptions, options: Options) {
  await sandboxServer.stop();
  const productionEnv = { STRIPE_SECRET_KEY: FIXED_STRIPE_KEY, STRIPE_API_URL: "http://127.0.0.1:9", STRIPE_SANDBOX: "0" };
  const server = await startServer({ ...serverOptions, env: { ...productionEnv, PUBLIC_PAGE_MEMORY_SECONDS: "0" } });
  try {
    return await measurePagesOn(server, serverOptions, productionEnv, options);
  } finally {
    await server.stop();
  }
}

async function measurePagesOn(
  server: ServerProcess,
  serverOptions: ServerOptions,
  productionEnv: Record<string, string>,
  options: Options,
) {
  const rows: LoadRow[] = [];
  const load = { connections: options.connections, seconds: options.seconds };
  // The server's own CPU per request (from /proc), steadier than req/s on a shared machine.
  const measure = async (target: ServerProcess, list: [string, string, Record<string, string>][]) => {
    log("warming up...");
    await loadRow("warm-up", `${target.baseUrl}${PAGE_PATH}`, { ...load, seconds: Math.min(3, options.seconds) });
    for (const [name, url, headers] of list) {
      log(`${name}: ${options.seconds} s at ${options.connections} connections...`);
      const meter = cpuMeter(target.pid);
      await meter.start();
      const row = await loadRow(name, `${target.baseUrl}${url}`, { ...load, headers });
      const { processMs } = await meter.stop();
      rows.push({ ...row, serverCpuMsPerRequest: row.requests > 0 ? processMs / row.requests : null });
    }
  };
  const page = await fetch(`${server.baseUrl}${PAGE_PATH}`);
  const etag = page.headers.get("etag") ?? "";
  if (page.status !== 200 || !etag) throw new Error(`the campaign page answered ${page.status} with ETag ${etag || "none"}`);
  fs.mkdirSync(STATIC_DIR, { recursive: true });
  fs.writeFileSync(path.join(STATIC_DIR, "campaign.html"), Buffer.from(await page.arrayBuffer()));
  await measure(server, [
    [ROW.rendered, PAGE_PATH, {}],
    [ROW.revalidated, PAGE_PATH, { "if-none-match": etag }],
    [ROW.file, "/bench/campaign.html", {}],
  ]);
  const weights: PageWeight[] = [];
  for (const [name, url] of PUBLIC_PAGES) weights.push({ ...(await pageWeight(`${server.baseUrl}${url}`)), page: `${name} (${url})` });
  // Then as configured by default: rendered pages kept in memory for a few seconds.
  await server.stop();
  const remembering = await startServer({ ...serverOptions, env: { ...productionEnv, PUBLIC_PAGE_MEMORY_SECONDS: "5" } });
  try {
    await measure(remembering, [
      [ROW.memory, PAGE_PATH, {}],
      [ROW.memoryRevalidated, PAGE_PATH, { "if-none-match": etag }],
    ]);
  } finally {
    await remembering.stop();
  }
  return { rows, weights };
}

async function runOn(kind: BenchDatabaseKind, options: Options): Promise<DatabaseRun> {
  const target = await createBenchDatabase(kind);
  const databases: BenchDatabase[] = [target];
  const run: DatabaseRun = { label: target.label, rows: [], webhooks: [] };
  console.log(`\n== ${target.label}`);
  try {
    if (options.only.has("pages") || options.only.has("webhooks")) {
      const serverOptions = await serverOptionsFor(target);
      applyServerEnv(serverOptions);
      log(`making ${options.gifts} gifts through the giving code and the Stripe sandbox...`);
      const { prepared, stripeObjects } = await prepare(options.gifts);
      // The same gifts, not yet delivered, for the run with Stripe answered in constant time.
      const untouched = options.only.has("webhooks") ? await target.fork() : undefined;
      if (untouched) databases.push(untouched);
      const events = prepared.gifts.flat().length;

      // Through the sandbox, then the campaign page (holding those gifts) on the same server.
      const server = await startServer({ ...serverOptions, env: { PUBLIC_PAGE_MEMORY_SECONDS: "0" } });
      try {
        log(`posting their ${events} events (and duplicates) ${options.connections} at a time, Stripe's API answered by the sandbox...`);
        const sandboxRun = await measureIngestion(WEBHOOK_RUN.sandbox, server, target, prepared, options.connections);
        if (options.only.has("pages")) Object.assign(run, await measurePages(server, serverOptions, options));
        await server.stop();
        run.webhooks.push(await withLedgerChecked(sandboxRun, prepared));
      } finally {
        await server.stop();
      }

      if (untouched) {
        const copyOptions = await serverOptionsFor(untouched);
        applyServerEnv(copyOptions);
        const fixed = await startFixedStripe(stripeObjects);
        try {
          const fixedServer = await startServer({
            ...copyOptions,
            env: { STRIPE_SECRET_KEY: FIXED_STRIPE_KEY, STRIPE_SANDBOX: "", STRIPE_API_URL: fixed.url, PUBLIC_PAGE_MEMORY_SECONDS: "0" },
          });
          let fixedRun;
          try {
            log(`posting the same ${events} events to a copy of the database, Stripe's API answered from fixed objects...`);
            fixedRun = await measureIngestion(WEBHOOK_RUN.fixed, fixedServer, untouched, prepared, options.connections);
          } finally {
            await fixedServer.stop();
          }
          if (fixed.answered().missing > 0)
            throw new Error(`the fixed Stripe objects lacked ${fixed.answered().missing} that the server asked for`);
          run.webhooks.push(await withLedgerChecked(fixedRun, prepared));
        } finally {
          await fixed.stop();
        }
      }
    }

    if (options.only.has("staff")) {
      log(`loading ${options.rows.toLocaleString("en-US")} donations with bulk SQL, then timing the staff pages...`);
      const scratch = await createBenchDatabase(kind);
      databases.push(scratch);
      run.million = await millionRows(scratch, options.rows);
    }
    return run;
  } finally {
    fs.rmSync(STATIC_DIR, { recursive: true, force: true });
    for (const database of databases) await database.drop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      only: { type: "string" },
      seconds: { type: "string" },
      connections: { type: "string" },
      gifts: { type: "string" },
      rows: { type: "string" },
      out: { type: "string" },
    },
  });
  const parsed = OptionsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`bench: ${parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("; ")}`);
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
  const text = report(runs, { ...options, parts: [...options.only] }, skipped);
  console.log(`\n${text}`);
  fs.writeFileSync(options.out, text);
  console.log(`Written to ${options.out}.`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
