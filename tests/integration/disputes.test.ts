import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { campaignFigures, campaignProgress } from "~/donations/totals.data.server";
import { closeDispute, openDispute, updateDispute } from "~/payments/sandbox/dashboard.server";

import { createCampaign } from "../support/factories";
import { deliver, giveThroughSandbox } from "../support/webhooks";

/**
 * Stripe's dispute statuses as the ledger reads them: inquiries and
 * prevented disputes are not disputes of a gift; only a lost dispute takes
 * money out of the totals; an amount Stripe reports that cannot be right is
 * refused with a recorded error.
 */
let campaign: Awaited<ReturnType<typeof createCampaign>>;

beforeEach(async () => {
  campaign = await createCampaign();
});

async function recordedGift(amount: number, email: string) {
  const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount, email });
  for (const event of events) await deliver(event);
  return db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
}

async function figures() {
  return (await campaignFigures([campaign.id])).get(campaign.id)!;
}

async function raised() {
  return (await campaignProgress([campaign.id])).get(campaign.id)?.raised ?? -1;
}

describe("an inquiry", () => {
  it("flags the gift without making it a dispute, and closing it clears the flag", async () => {
    const donation = await recordedGift(4_000, "inquiry@example.org");
    const inquiry = await openDispute(donation.stripeChargeId!, { inquiry: true });
    for (const event of inquiry.events) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
      disputeStatus: "inquiry",
    });
    expect(await figures()).toMatchObject({ disputesOpen: 0, disputesLost: 0, raised: 4_000 });

    for (const event of await updateDispute(inquiry.disputeId, "warning_under_review")) await deliver(event);
    expect((await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).disputeStatus).toBe("inquiry");

    for (const event of await closeDispute(inquiry.disputeId, "warning_closed")) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
      disputeStatus: null,
      disputedAmount: 0,
    });
    expect(await raised()).toBe(4_000);
  });

  it("becomes a dispute when the bank escalates it, and a lost one leaves the totals", async () => {
    const donation = await recordedGift(6_000, "escalated@example.org");
    const inquiry = await openDispute(donation.stripeChargeId!, { inquiry: true });
    for (const event of inquiry.events) await deliver(event);
    for (const event of await updateDispute(inquiry.disputeId, "needs_response")) await deliver(event);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "disputed",
      disputeStatus: "open",
    });
    expect(await figures()).toMatchObject({ disputesOpen: 1, raised: 6_000 });
    for (const event of await closeDispute(inquiry.disputeId, "lost")) await deliver(event);
    expect(await figures()).toMatchObject({ disputesOpen: 0, disputesLost: 6_000, raised: 0 });
  });
});

describe("a dispute", () => {
  it("that Stripe prevented is not a dispute of the gift", async () => {
    const donation = await recordedGift(3_000, "prevented@example.org");
    const dispute = await openDispute(donation.stripeChargeId!, { status: "prevented" });
    for (const event of dispute.events) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
      disputeStatus: null,
    });
    expect(await figures()).toMatchObject({ disputesOpen: 0, disputesLost: 0, raised: 3_000 });
  });

  it("under review or on appeal stays open and counts; only lost takes the money out", async () => {
    const donation = await recordedGift(5_000, "appeal@example.org");
    const dispute = await openDispute(donation.stripeChargeId!);
    for (const event of dispute.events) await deliver(event);
    for (const status of ["under_review", "appeal_needs_response", "appeal_under_review"]) {
      for (const event of await updateDispute(dispute.disputeId, status)) await deliver(event);
      expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
        status: "disputed",
        disputeStatus: "open",
      });
      expect(await raised()).toBe(5_000);
    }
    for (const event of await closeDispute(dispute.disputeId, "won")) await deliver(event);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
      disputeStatus: "won",
    });
    expect(await raised()).toBe(5_000);
  });

  it("of another dispute object cannot clear a real dispute: a late inquiry event leaves a lost dispute lost", async () => {
    const donation = await recordedGift(2_000, "two-disputes@example.org");
    const inquiry = await openDispute(donation.stripeChargeId!, { inquiry: true });
    const closed = await closeDispute(inquiry.disputeId, "warning_closed");
    const chargeback = await openDispute(donation.stripeChargeId!);
    const lost = await closeDispute(chargeback.disputeId, "lost");
    for (const event of [...chargeback.events, ...lost, ...inquiry.events, ...closed]) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "disputed",
      disputeStatus: "lost",
    });
    expect(await raised()).toBe(0);
  });

  it.each([
    ["a negative amount", -500],
    ["more than the gift", 9_000],
  ])("with %s is refused with a recorded error and changes nothing", async (_name, amount) => {
    const donation = await recordedGift(4_500, `bad-amount-${amount}@example.org`);
    const dispute = await openDispute(donation.stripeChargeId!, { amount });
    const event = dispute.events[0]!;
    const result = await deliver(event);
    expect(result.status).toBe(500);
    const stored = await db().stripeEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.processedAt).toBeNull();
    expect(stored.error).toMatch(new RegExp(`DisputeAmountError: Dispute ${dispute.disputeId} reports ${amount} for a gift of 4500`));
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
      disputeStatus: null,
      disputedAmount: 0,
    });
    expect(await raised()).toBe(4_500);
  });
});
