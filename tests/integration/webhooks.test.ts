import { http, HttpResponse } from "msw";
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { cancelSubscription, closeDispute, openDispute, refundCharge, renewSubscription } from "~/payments/sandbox/dashboard.server";
import { newEvent } from "~/payments/sandbox/events.server";
import { getObject, type StripeObject } from "~/payments/sandbox/store.server";
import { campaignProgress } from "~/donations/totals.data.server";
import { action as webhookAction } from "~/routes/webhooks.stripe";

import { mockServer } from "../mocks/server";
import { createCampaign } from "../support/factories";
import {
  carried,
  deliver,
  giveThroughSandbox,
  permutations,
  signedWebhookRequest,
  startCheckout,
  WEBHOOK_SECRET,
} from "../support/webhooks";

let campaign: Awaited<ReturnType<typeof createCampaign>>;

beforeEach(async () => {
  campaign = await createCampaign();
});
afterEach(() => mockServer.resetHandlers());

async function raised() {
  return (await campaignProgress([campaign.id])).get(campaign.id)?.raised ?? -1;
}

/** The campaign's progress, summed here without the totals module. */
async function independentTotal() {
  const rows = await db().donation.findMany({ where: { campaignId: campaign.id } });
  return rows.reduce(
    (sum, r) => sum + Math.max(0, r.grossAmount - r.coveredFee - r.refundedAmount - (r.disputeStatus === "lost" ? r.disputedAmount : 0)),
    0,
  );
}

async function eventCount() {
  return db().stripeEvent.count();
}

