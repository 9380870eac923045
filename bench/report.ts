/**
 * The benchmark's figures as Markdown (printed, and written to
 * bench/results.md): one section per database, each part only when it ran.
 */
import os from "node:os";

import type { LoadRow } from "./http-load";
import type { MillionResult } from "./million";
import type { PageWeight } from "./page-weight";
import type { WebhookRun } from "./webhook-run";

/** The HTTP rows of the campaign page, by the names run.ts gives them. */
export const ROW = {
  rendered: "campaign page, rendered from the database every request",
  revalidated: "the same, revalidated (If-None-Match: 304)",
  file: "the same HTML as a static file (same process)",
  memory: "campaign page with the 5 s page memory (the default)",
  memoryRevalidated: "the same, revalidated from memory (304)",
} as const;

/** The webhook runs, by how Stripe's API is answered. */
export const WEBHOOK_RUN = {
  sandbox: "through the sandbox (Stripe's API answered from its objects in the database)",
  fixed: "Stripe answered in constant time (fixed objects, over HTTP from another process)",
} as const;

export interface DatabaseRun {
  label: string;
  rows: LoadRow[];
  /** What a first visit downloads, per public page. */
  weights?: PageWeight[];
  webhooks: WebhookRun[];
  million?: MillionResult;
}

export interface ReportSettings {
  seconds: number;
  connections: number;
  gifts: number;
  rows: number;
  parts: string[];
}

const n0 = (value: number) => Math.round(value).toLocaleString("en-US");
const n1 = (value: number) => value.toFixed(1);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function table(header: string[], body: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...body.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

/** The machine's load when the bench started (it shares the cores with whatever else runs). */
const LOAD_AT_START = os.loadavg();

export function machine(): string {
  const cpus = os.cpus();
  const load = LOAD_AT_START.map((value) => value.toFixed(2)).join(", ");
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${os.platform()} ${os.release()}; load average at the start ${load} (1, 5, 15 min)`;
}

function pages(run: DatabaseRun, out: string[]): void {
  const row = (name: string) => run.rows.find((r) => r.name === name);
  const [page, revalidated, file, memory] = [row(ROW.rendered), row(ROW.revalidated), row(ROW.file), row(ROW.memory)];
  out.push("", "### Campaign page against the static-file limit", "");
  out.push(
    table(
      ["request", "req/s", "server CPU ms/request", "p50 ms", "p99 ms", "bytes/response", "responses", "errors"],
      run.rows.map((r) => [
        r.name,
        n0(r.requestsPerSecond),
        r.serverCpuMsPerRequest === null || r.serverCpuMsPerRequest === undefined ? "n/a" : r.serverCpuMsPerRequest.toFixed(2),
        n1(r.p50Ms),
        n1(r.p99Ms),
        n0(r.bytesPerResponse),
        Object.entries(r.statuses)
          .map(([k, v]) => `${n0(v)} ${k}`)
          .join(", "),
        String(r.errors),
      ]),
    ),
  );
  const cpu = (r: LoadRow) => (typeof r.serverCpuMsPerRequest === "number" ? r.serverCpuMsPerRequest : null);
  if (page && file && cpu(page) !== null && cpu(file) !== null) {
    out.push(
      "",
      `Server CPU per request: rendered ${cpu(page)?.toFixed(2)} ms, static file ${cpu(file)?.toFixed(2)} ms ` +
        `(the file costs **${((cpu(file) ?? 0) / (cpu(page) ?? 1)).toFixed(2)}×** the rendering's CPU).`,
    );
  }
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
  const weights = run.weights ?? [];
  if (weights.length === 0) return;
  out.push("", "### What a first visit to each public page downloads (gzip)", "");
  out.push(
    table(
      ["page", "HTML", "CSS", "JavaScript", "JavaScript files", "other", "total (gzip)", "total (uncompressed)"],
      weights.map((w) => [
        w.page ?? "",
        kb(w.htmlGzip),
        kb(w.cssGzip),
        `**${kb(w.jsGzip)}**`,
        String(w.jsFiles),
        kb(w.otherGzip),
        kb(w.totalGzip),
        kb(w.totalRaw),
      ]),
    ),
  );
}

function webhooks(run: DatabaseRun, out: string[]): void {
  out.push("", "### Webhook ingestion", "");
  out.push(
    "Signed events of real gifts, 10 % of them sent twice, posted many at a time; CPU is what the server process " +
      "(and, on a local PostgreSQL, the database's backends) used during the run, divided by the events.",
    "",
  );
  out.push(
    table(
      [
        "Stripe's API",
        "events",
        "deliveries (duplicates)",
        "retried 5xx",
        "seconds",
        "events/s",
        "server CPU ms/event",
        "database CPU ms/event",
        "answers",
      ],
      run.webhooks.map((w) => {
        const i = w.ingestion;
        return [
          w.name,
          n0(i.uniqueEvents),
          `${n0(i.deliveries)} (${n0(i.duplicatesSent)})`,
          n0(i.retries),
          n1(i.seconds),
          `**${n0(i.eventsPerSecond)}**`,
          n1(w.serverCpuMsPerEvent),
          w.databaseCpuMsPerEvent === null ? "in the server process" : n1(w.databaseCpuMsPerEvent),
          Object.entries(i.outcomes)
            .map(([k, v]) => `${n0(v)} ${k}`)
            .join(", "),
        ];
      }),
    ),
  );
  for (const w of run.webhooks) {
    const l = w.ledger;
    if (!l) continue;
    out.push(
      "",
      `Ledger after the run ${w.name.split(" (")[0]}: ${n0(l.gifts)} gifts → ${n0(l.donations)} donations, ${n0(l.distinctCharges)} distinct charges, ` +
        `${n0(l.receipts)} receipts, ${n0(l.processedEvents)} events processed; every event the site acts on was applied exactly once: ` +
        `${w.ingestion.appliedOnceEach ? "yes" : "NO"}; every row of the campaign, donor and daily totals equals the ledger's sums: ${l.totalsMatchLedger ? "yes" : "NO"}.`,
    );
  }
}

function staff(m: MillionResult, out: string[]): void {
  out.push("", `### Staff pages at ${n0(m.donations)} donations (${n0(m.donors)} donors)`, "");
  out.push(
    `Bulk load ${n1(m.loadSeconds)} s; totals rebuilt from the rows in ${n1(m.rebuildSeconds)} s. Median of 7 runs after 10 untimed ones, in the bench process:`,
    "",
  );
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

export function report(runs: DatabaseRun[], settings: ReportSettings, skipped: string[]): string {
  const out: string[] = [];
  out.push(`# Benchmark results`, "");
  out.push(`Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`);
  out.push(`Machine: ${machine()}.`);
  out.push(
    `Settings: ${settings.parts.join(", ")}; ${settings.seconds} s per HTTP row at ${settings.connections} connections (autocannon, gzip accepted), ` +
      `${settings.gifts} gifts ingested ${settings.connections} at a time, ${settings.rows.toLocaleString("en-US")} donations for the staff pages. ` +
      "The server is the production build (`server.ts`), in its own process; the load comes from another.",
  );
  for (const reason of skipped) out.push("", `Skipped: ${reason}`);
  for (const run of runs) {
    out.push("", `## ${run.label}`);
    if (run.rows.length > 0) pages(run, out);
    if (run.webhooks.length > 0) webhooks(run, out);
    if (run.million) staff(run.million, out);
  }
  return `${out.join("\n")}\n`;
}
