import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { deleteCustomer, openDispute, refundCharge } from "~/payments/sandbox/dashboard.server";
import { getObject, type StripeObject } from "~/payments/sandbox/store.server";
import { action as campaignAction } from "~/routes/_site.campaigns.$slug";

import { createCampaign } from "../support/factories";
import { formRequest, outcome } from "../support/requests";
import { recordStripeRequests } from "../support/stripe-requests";
import { carried, deliver, giveThroughSandbox } from "../support/webhooks";

/** Donors and their Stripe customers, as Stripe has them (or no longer has them). */
let campaign: Awaited<ReturnType<typeof createCampaign>>;
let ipCounter = 0;

beforeEach(async () => {
  campaign = await createCampaign();
});

async function give(email: string, frequency: "once" | "monthly" = "once") {
  const recorder = recordStripeRequests();
  const result = outcome(
    await campaignAction({
      request: formRequest(`/campaigns/${campaign.slug}`, {
        amount: "other",
        customAmount: "20.00",
        frequency,
        name: "Ada Donor",
        email,
        dedicationKind: "",
        dedicationName: "",
        comment: "",
      }),
      params: { slug: campaign.slug },
      context: { clientIp: `198.51.100.${++ipCounter}` },
    }),
  );
  recorder.stop();
  const creates = recorder.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
  return { ...result, creates };
}

describe("a stored Stripe customer that Stripe no longer has", () => {
  it("is forgotten when it was deleted in Stripe's dashboard, and the donor's next gift starts Checkout from their email", async () => {
    const first = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email: "deleted.customer@example.org" });
    for (const event of first.events) await deliver(event);
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "deleted.customer@example.org" } });
    expect(donor.stripeCustomerId).toMatch(/^cus_/);
    await deleteCustomer(donor.stripeCustomerId!);

    const again = await give("deleted.customer@example.org");
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toMatch(/\/sandbox\/checkout\/cs_test_/);
    // First with the stored customer (refused: resource_missing), then with the email alone.
    expect(again.creates.map((r) => r.body.customer ?? null)).toEqual([donor.stripeCustomerId, null]);
    expect(again.creates[1]!.body.customer_email).toBe("deleted.customer@example.org");
    expect(again.creates[1]!.idempotencyKey).not.toBe(again.creates[0]!.idempotencyKey);
    expect((await db().donor.findUniqueOrThrow({ where: { id: donor.id } })).stripeCustomerId).toBeNull();
  });

  it("is forgotten when it never existed for this key (a test-mode id under a live key), and a monthly gift gets a new customer", async () => {
    await db().donor.create({ data: { email: "other.mode@example.org", name: "Ada Donor", stripeCustomerId: "cus_fromtheothermode1" } });
    const again = await give("other.mode@example.org", "monthly");
    expect(again.status).toBe(303);
    expect(await db().donor.findUniqueOrThrow({ where: { email: "other.mode@example.org" } })).toMatchObject({ stripeCustomerId: null });

    const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email: "other.mode@example.org" });
    for (const event of gift.events) expect((await deliver(event)).status).toBe(200);
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "other.mode@example.org" } });
    expect(donor.stripeCustomerId).toMatch(/^cus_/);
    expect(donor.stripeCustomerId).not.toBe("cus_fromtheothermode1");
  });
});

describe("a one-time gift", () => {
  type SessionSnapshot = { customer: string | null; payment_intent: string; customer_details: { email: string } };

  it("makes no Stripe customer (Checkout's rule in payment mode), and every handler works with customer null", async () => {
    const checkout = await give("guest@example.org");
    expect(checkout.creates[0]!.body).not.toHaveProperty("customer_creation");
    expect(checkout.creates[0]!.body).not.toHaveProperty("customer");

    const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount: 4_000, email: "guest@example.org" });
    const session = carried<SessionSnapshot>(events[0]!);
    expect(session.customer).toBeNull();
    expect(session.customer_details.email).toBe("guest@example.org");
    const intent = await getObject<StripeObject & { customer: string | null; latest_charge: string }>(session.payment_intent);
    expect(intent?.customer).toBeNull();
    expect((await getObject<StripeObject & { customer: string | null }>(intent!.latest_charge))?.customer).toBeNull();

    for (const event of events) expect((await deliver(event)).status).toBe(200);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id }, include: { donor: true } });
    expect(donation.donor).toMatchObject({ email: "guest@example.org", stripeCustomerId: null });
    expect(await db().emailMessage.count({ where: { kind: "receipt", donationId: donation.id } })).toBe(1);

    for (const event of await refundCharge(donation.stripeChargeId!, 1_000)) expect((await deliver(event)).status).toBe(200);
    for (const event of (await openDispute(donation.stripeChargeId!)).events) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      refundedAmount: 1_000,
      disputeStatus: "open",
    });
  });

  it("by a monthly donor stays on their Stripe customer", async () => {
    const monthly = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email: "both@example.org" });
    for (const event of monthly.events) await deliver(event);
    const customerId = (await db().donor.findUniqueOrThrow({ where: { email: "both@example.org" } })).stripeCustomerId;
    expect(customerId).toMatch(/^cus_/);

    const once = await giveThroughSandbox(campaign.slug, { amount: 2_000, email: "both@example.org" });
    expect(carried<SessionSnapshot>(once.events[0]!).customer).toBe(customerId);
    for (const event of once.events) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.count({ where: { donor: { stripeCustomerId: customerId } } })).toBe(2);
  });
});
