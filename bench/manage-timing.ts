/**
 * `tsx bench/manage-timing.ts [--rounds N]`: how long the "manage my monthly
 * gift" form takes to answer for a monthly donor's email, a one-time donor's
 * email and an email nobody gave with. The answer must not tell them apart
 * (decision 023); this prints the figures, it asserts nothing.
 *
 * Builds the site, makes the donors through the giving code and the Stripe
 * sandbox, starts the production server on 127.0.0.1 (embedded database, a
 * temporary folder) and posts the form over HTTP, one request at a time, the
 * three kinds in a shuffled order each round, each from its own client
 * address (TRUST_PROXY=1 and X-Forwarded-For) so the per-address limit never
 * answers. The outbox sender is off, so only the answer is timed. Stops by
 * itself after the last round and removes its folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { z } from "zod";

import { startStripeSandbox } from "~/payments/sandbox/start.server";
import { startDatabase } from "~/server/bootstrap.server";
import { env, resetEnvCache } from "~/utils/env.server";

import { freePort } from "../tests/support/free-port";
import { serverEnv, startServer, type ServerOptions } from "../tests/support/server-process";
import { signedWebhookRequest } from "../tests/support/signed-webhook";
import { buildSite } from "../tests/support/site-build";
import { prepareGifts } from "./webhook-ingestion";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "300" } } });
const rounds = z.coerce.number().int().min(10).max(100_000).parse(values.rounds);

const KINDS = {
  monthly: "bench1@example.org",
  once: "bench0@example.org",
  unknown: "nobody-gave@example.org",
} as const;
type Kind = keyof typeof KINDS;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-bench-manage-"));
try {
  console.log("building the site...");
  buildSite();
  const options: ServerOptions = { port: await freePort(), dataDir, env: { TRUST_PROXY: "1", EMAIL_SEND_INTERVAL_SECONDS: "0" } };
  Object.assign(process.env, serverEnv(options));
  resetEnvCache();

  console.log("making a one-time and a monthly donor through the giving code and the sandbox...");
  const database = await startDatabase(env(), { seed: true, log: () => {} });
  const stopSandbox = startStripeSandbox();
  const prepared = await prepareGifts(2, 2).finally(async () => {
    stopSandbox();
    await database.close();
  });

  const server = await startServer(options);
  try {
    for (const event of prepared.gifts.flat()) {
      const response = await fetch(signedWebhookRequest(JSON.stringify(event), { baseUrl: server.baseUrl }));
      if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
    }

    let address = 0;
    const ask = async (email: string): Promise<number> => {
      address++;
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}/give/manage`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: server.baseUrl,
          "x-forwarded-for": `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
        },
        body: new URLSearchParams({ email }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`the form answered ${response.status}`);
      return performance.now() - started;
    };

    console.log(`warming up, then ${rounds} rounds of three requests, one at a time...`);
    for (let i = 0; i < 30; i++) await ask(KINDS.unknown);
    const times: Record<Kind, number[]> = { monthly: [], once: [], unknown: [] };
    for (let round = 0; round < rounds; round++) {
      const order = (Object.keys(KINDS) as Kind[]).sort(() => Math.random() - 0.5);
      for (const kind of order) times[kind].push(await ask(KINDS[kind]));
    }

    console.log("\n| email | requests | median ms | p90 ms | mean ms |\n|---|---|---|---|---|");
    for (const kind of Object.keys(KINDS) as Kind[]) {
      const sorted = [...times[kind]].sort((a, b) => a - b);
      const mean = sorted.reduce((sum, t) => sum + t, 0) / sorted.length;
      console.log(
        `| ${kind} (${KINDS[kind]}) | ${sorted.length} | ${percentile(sorted, 0.5).toFixed(2)} | ${percentile(sorted, 0.9).toFixed(2)} | ${mean.toFixed(2)} |`,
      );
    }
  } finally {
    await server.stop();
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
