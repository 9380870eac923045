import { describe, expect, it } from "vitest";

import { db } from "~/db/db.server";

import { createCampaign } from "../support/factories";
import { deliver, giveThroughSandbox } from "../support/webhooks";

describe("receipts queued with each recorded gift", () => {
  it("queues exactly one receipt per gift, numbered without gaps or duplicates even when gifts arrive together", async () => {
    const campaign = await createCampaign({ title: "Safe homes" });
    const gifts = [];
    for (let i = 0; i < 6; i++) gifts.push(await giveThroughSandbox(campaign.slug, { amount: 1_000 + i, email: `r${i}@example.org` }));
    // All delivered at once, each twice.
    await Promise.all(gifts.flatMap((gift) => [deliver(gift.events[0]!), deliver(gift.events[0]!)]));

    const donations = await db().donation.findMany({ where: { campaignId: campaign.id } });
    expect(donations).toHaveLength(6);
    const receipts = await db().emailMessage.findMany({ where: { kind: "receipt", donationId: { in: donations.map((d) => d.id) } } });
    expect(receipts).toHaveLength(6);

    // Tests run in sandbox mode: the test series, TEST-<year>-<number>.
    const year = new Date().getUTCFullYear();
    const numbers = donations.map((d) => d.receiptNumber!).sort();
    const sequence = numbers.map((n) => Number(n.split("-")[2]));
    expect(numbers.every((n) => n.startsWith(`TEST-${year}-`) && /^TEST-\d{4}-\d{6}$/.test(n))).toBe(true);
    expect(new Set(sequence).size).toBe(6);
    const all = (await db().donation.findMany({ where: { receiptNumber: { startsWith: `TEST-${year}-` } } }))
      .map((d) => Number(d.receiptNumber!.split("-")[2]))
      .sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });

  it("says what the donor gave, the covered fee, the organisation, and that nothing was given in exchange", async () => {
    const campaign = await createCampaign({ title: "Safe homes" });
    const gift = await giveThroughSandbox(campaign.slug, {
      amount: 5_000,
      coverFee: true,
      name: "Ada Donor",
      email: "ada.receipt@example.org",
    });
    await deliver(gift.events[0]!);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    const receipt = await db().emailMessage.findFirstOrThrow({ where: { donationId: donation.id, kind: "receipt" } });
    expect(receipt.toAddress).toBe("ada.receipt@example.org");
    expect(receipt.dedupeKey).toBe(`receipt:${donation.id}`);
    expect(receipt.subject).toContain(donation.receiptNumber!);
    for (const body of [receipt.textBody, receipt.htmlBody]) {
      expect(body).toContain(donation.receiptNumber!);
      expect(body).toContain("Ada Donor");
      expect(body).toContain("$51.44");
      expect(body).toMatch(/\$1\.44 you added to cover processing fees/);
      expect(body).toContain("Gift to Safe homes");
      expect(body).toContain("Visa ending in 4242");
      expect(body).toContain("No goods or services were provided in exchange for this contribution.");
      expect(body).toMatch(/EIN 00-0000000|EIN /);
    }
    expect(receipt.htmlBody).not.toContain("<script");
  });

  it("tells a monthly donor it is monthly and where to manage it", async () => {
    const campaign = await createCampaign({ title: "Safe homes" });
    const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 2_500, email: "monthly.receipt@example.org" });
    for (const event of gift.events) await deliver(event);
    const receipt = await db().emailMessage.findFirstOrThrow({
      where: { kind: "receipt", donor: { email: "monthly.receipt@example.org" } },
    });
    expect(receipt.textBody).toContain("Monthly gift to Safe homes");
    expect(receipt.textBody).toContain("http://localhost:3000/give/manage");
  });
});

describe("refund notices", () => {
  it("queue one notice per new refunded total, stating the corrected deductible amount", async () => {
    const { refundCharge } = await import("~/payments/sandbox/dashboard.server");
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, { amount: 10_000, email: "refund.notice@example.org" });
    await deliver(gift.events[0]!);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    const partial = await refundCharge(donation.stripeChargeId!, 2_500);
    for (const event of [...partial, ...partial]) await deliver(event);
    const notices = await db().emailMessage.findMany({ where: { kind: "refund_notice", donationId: donation.id } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.textBody).toContain("We have refunded $25.00 of your gift of $100.00");
    expect(notices[0]!.textBody).toContain("The corrected tax-deductible amount of this gift is $75.00");
    expect(notices[0]!.textBody).toContain(donation.receiptNumber!);
    for (const event of await refundCharge(donation.stripeChargeId!)) await deliver(event);
    const after = await db().emailMessage.findMany({
      where: { kind: "refund_notice", donationId: donation.id },
      orderBy: { createdAt: "asc" },
    });
    expect(after).toHaveLength(2);
    expect(after[1]!.textBody).toContain("is $0.00");
  });
});

describe("annual statements", () => {
  it("queue one statement per donor listing the year's gifts and the deductible total, and nothing on a second run", async () => {
    const { queueAnnualStatements } = await import("~/email/statements.data.server");
    const { refundCharge } = await import("~/payments/sandbox/dashboard.server");
    const campaign = await createCampaign({ title: "Year campaign" });
    const a = await giveThroughSandbox(campaign.slug, { amount: 4_000, email: "year.a@example.org" });
    const b = await giveThroughSandbox(campaign.slug, { amount: 6_000, email: "year.a@example.org" });
    const c = await giveThroughSandbox(campaign.slug, { amount: 1_000, email: "year.b@example.org" });
    for (const gift of [a, b, c]) await deliver(gift.events[0]!);
    const refunded = await db().donation.findFirstOrThrow({ where: { pledgeId: b.pledge.id } });
    for (const event of await refundCharge(refunded.stripeChargeId!, 1_000)) await deliver(event);

    const year = new Date().getUTCFullYear();
    const first = await queueAnnualStatements(year);
    expect(first.queued).toBeGreaterThanOrEqual(2);
    const statement = await db().emailMessage.findFirstOrThrow({ where: { kind: "annual_statement", toAddress: "year.a@example.org" } });
    expect(statement.textBody).toContain("Year campaign");
    expect(statement.textBody).toContain("(refunded $10.00)");
    expect(statement.textBody).toContain(`Total tax-deductible amount for ${year}: $90.00`);
    expect(statement.textBody).toContain("No goods or services were provided");
    expect(await db().emailMessage.count({ where: { kind: "annual_statement", toAddress: "year.a@example.org" } })).toBe(1);

    const second = await queueAnnualStatements(year);
    expect(second.queued).toBe(0);
    expect(second.donors).toBe(first.donors);
  });
});
