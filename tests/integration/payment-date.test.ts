import type Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { db } from "~/db/db.server";
import { paySandboxSession } from "~/payments/sandbox/checkout.server";
import { releaseBankDebit } from "~/payments/sandbox/dashboard.server";

import { createCampaign } from "../support/factories";
import { carried, deliver, startCheckout } from "../support/webhooks";

/**
 * A gift is dated (and its receipt numbered in the year) when the money was
 * paid: the charge for a card, the bank's answer for a bank debit; never
 * when the PaymentIntent was created. Only Date is faked, so that days can
 * pass between a donor's steps; timers and the database run as usual.
 */
let campaign: Awaited<ReturnType<typeof createCampaign>>;

beforeEach(async () => {
  campaign = await createCampaign();
  vi.useFakeTimers({ toFake: ["Date"] });
});

afterEach(() => {
  vi.useRealTimers();
});

async function donationOf(sessionId: string) {
  const pledge = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
  return { pledge, donations: await db().donation.findMany({ where: { pledgeId: pledge.id } }) };
}

describe("the date of a gift", () => {
  it("is when the card was charged, after a declined first attempt on the last day of the year", async () => {
    vi.setSystemTime(new Date("2026-12-31T23:58:00Z"));
    const { sessionId, email, name } = await startCheckout(campaign.slug, { amount: 3_000, email: "new.year@example.org" });
    const declined = await paySandboxSession(sessionId, { email, name, cardNumber: "4000 0000 0000 0002" });
    expect(declined).toMatchObject({ ok: false, code: "card_declined" });

    vi.setSystemTime(new Date("2027-01-01T00:03:00Z"));
    const paid = await paySandboxSession(sessionId, { email, name, cardNumber: "4242 4242 4242 4242" });
    if (!paid.ok) throw new Error(paid.message);
    for (const event of paid.events) expect((await deliver(event)).status).toBe(200);

    const { donations } = await donationOf(sessionId);
    expect(donations).toHaveLength(1);
    expect(donations[0]!.paidAt.toISOString()).toBe("2027-01-01T00:03:00.000Z");
    expect(donations[0]!.receiptNumber).toMatch(/^TEST-2027-\d{6}$/);
  });

  it("is when the bank debit succeeded, days after the donor paid", async () => {
    vi.setSystemTime(new Date("2026-12-30T10:00:00Z"));
    const { sessionId, email, name } = await startCheckout(campaign.slug, { amount: 10_000, email: "ach.donor@example.org" });
    const paid = await paySandboxSession(sessionId, { email, name, bankAccount: "000123456789" });
    if (!paid.ok) throw new Error(paid.message);
    expect(paid.events.map((e) => e.type)).toEqual(["checkout.session.completed"]);
    for (const event of paid.events) await deliver(event);
    const waiting = await donationOf(sessionId);
    expect(waiting.donations).toHaveLength(0);
    expect(waiting.pledge.status).toBe("open");

    vi.setSystemTime(new Date("2027-01-04T15:30:00Z"));
    const paymentIntent = String(carried<Stripe.Checkout.Session>(paid.events[0]!).payment_intent);
    const settled = await releaseBankDebit(paymentIntent);
    expect(settled.map((e) => e.type)).toEqual(["checkout.session.async_payment_succeeded"]);
    for (const event of settled) expect((await deliver(event)).status).toBe(200);

    const { pledge, donations } = await donationOf(sessionId);
    expect(pledge.status).toBe("completed");
    expect(donations).toHaveLength(1);
    expect(donations[0]).toMatchObject({ grossAmount: 10_000, paymentMethodBrand: "bank account (ACH)", paymentMethodLast4: "6789" });
    expect(donations[0]!.paidAt.toISOString()).toBe("2027-01-04T15:30:00.000Z");
    expect(donations[0]!.receiptNumber).toMatch(/^TEST-2027-\d{6}$/);
    expect(donations[0]!.stripeFee).not.toBeNull();
  });

  it("never comes for a bank debit that fails: the pledge fails and no gift is recorded", async () => {
    vi.setSystemTime(new Date("2026-12-30T10:00:00Z"));
    const { sessionId, email, name } = await startCheckout(campaign.slug, { amount: 2_500, email: "ach.fails@example.org" });
    const paid = await paySandboxSession(sessionId, { email, name, bankAccount: "000222222227" });
    if (!paid.ok) throw new Error(paid.message);
    for (const event of paid.events) await deliver(event);
    vi.setSystemTime(new Date("2027-01-04T15:30:00Z"));
    const paymentIntent = String(carried<Stripe.Checkout.Session>(paid.events[0]!).payment_intent);
    const failed = await releaseBankDebit(paymentIntent);
    expect(failed.map((e) => e.type)).toEqual(["checkout.session.async_payment_failed"]);
    for (const event of failed) expect((await deliver(event)).status).toBe(200);
    const { pledge, donations } = await donationOf(sessionId);
    expect(pledge.status).toBe("failed");
    expect(donations).toHaveLength(0);
  });
});
