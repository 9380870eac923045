import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort } from "../support/free-port";
import { payCheckout, redeliver, startCheckout, CAMPAIGN_SLUG } from "../support/http-giving";
import { eventProcessed, giftFacts, sandboxEvents, type SqlQuery } from "../support/ledger-facts";
import { clusterBinariesFor, startThrowawayCluster, type Cluster } from "../support/pg-cluster";
import { lockTable, waitForLockWaiter, withClient } from "../support/pg-locks";
import { seedDatabase, startServer, stopAllServers, waitUntil, type ServerOptions, type ServerProcess } from "../support/server-process";

/**
 * The PostgreSQL server goes away under a running site and comes back. The
 * site answers 503 meanwhile, recovers by itself, and a Stripe event that
 * could not be applied during the outage is applied exactly once when Stripe
 * retries it. Needs PostgreSQL server binaries to stop and restart a cluster
 * (a server named by TEST_PG_URL cannot be stopped from here).
 */
const bin = clusterBinariesFor("Database outage tests");

describe.skipIf(!bin)("the database going away and coming back", () => {
  let cluster: Cluster | undefined;
  let dataDir: string;
  let options: ServerOptions;
  let server: ServerProcess;
  let databaseUrl: string;
  const query: SqlQuery = (sql, params) => withClient(databaseUrl, async (client) => (await client.query(sql, params)).rows);

  beforeAll(async () => {
    cluster = await startThrowawayCluster(bin as string);
    await withClient(cluster.url, (client) => client.query("CREATE DATABASE lantern"));
    databaseUrl = cluster.url.replace(/\/postgres$/, "/lantern");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-faults-outage-"));
    options = { port: await freePort(), dataDir, databaseUrl };
    seedDatabase(options);
    server = await startServer(options);
  });

  afterAll(async () => {
    await stopAllServers();
    cluster?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 503 meanwhile, recovers without a restart, and applies the retried webhook once", async () => {
    const live = cluster as Cluster;
    const email = "outage@example.org";
    const sessionId = await startCheckout(server.baseUrl, { amount: 4_200, email });

    // The gift's webhook starts its transaction and waits on our lock; then the database stops.
    const lock = await lockTable(databaseUrl, "Donation");
    const paying = payCheckout(server.baseUrl, sessionId, email);
    await waitForLockWaiter(lock, "Donation");
    const [event] = (await sandboxEvents((sql, params) => lock.client.query(sql, params).then((r) => r.rows))).filter(
      (e) => e.data.object.id === sessionId,
    );
    if (!event) throw new Error("the sandbox stored no event for the checkout");
    live.halt("fast");
    await lock.release();
    // The checkout page still answers; its delivery of the event got a 503.
    expect((await paying).status).toBe(303);
    await waitUntil(10_000, 50, () => server.output().includes(`${event.id} delivery answered 503`), "the sandbox to report a 503");

    const page = await fetch(`${server.baseUrl}/campaigns/${CAMPAIGN_SLUG}`);
    const html = await page.text();
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain("Please try again in a moment");
    expect(html).toContain("Exit this page");
    expect(html).not.toMatch(/\bat .+\.(js|ts):\d+|Prisma|P1001|ECONNREFUSED|127\.0\.0\.1:\d+/);

    const home = await fetch(`${server.baseUrl}/`);
    expect(home.status).toBe(503);
    const data = await fetch(`${server.baseUrl}/campaigns/${CAMPAIGN_SLUG}.data`);
    expect(data.status).toBe(503);
    expect(await data.text()).not.toMatch(/Prisma|P1001|ECONNREFUSED/);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(503);
    // A donor pressing "Give" meanwhile: nothing is stored, the same calm page.
    await expect(startCheckout(server.baseUrl, { amount: 2_000, email })).rejects.toThrow(/answered 503/);

    const duringOutage = await redeliver(server.baseUrl, event);
    expect(duringOutage.status).toBe(503);
    expect(duringOutage.retryAfter).toMatch(/^\d+$/);

    live.resume();
    await waitUntil(30_000, 200, async () => (await fetch(`${server.baseUrl}/healthz`)).status === 200, "/healthz to answer 200");
    expect((await fetch(`${server.baseUrl}/campaigns/${CAMPAIGN_SLUG}`)).status).toBe(200);

    const paymentIntentId = event.data.object.payment_intent as string;
    expect(await giftFacts(query, paymentIntentId)).toEqual({ donations: 0, receipts: 0 });
    expect(await eventProcessed(query, event.id)).toBe(false);

    expect(await redeliver(server.baseUrl, event)).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await redeliver(server.baseUrl, event)).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    expect(await giftFacts(query, paymentIntentId)).toEqual({ donations: 1, receipts: 1 });
    expect(await eventProcessed(query, event.id)).toBe(true);
  });

  it("a server started while the database is down stops with one clear message", async () => {
    const live = cluster as Cluster;
    await server.stop();
    live.halt("fast");
    try {
      const failure = await startServer({ ...options, port: await freePort() }).then(
        () => new Error("the server started without its database"),
        (error: unknown) => error as Error,
      );
      expect(failure.message).toMatch(/exited \(1\) before listening/);
      expect(failure.message).toMatch(
        /Lantern cannot start: the database \(PostgreSQL at 127\.0\.0\.1:\d+\/lantern\) cannot be reached: .*ECONNREFUSED/,
      );
      expect(failure.message).not.toMatch(/^\s+at /m);
    } finally {
      live.resume();
    }
  });
});
