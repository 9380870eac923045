import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { campaignProgress } from "~/donations/totals.data.server";
import { paySandboxSession } from "~/payments/sandbox/checkout.server";
import { failRefund, refundCharge } from "~/payments/sandbox/dashboard.server";
import { HANDLED_EVENT_TYPES } from "~/payments/webhooks.server";

import { createCampaign } from "../support/factories";
import { deliver, giveThroughSandbox, startCheckout } from "../support/webhooks";

/**
 * A gift's refunded amount follows Stripe's `charge.amount_refunded` both
 * ways: a refund that fails or is cancelled after `charge.refunded` gives the
 * gift, its totals and the donor's deductible amount back.
 */
let campaign: Awaited<ReturnType<typeof createCampaign>>;

beforeEach(async () => {
  campaign = await createCampaign();
});

async function raised() {
  return (await campaignProgress([campaign.id])).get(campaign.id)?.raised ?? -1;
}

async function recordedGift(amount: number, email: string) {
  const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount, email });
  for (const event of events) await deliver(event);
  return db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
}

function refundOf(events: Awaited<ReturnType<typeof refundCharge>>): string {
  const created = events.find((event) => event.type === "refund.created") as { data: { object: { id: string } } } | undefined;
  if (!created) throw new Error("no refund.created event");
  return created.data.object.id;
}

async function notices(donationId: string) {
  return db().emailMessage.findMany({ where: { kind: "refund_notice", donationId }, orderBy: { createdAt: "asc" } });
}

describe("a refund that does not go through", () => {
  it("is subscribed to: refund.failed is one of the webhook's events", () => {
    expect(HANDLED_EVENT_TYPES).toContain("refund.failed");
  });

  it("restores the gift and its totals when the refund fails, and tells the donor", async () => {
    const donation = await recordedGift(10_000, "failed.refund@example.org");
    const refunded = await refundCharge(donation.stripeChargeId!, 4_000);
    for (const event of refunded) await deliver(event);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      refundedAmount: 4_000,
      status: "partially_refunded",
    });
    expect(await raised()).toBe(6_000);

    const failed = await failRefund(refundOf(refunded), "failed");
    expect(failed.map((e) => e.type)).toEqual(["charge.refund.updated", "refund.updated", "refund.failed"]);
    for (const event of failed) expect((await deliver(event)).status).toBe(200);

    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ refundedAmount: 0, status: "succeeded" });
    expect(await raised()).toBe(10_000);

    const sent = await notices(donation.id);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.subject).toMatch(/did not go through/);
    expect(sent[1]!.textBody).toContain("The refund of $40.00 on your gift of $100.00");
    expect(sent[1]!.textBody).toContain("The corrected tax-deductible amount of this gift is $100.00");
  });

  it("restores the gift when a refund is cancelled, with events in any order and repeated", async () => {
    const donation = await recordedGift(5_000, "cancelled.refund@example.org");
    const refunded = await refundCharge(donation.stripeChargeId!);
    for (const event of refunded) await deliver(event);
    expect(await raised()).toBe(0);
    const cancelled = await failRefund(refundOf(refunded), "canceled");
    expect(cancelled.map((e) => e.type)).toEqual(["charge.refund.updated", "refund.updated"]);
    // Redelivered or late events change nothing: Stripe's current state is what is applied.
    for (const event of [...cancelled, ...refunded, ...cancelled]) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ refundedAmount: 0, status: "succeeded" });
    expect(await raised()).toBe(5_000);
  });

  it("lowers the refunded total to what is still refunded when one of two refunds fails", async () => {
    const donation = await recordedGift(8_000, "two.refunds@example.org");
    const first = await refundCharge(donation.stripeChargeId!, 1_000);
    const second = await refundCharge(donation.stripeChargeId!, 2_000);
    for (const event of [...first, ...second]) await deliver(event);
    expect(await raised()).toBe(5_000);
    for (const event of await failRefund(refundOf(second), "failed")) await deliver(event);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      refundedAmount: 1_000,
      status: "partially_refunded",
    });
    expect(await raised()).toBe(7_000);
    const last = (await notices(donation.id)).at(-1)!;
    expect(last.textBody).toContain("In all, $10.00 of this gift has been refunded.");
    expect(last.textBody).toContain("is $70.00");
  });

  it("with Stripe's test card whose refunds fail (4000 0000 0000 5126) leaves the gift whole", async () => {
    const { sessionId, email, name } = await startCheckout(campaign.slug, { amount: 6_000, email: "refund.fails@example.org" });
    const paid = await paySandboxSession(sessionId, { email, name, cardNumber: "4000 0000 0000 5126" });
    if (!paid.ok) throw new Error(paid.message);
    for (const event of paid.events) await deliver(event);
    const pledge = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
    const events = await refundCharge(donation.stripeChargeId!);
    expect(events.map((e) => e.type)).toEqual([
      "charge.refunded",
      "refund.created",
      "charge.refund.updated",
      "refund.updated",
      "refund.failed",
    ]);
    for (const event of events) expect((await deliver(event)).status).toBe(200);
    expect(await db().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ refundedAmount: 0, status: "succeeded" });
    expect(await raised()).toBe(6_000);
  });
});