describe("signature checks", () => {
  it("refuses a missing, wrong, tampered or stale signature with 400 and stores nothing", async () => {
    const { events } = await giveThroughSandbox(campaign.slug);
    const payload = JSON.stringify(events[0]);
    const before = await eventCount();
    const requests = [
      signedWebhookRequest(payload, { signature: null }),
      signedWebhookRequest(payload, { secret: "whsec_someoneelse0000" }),
      signedWebhookRequest(payload.replace('"livemode":false', '"livemode":true'), {
        signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
      }),
      signedWebhookRequest(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      signedWebhookRequest(payload, { signature: "t=1,v1=deadbeef" }),
    ];
    for (const request of requests) {
      const response = await webhookAction({ request, params: {}, context: {} });
      expect(response.status).toBe(400);
    }
    expect(await eventCount()).toBe(before);
    expect(await db().donation.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("refuses a signed body that is not an event, or is truncated", async () => {
    for (const payload of ['{"hello":"world"}', '{"id":"evt_1","object":"event","type":"x"', "[]", ""]) {
      const response = await webhookAction({ request: signedWebhookRequest(payload), params: {}, context: {} });
      expect(response.status).toBe(400);
    }
  });

  it("answers 200 to an event type Lantern does not use, without storing it", async () => {
    const before = await eventCount();
    const result = await deliver({
      id: "evt_unknown1",
      object: "event",
      type: "product.created",
      created: 1_700_000_000,
      livemode: false,
      data: { object: { id: "prod_1", object: "product" } },
    });
    expect(result.status).toBe(200);
    expect(result.body.outcome).toBe("ignored");
    expect(await eventCount()).toBe(before);
  });
});

describe("a one-time gift", () => {
  it("becomes one donation with gross, covered fee, Stripe fee and net, and moves progress by the gift alone", async () => {
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount: 5_000, coverFee: true });
    expect(events.map((e) => e.type)).toEqual(["checkout.session.completed"]);
    expect((await deliver(events[0]!)).status).toBe(200);

    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
    // 5,000 + 144 covered fee = 5,144; sandbox fee 2.2% + 30 = 113 + 30.
    expect(donation).toMatchObject({
      frequency: "once",
      grossAmount: 5_144,
      coveredFee: 144,
      stripeFee: 143,
      netAmount: 5_001,
      status: "succeeded",
      paymentMethodBrand: "visa",
      paymentMethodLast4: "4242",
    });
    expect(donation.stripePaymentIntentId).toMatch(/^pi_/);
    expect(donation.stripeChargeId).toMatch(/^ch_/);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("completed");
    // A one-time gift is a guest payment: Checkout makes no customer for it (decision 016).
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "ada@example.org" } });
    expect(donor.stripeCustomerId).toBeNull();
    expect(await raised()).toBe(5_000);
  });

  it("counts once however often and however concurrently the event is delivered", async () => {
    const { events } = await giveThroughSandbox(campaign.slug, { amount: 7_500 });
    const event = events[0]!;
    const results = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.outcome === "applied")).toHaveLength(1);
    const again = await deliver(event);
    expect(again.body.outcome).toBe("duplicate");
    expect(await db().donation.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect(await raised()).toBe(7_500);
    const stored = await db().stripeEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.processedAt).not.toBeNull();
    expect(stored.attempts).toBe(1);
  });

  it("answers 500 when applying fails, records the error, and the retry succeeds", async () => {
    const { events } = await giveThroughSandbox(campaign.slug);
    mockServer.use(
      http.get(
        "https://api.stripe.com/v1/payment_intents/:id",
        () => HttpResponse.json({ error: { type: "api_error", message: "Stripe is having a moment" } }, { status: 500 }),
        {
          once: true,
        },
      ),
    );
    const failed = await deliver(events[0]!);
    expect(failed.status).toBe(500);
    const recorded = await db().stripeEvent.findUniqueOrThrow({ where: { id: events[0]!.id } });
    expect(recorded).toMatchObject({ processedAt: null, attempts: 1 });
    expect(recorded.error).toMatch(/Stripe is having a moment/);
    expect(await db().donation.count({ where: { campaignId: campaign.id } })).toBe(0);

    const retried = await deliver(events[0]!);
    expect(retried.status).toBe(200);
    expect(await db().donation.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect(await db().stripeEvent.findUniqueOrThrow({ where: { id: events[0]!.id } })).toMatchObject({ error: null, attempts: 2 });
  });

  it("records an error, never crashes, for a signed event whose object is malformed", async () => {
    const { events } = await giveThroughSandbox(campaign.slug);
    const broken = structuredClone(events[0]!) as StripeObject & { data: { object: Record<string, unknown> } };
    broken.id = "evt_brokenobject1";
    delete broken.data.object.payment_status;
    const result = await deliver(broken);
    expect(result.status).toBe(500);
    expect((await db().stripeEvent.findUniqueOrThrow({ where: { id: "evt_brokenobject1" } })).error).toMatch(/payment_status/);
    expect(await db().donation.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("waits for a delayed payment, then records it when it succeeds", async () => {
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount: 2_000 });
    const completed = events[0] as StripeObject & { data: { object: Record<string, unknown> } };
    const unpaid = structuredClone(completed);
    unpaid.data.object.payment_status = "unpaid";
    await deliver(unpaid);
    expect(await db().donation.count({ where: { pledgeId: pledge.id } })).toBe(0);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("open");
    expect(await raised()).toBe(0);

    const succeeded = { ...structuredClone(completed), id: "evt_asyncsucceeded1", type: "checkout.session.async_payment_succeeded" };
    await deliver(succeeded);
    expect(await db().donation.count({ where: { pledgeId: pledge.id } })).toBe(1);
    expect(await raised()).toBe(2_000);
  });

  it("marks the pledge failed, with no donation, when a delayed payment fails", async () => {
    const { pledge, events } = await giveThroughSandbox(campaign.slug);
    const failed = structuredClone(events[0]!) as StripeObject & { data: { object: Record<string, unknown> } };
    failed.id = "evt_asyncfailed1";
    failed.type = "checkout.session.async_payment_failed";
    failed.data.object.payment_status = "unpaid";
    expect((await deliver(failed)).status).toBe(200);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("failed");
    expect(await db().donation.count({ where: { pledgeId: pledge.id } })).toBe(0);
  });
});

