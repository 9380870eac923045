/**
 * Webhook ingestion: real gifts are made through the giving code and the
 * Stripe sandbox (in this process, before the server starts), keeping the
 * events Stripe would send; then they are posted to the running server,
 * signed with Stripe's helper, many at once, some of them twice, and the
 * ledger is checked: each gift recorded once, with one receipt.
 */
import Stripe from "stripe";

import { db } from "~/db/db.server";
import { AWARENESS_CAMPAIGN_SLUG } from "~/db/seed.server";
import { startGift } from "~/giving/give.server";
import { findPublishedCampaign } from "~/campaigns/campaigns.data.server";
import { totalsDisagreeingWithLedger } from "~/donations/totals.data.server";
import { paySandboxSession } from "~/payments/sandbox/checkout.server";
import type { StripeObject } from "~/payments/sandbox/store.server";

export interface PreparedGifts {
  /** Each gift's events, in the order Stripe sends them. */
  gifts: StripeObject[][];
  once: number;
  monthly: number;
}

/** One monthly gift in `monthlyEvery`; amounts spread over the campaign's range. */
export async function prepareGifts(count: number, monthlyEvery = 4): Promise<PreparedGifts> {
  const campaign = await findPublishedCampaign(AWARENESS_CAMPAIGN_SLUG);
  if (!campaign) throw new Error(`the seeded campaign ${AWARENESS_CAMPAIGN_SLUG} is missing`);
  const gifts: StripeObject[][] = [];
  let monthly = 0;
  for (let i = 0; i < count; i++) {
    const isMonthly = i % monthlyEvery === monthlyEvery - 1;
    if (isMonthly) monthly++;
    const email = `bench${i}@example.org`;
    const form = new FormData();
    for (const [name, value] of Object.entries({
      amount: "other",
      customAmount: (10 + (i % 40) * 2.5).toFixed(2),
      frequency: isMonthly ? "monthly" : "once",
      name: `Bench Donor ${i}`,
      email,
      ...(i % 3 === 0 ? { coverFee: "on" } : {}),
    })) {
      form.set(name, value);
    }
    // A different address per gift: the per-IP limit is not what is measured here.
    const outcome = await startGift(campaign, form, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    if (outcome.kind !== "checkout") throw new Error(`gift ${i} did not reach Checkout: ${JSON.stringify(outcome)}`);
    const sessionId = /\/(cs_test_[A-Za-z0-9]+)/.exec(outcome.url)?.[1];
    if (!sessionId) throw new Error(`no session id in ${outcome.url}`);
    const paid = await paySandboxSession(sessionId, { email, name: `Bench Donor ${i}`, cardNumber: "4242424242424242" });
    if (!paid.ok) throw new Error(`gift ${i} could not be paid: ${paid.message}`);
    gifts.push(paid.events);
  }
  return { gifts, once: count - monthly, monthly };
}

export interface IngestionResult {
  uniqueEvents: number;
  /** Events of a type the site acts on (the others are answered "ignored"). */
  handledEvents: number;
  /** Every handled event was answered "applied" exactly once, however often it was sent. */
  appliedOnceEach: boolean;
  deliveries: number;
  duplicatesSent: number;
  /** Deliveries answered 5xx or cut off, then sent again (as Stripe retries). */
  retries: number;
  outcomes: Record<string, number>;
  seconds: number;
  deliveriesPerSecond: number;
  eventsPerSecond: number;
}

type Job = StripeObject[];

/**
 * Posts every gift's events in order, `concurrency` gifts at a time. A share
 * of the events is also sent again as a job of its own at a random later
 * place in the queue, so some duplicates arrive while the original is still
 * being applied. A 5xx is retried after a pause, as Stripe would.
 */
export async function ingest(
  baseUrl: string,
  prepared: PreparedGifts,
  options: { concurrency: number; duplicateShare: number; secret: string },
): Promise<IngestionResult> {
  // A gift's events keep their place; a duplicate goes anywhere after its gift.
  const queue = prepared.gifts.map((events, place) => ({ place, events: [...events] }));
  let duplicatesSent = 0;
  prepared.gifts.forEach((events, place) => {
    for (const event of events) {
      if (Math.random() >= options.duplicateShare) continue;
      queue.push({ place: place + 0.5 + Math.random() * (prepared.gifts.length - place), events: [event] });
      duplicatesSent++;
    }
  });
  const jobs: Job[] = queue.sort((a, b) => a.place - b.place).map((item) => item.events);
  const outcomes: Record<string, number> = {};
  /** Per event id, how many deliveries were answered "applied": exactly one each is the point. */
  const applied = new Map<string, number>();
  const ignored = new Set<string>();
  let deliveries = 0;
  let retries = 0;

  async function post(event: StripeObject): Promise<void> {
    const payload = JSON.stringify(event);
    for (let attempt = 1; ; attempt++) {
      deliveries++;
      let status = 0;
      let outcome = "cut off";
      try {
        const response = await fetch(`${baseUrl}/webhooks/stripe`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret }),
          },
          body: payload,
        });
        status = response.status;
        const body = (await response.json().catch(() => ({}))) as { outcome?: string };
        outcome = body.outcome ?? `HTTP ${status}`;
      } catch {
        status = 0;
      }
      if (status >= 200 && status < 300) {
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (outcome === "applied") applied.set(event.id, (applied.get(event.id) ?? 0) + 1);
        if (outcome === "ignored") ignored.add(event.id);
        return;
      }
      if (status >= 400 && status < 500) throw new Error(`${event.type as string} ${event.id} was refused with ${status}`);
      if (attempt >= 20) throw new Error(`${event.type as string} ${event.id} still failed after ${attempt} attempts (${outcome})`);
      retries++;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }

  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        for (const event of job) await post(event);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const all = prepared.gifts.flat();
  const handled = all.filter((event) => !ignored.has(event.id));
  return {
    uniqueEvents: all.length,
    handledEvents: handled.length,
    appliedOnceEach: handled.every((event) => applied.get(event.id) === 1),
    deliveries,
    duplicatesSent,
    retries,
    outcomes,
    seconds,
    deliveriesPerSecond: deliveries / seconds,
    eventsPerSecond: all.length / seconds,
  };
}

