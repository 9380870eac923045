import type Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { db } from "~/db/db.server";
import { campaignProgress } from "~/donations/totals.data.server";
import { openDispute, renewSubscription } from "~/payments/sandbox/dashboard.server";
import { newEvent } from "~/payments/sandbox/events.server";
import { getObject, saveObject, type StripeObject } from "~/payments/sandbox/store.server";

import { createCampaign } from "../support/factories";
import { deliver, giveThroughSandbox } from "../support/webhooks";

/**
 * Stripe adds enum values over time (its types say `| OtherString`). An
 * event with a value Lantern does not know is acknowledged, mapped to a safe
 * state and logged, never failed forever; the ledger stays right.
 */
type Snapshot = StripeObject & { data: { object: Record<string, unknown> } };
let campaign: Awaited<ReturnType<typeof createCampaign>>;
let warnings: string[];

beforeEach(async () => {
  campaign = await createCampaign();
  warnings = [];
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The sandbox's own event with one value changed, under a new id, as Stripe would send it. */
function withValue(original: StripeObject, field: string, value: string, id: string): Snapshot {
  const copy = structuredClone(original) as Snapshot;
  copy.id = id;
  copy.data.object[field] = value;
  return copy;
}

async function raised() {
  return (await campaignProgress([campaign.id])).get(campaign.id)?.raised ?? -1;
}

describe("a value Stripe added after this code was written", () => {
  it("in a Checkout Session's mode is not a gift: acknowledged and logged", async () => {
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount: 3_000, email: "mode@example.org" });
    const result = await deliver(withValue(events[0]!, "mode", "installments", "evt_unknownmode0001"));
    expect(result).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await db().donation.count({ where: { pledgeId: pledge.id } })).toBe(0);
    expect(warnings.join("\n")).toMatch(/unknown Checkout mode "installments"/);
  });

  it("in a payment status waits for a known one, and the gift is recorded once Stripe says paid", async () => {
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount: 3_000, email: "status@example.org" });
    const result = await deliver(withValue(events[0]!, "payment_status", "requires_review", "evt_unknownpaystat1"));
    expect(result.status).toBe(200);
    expect(await db().donation.count({ where: { pledgeId: pledge.id } })).toBe(0);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("open");
    expect(warnings.join("\n")).toMatch(/unknown Checkout payment status "requires_review"/);

    await deliver(events[0]!);
    expect(await db().donation.count({ where: { pledgeId: pledge.id } })).toBe(1);
    expect(await raised()).toBe(3_000);
  });

  it("in a subscription's status leaves the monthly gift as it was, and its payments are still recorded", async () => {
    const { pledge, events } = await giveThroughSandbox(campaign.slug, {
      frequency: "monthly",
      amount: 1_500,
      email: "sub-status@example.org",
    });
    for (const event of events) await deliver(event);
    const gift = await db().recurringGift.findUniqueOrThrow({ where: { pledgeId: pledge.id } });
    expect(gift.status).toBe("active");

    const subscription = (await getObject<Stripe.Subscription>(gift.stripeSubscriptionId))!;
    const changed = await saveObject({ ...subscription, status: "suspended_by_bank" } satisfies Stripe.Subscription);
    const updated = await newEvent({ type: "customer.subscription.updated", data: { object: changed } });
    expect((await deliver(updated)).status).toBe(200);
    expect((await db().recurringGift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("active");
    expect(warnings.join("\n")).toMatch(/unknown subscription status "suspended_by_bank"/);

    for (const event of await renewSubscription(gift.stripeSubscriptionId, "paid")) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.count({ where: { pledgeId: pledge.id } })).toBe(2);
    expect(await raised()).toBe(3_000);
  });

  it("in a dispute's status flags the gift as disputed, keeps it in the totals, and logs it", async () => {
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount: 2_000, email: "dispute-status@example.org" });
    for (const event of events) await deliver(event);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
    const dispute = await openDispute(donation.stripeChargeId!, { status: "network_arbitration" });
    for (const event of dispute.events) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "disputed",
      disputeStatus: "open",
    });
    expect(await raised()).toBe(2_000);
    expect(warnings.join("\n")).toMatch(/unknown dispute status "network_arbitration"/);
  });
});