describe("a monthly gift's first month", () => {
  const orders = permutations([0, 1, 2]);
  it.each(orders.map((order) => [order.join(" → "), order] as const))(
    "in the order %s records one instalment and an active gift",
    async (_label, order) => {
      const { pledge, events } = await giveThroughSandbox(campaign.slug, {
        frequency: "monthly",
        amount: 2_500,
        coverFee: true,
        email: `m-${order.join("")}@example.org`,
      });
      expect(events.map((e) => e.type)).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
      for (const index of order) expect((await deliver(events[index]!)).status).toBe(200);
      // And every event once more, in reverse.
      for (const event of [...events].reverse()) expect((await deliver(event)).body.outcome).toBe("duplicate");

      const donations = await db().donation.findMany({ where: { pledgeId: pledge.id } });
      expect(donations).toHaveLength(1);
      expect(donations[0]).toMatchObject({ frequency: "monthly", grossAmount: 2_500 + pledge.coveredFee, coveredFee: pledge.coveredFee });
      expect(donations[0]!.stripeInvoiceId).toMatch(/^in_/);
      const gift = await db().recurringGift.findUniqueOrThrow({ where: { pledgeId: pledge.id } });
      expect(gift).toMatchObject({ status: "active", amount: 2_500, coveredFee: pledge.coveredFee });
      expect(donations[0]!.recurringGiftId).toBe(gift.id);
      expect((await db().pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("completed");
      expect(await raised()).toBe(2_500);
    },
  );

  it("adds one donation per later instalment, goes past due on a failure with a notice queued, and recovers", async () => {
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 1_000 });
    for (const event of events) await deliver(event);
    const gift = await db().recurringGift.findUniqueOrThrow({ where: { pledgeId: pledge.id } });

    for (const event of await renewSubscription(gift.stripeSubscriptionId, "failed")) await deliver(event);
    expect((await db().recurringGift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("past_due");
    const notices = await db().emailMessage.findMany({ where: { kind: "payment_failed", donorId: gift.donorId } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.textBody).toMatch(/did not go through/);
    expect(notices[0]!.textBody).toMatch(/\/give\/portal\/card\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);

    for (const event of await renewSubscription(gift.stripeSubscriptionId, "paid")) await deliver(event);
    expect((await db().recurringGift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("active");
    expect(await db().donation.count({ where: { pledgeId: pledge.id } })).toBe(2);
    expect(await raised()).toBe(2_000);
  });

  it("follows a cancellation, and an old event delivered late does not undo it", async () => {
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { frequency: "monthly" });
    for (const event of events) await deliver(event);
    const gift = await db().recurringGift.findUniqueOrThrow({ where: { pledgeId: pledge.id } });
    for (const event of await cancelSubscription(gift.stripeSubscriptionId)) await deliver(event);
    expect((await db().recurringGift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("canceled");

    const late = { ...structuredClone(events[1]!), id: "evt_latecreated1" };
    await deliver(late);
    const after = await db().recurringGift.findUniqueOrThrow({ where: { id: gift.id } });
    expect(after.status).toBe("canceled");
    expect(after.canceledAt).not.toBeNull();
  });
});

describe("refunds and disputes made outside Lantern", () => {
  async function recordedGift(amount: number, coverFee = false) {
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount, coverFee });
    for (const event of events) await deliver(event);
    return db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
  }

  it("a partial then a full refund lower the donation and the totals", async () => {
    const donation = await recordedGift(10_000);
    await recordedGift(3_000);
    expect(await raised()).toBe(13_000);

    const partial = await refundCharge(donation.stripeChargeId!, 4_000);
    for (const event of partial) await deliver(event);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      refundedAmount: 4_000,
      status: "partially_refunded",
    });
    expect(await raised()).toBe(9_000);

    const full = await refundCharge(donation.stripeChargeId!);
    // Delivered out of order and twice: the charge's current refunded total wins.
    for (const event of [...full, ...partial].reverse()) await deliver(event);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      refundedAmount: 10_000,
      status: "refunded",
    });
    expect(await raised()).toBe(3_000);
    expect(await raised()).toBe(await independentTotal());
  });

  it("a refund of a gift with a covered fee takes it out of the totals entirely", async () => {
    const donation = await recordedGift(5_000, true);
    expect(await raised()).toBe(5_000);
    for (const event of await refundCharge(donation.stripeChargeId!)) await deliver(event);
    expect(await raised()).toBe(0);
  });

  it("a dispute flags the gift; won it counts again, lost it leaves the totals", async () => {
    const won = await recordedGift(4_000);
    const lost = await recordedGift(6_000);
    const first = await openDispute(won.stripeChargeId!);
    const second = await openDispute(lost.stripeChargeId!);
    for (const event of [...first.events, ...second.events]) await deliver(event);
    expect((await db().donation.findUniqueOrThrow({ where: { id: won.id } })).status).toBe("disputed");
    expect(await raised()).toBe(10_000);

    for (const event of await closeDispute(first.disputeId, "won")) await deliver(event);
    for (const event of await closeDispute(second.disputeId, "lost")) await deliver(event);
    expect(await db().donation.findUniqueOrThrow({ where: { id: won.id } })).toMatchObject({ status: "succeeded", disputeStatus: "won" });
    expect(await db().donation.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ status: "disputed", disputeStatus: "lost" });
    expect(await raised()).toBe(4_000);
    // A late "created" event cannot reopen a closed dispute.
    await deliver({ ...structuredClone(second.events[0]!), id: "evt_latedispute1" });
    expect((await db().donation.findUniqueOrThrow({ where: { id: lost.id } })).disputeStatus).toBe("lost");
    expect(await raised()).toBe(await independentTotal());
  });

  it("leaves alone a refund of a charge Lantern never recorded", async () => {
    const { events } = await giveThroughSandbox(campaign.slug);
    const session = carried<Stripe.Checkout.Session>(events[0]!);
    const chargeId = String((await getObject<Stripe.PaymentIntent>(String(session.payment_intent)))!.latest_charge);
    const refundEvents = await refundCharge(chargeId);
    expect((await deliver(refundEvents[0]!)).status).toBe(200);
    // The gift's own event arrives afterwards and is recorded with its refund already applied.
    await deliver(events[0]!);
    expect(await db().donation.findFirstOrThrow({ where: { stripeChargeId: chargeId } })).toMatchObject({ status: "refunded" });
    expect(await raised()).toBe(0);
  });
});

