import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { withEmbeddedDatabase } from "../support/embedded-query";
import { freePort } from "../support/free-port";
import { payCheckout, redeliver, startCheckout } from "../support/http-giving";
import { eventProcessed, giftFacts, sandboxEvents, type SqlQuery } from "../support/ledger-facts";
import { clusterBinariesFor, startThrowawayCluster, type Cluster } from "../support/pg-cluster";
import { lockTable, waitForLockWaiter, waitForOtherSessionsToEnd, withClient } from "../support/pg-locks";
import { seedDatabase, startServer, stopAllServers, type ServerOptions, type ServerProcess } from "../support/server-process";

/**
 * The server process is killed (SIGKILL: no shutdown code runs) while a
 * Stripe event is being applied. Whatever the event had written must vanish
 * with its transaction, the server must start again on the same data, and
 * Stripe's retry must record the gift exactly once, with one receipt.
 */
const bin = clusterBinariesFor("Killed-server test on PostgreSQL");

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-faults-kill-"));
  tempDirs.push(dir);
  return dir;
}

let cluster: Cluster | undefined;
afterAll(async () => {
  await stopAllServers();
  cluster?.stop();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!bin)("a server killed in the middle of a webhook, on PostgreSQL", () => {
  let options: ServerOptions;
  let databaseUrl: string;
  let server: ServerProcess;
  const query: SqlQuery = (sql, params) => withClient(databaseUrl, async (client) => (await client.query(sql, params)).rows);

  beforeAll(async () => {
    cluster = await startThrowawayCluster(bin as string);
    await withClient(cluster.url, (client) => client.query("CREATE DATABASE lantern"));
    databaseUrl = cluster.url.replace(/\/postgres$/, "/lantern");
    options = { port: await freePort(), dataDir: tempDir(), databaseUrl };
    seedDatabase(options);
    server = await startServer(options);
  });

  it("keeps nothing of the interrupted event, and its redelivery records the gift once", async () => {
    const email = "killed@example.org";
    const sessionId = await startCheckout(server.baseUrl, { amount: 3_100, email });

    // The event's transaction has claimed the event and locked the pledge, and waits to insert the donation.
    const lock = await lockTable(databaseUrl, "Donation");
    const paying = payCheckout(server.baseUrl, sessionId, email).then(
      (response) => response.status,
      () => "connection lost",
    );
    await waitForLockWaiter(lock, "Donation");
    const [event] = (await sandboxEvents((sql, params) => lock.client.query(sql, params).then((r) => r.rows))).filter(
      (e) => e.data.object.id === sessionId,
    );
    if (!event) throw new Error("the sandbox stored no event for the checkout");

    await server.kill("SIGKILL");
    expect(await paying).toBe("connection lost");
    await lock.release();
    await waitForOtherSessionsToEnd(databaseUrl);

    const paymentIntentId = event.data.object.payment_intent as string;
    expect(await giftFacts(query, paymentIntentId)).toEqual({ donations: 0, receipts: 0 });
    expect(await eventProcessed(query, event.id)).toBe(false);

    server = await startServer(options);
    expect(await redeliver(server.baseUrl, event)).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await redeliver(server.baseUrl, event)).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    expect(await giftFacts(query, paymentIntentId)).toEqual({ donations: 1, receipts: 1 });
    expect(await eventProcessed(query, event.id)).toBe(true);
    await server.stop();
  });
});

describe("a server killed during a burst of gifts, on the embedded database", () => {
  it("starts again despite the dead process's lock file, and every event redelivered counts once", async () => {
    const options: ServerOptions = { port: await freePort(), dataDir: tempDir() };
    seedDatabase(options);
    let server = await startServer(options);

    const gifts = 4;
    const sessions: { id: string; email: string }[] = [];
    for (let i = 0; i < gifts; i++) {
      const email = `burst${i}@example.org`;
      sessions.push({ id: await startCheckout(server.baseUrl, { amount: 2_500 + i * 100, email }), email });
    }
    // All pay at once; the server is killed once the first has been answered,
    // a random moment later, while the others' events are being applied.
    const paying = sessions.map((session) =>
      payCheckout(server.baseUrl, session.id, session.email).then(
        (r) => r.status,
        () => 0,
      ),
    );
    await Promise.race(paying);
    const extraDelayMs = Math.floor(Math.random() * 150);
    await new Promise((resolve) => setTimeout(resolve, extraDelayMs));
    await server.kill("SIGKILL");
    const statuses = await Promise.all(paying);
    console.info(
      `Killed the server ${extraDelayMs} ms after the first payment answered; payments answered ${statuses.join(", ")} (0: cut off).`,
    );

    const lockFile = path.join(options.dataDir, "pglite.lock");
    expect(fs.existsSync(lockFile)).toBe(true);
    server = await startServer(options);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    await server.stop();

    const events = await withEmbeddedDatabase(options.dataDir, sandboxEvents);
    expect(events.length).toBeGreaterThan(0);
    server = await startServer(options);
    for (const event of events) {
      const delivery = await redeliver(server.baseUrl, event);
      expect(delivery, `redelivering ${event.type} ${event.id}`).toMatchObject({ status: 200 });
      expect(delivery.body.outcome).toMatch(/^(applied|duplicate)$/);
    }
    await server.stop();

    await withEmbeddedDatabase(options.dataDir, async (query) => {
      for (const event of events) {
        expect(await eventProcessed(query, event.id), `${event.id} processed`).toBe(true);
        const paymentIntentId = event.data.object.payment_intent;
        if (event.type === "checkout.session.completed" && typeof paymentIntentId === "string") {
          expect(await giftFacts(query, paymentIntentId), `gift of ${event.data.object.id}`).toEqual({ donations: 1, receipts: 1 });
        }
      }
      const [totals] = await query<{ donations: number; receipts: number }>(
        `SELECT (SELECT count(*)::int FROM "Donation") AS donations, (SELECT count(*)::int FROM "EmailMessage" WHERE "kind" = 'receipt') AS receipts`,
      );
      const completed = events.filter((event) => event.type === "checkout.session.completed").length;
      expect(totals).toEqual({ donations: completed, receipts: completed });
    });
  });
});