export interface LedgerCheck {
  gifts: number;
  donations: number;
  distinctCharges: number;
  receipts: number;
  processedEvents: number;
  totalsMatchLedger: boolean;
  ok: boolean;
}

/** Run with the database open in this process, after the server has stopped. */
export async function checkLedger(prepared: PreparedGifts, ingestion: IngestionResult): Promise<LedgerCheck> {
  const [row] = await db().$queryRawUnsafe<{ donations: number; charges: number; receipts: number; events: number }[]>(
    `SELECT (SELECT count(*)::int FROM "Donation") AS donations,
            (SELECT count(DISTINCT "stripeChargeId")::int FROM "Donation") AS charges,
            (SELECT count(*)::int FROM "EmailMessage" WHERE "kind" = 'receipt') AS receipts,
            (SELECT count(*)::int FROM "StripeEvent" WHERE "processedAt" IS NOT NULL) AS events`,
  );
  // Every column of the campaign, donor and daily totals against sums of the donation rows.
  const totalsMatchLedger = (await totalsDisagreeingWithLedger()).length === 0;
  const gifts = prepared.gifts.length;
  const check = {
    gifts,
    donations: row?.donations ?? -1,
    distinctCharges: row?.charges ?? -1,
    receipts: row?.receipts ?? -1,
    processedEvents: row?.events ?? -1,
    totalsMatchLedger,
  };
  return {
    ...check,
    ok:
      check.donations === gifts &&
      check.distinctCharges === gifts &&
      check.receipts === gifts &&
      check.processedEvents === ingestion.handledEvents &&
      ingestion.appliedOnceEach &&
      totalsMatchLedger,
  };
}