describe("a pledge is completed only by its own payment", () => {
  type SessionObject = StripeObject & { payment_intent: string | null; subscription: string | null };

  /** A signed checkout.session.completed for pledge B's session that carries another pledge's payment. */
  async function completedWith(sessionId: string, paidBy: { payment_intent?: string; subscription?: string }) {
    const session = (await getObject<Stripe.Checkout.Session>(sessionId))!;
    const completed = { ...session, status: "complete", payment_status: "paid", ...paidBy } satisfies Stripe.Checkout.Session;
    return newEvent({ type: "checkout.session.completed", data: { object: completed } });
  }

  it("refuses a session of pledge B that carries the payment already recorded for pledge A, with a recorded error", async () => {
    const a = await giveThroughSandbox(campaign.slug, { amount: 3_000, email: "pledge-a@example.org" });
    for (const event of a.events) await deliver(event);
    const recordedA = await db().donation.findFirstOrThrow({ where: { pledgeId: a.pledge.id } });
    const b = await startCheckout(campaign.slug, { amount: 9_000, email: "pledge-b@example.org" });
    const pledgeB = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: b.sessionId } });

    const forged = await completedWith(b.sessionId, { payment_intent: recordedA.stripePaymentIntentId! });
    const result = await deliver(forged);
    expect(result.status).toBe(500);
    expect((await db().stripeEvent.findUniqueOrThrow({ where: { id: forged.id } })).error).toMatch(/ForeignPaymentError: .*refused/);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledgeB.id } })).status).toBe("open");
    expect(await db().donation.count({ where: { pledgeId: pledgeB.id } })).toBe(0);
    expect(await db().donation.findUniqueOrThrow({ where: { id: recordedA.id } })).toMatchObject({
      pledgeId: a.pledge.id,
      grossAmount: 3_000,
    });
    expect(await raised()).toBe(3_000);
  });

  it("refuses it too when pledge A's payment is not recorded yet, so A's own event still records A", async () => {
    const a = await giveThroughSandbox(campaign.slug, { amount: 2_000, email: "pledge-a2@example.org" });
    const b = await startCheckout(campaign.slug, { amount: 8_000, email: "pledge-b2@example.org" });
    const pledgeB = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: b.sessionId } });
    const paymentA = String(carried<SessionObject>(a.events[0]!).payment_intent);

    expect((await deliver(await completedWith(b.sessionId, { payment_intent: paymentA }))).status).toBe(500);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledgeB.id } })).status).toBe("open");
    for (const event of a.events) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.findFirstOrThrow({ where: { stripePaymentIntentId: paymentA } })).toMatchObject({ pledgeId: a.pledge.id });
  });

  it("refuses a monthly session of pledge B that carries pledge A's subscription", async () => {
    const a = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 1_000, email: "monthly-a@example.org" });
    for (const event of a.events) await deliver(event);
    const gift = await db().recurringGift.findUniqueOrThrow({ where: { pledgeId: a.pledge.id } });
    const b = await startCheckout(campaign.slug, { frequency: "monthly", amount: 1_000, email: "monthly-b@example.org" });
    const pledgeB = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: b.sessionId } });

    expect((await deliver(await completedWith(b.sessionId, { subscription: gift.stripeSubscriptionId }))).status).toBe(500);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledgeB.id } })).status).toBe("open");
    expect(await db().recurringGift.findUniqueOrThrow({ where: { id: gift.id } })).toMatchObject({ pledgeId: a.pledge.id });
  });
});
