import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { queueRequestedManageLinks } from "~/manage/manage-link-requests.server";
import { TEST_NOTICE, TEST_SUBJECT_PREFIX, testNotice } from "~/email/templates/test-marking.server";
import { queueReceipt, queueReceiptCopy, receiptContext } from "~/email/receipts.data.server";
import { queueAnnualStatements } from "~/email/statements.data.server";
import { refundCharge } from "~/payments/sandbox/dashboard.server";
import { action as manageAction } from "~/routes/_site.give.manage._index";
import { resetEnvCache } from "~/utils/env.server";

import { createCampaign, createDonation, createDonor } from "../support/factories";
import { formRequest } from "../support/requests";
import { deliver, giveThroughSandbox } from "../support/webhooks";

/**
 * Sandbox mode takes no money (decision 020): a gift paid there with 4242 used
 * to get receipt 2026-000001 saying "keep this receipt for your tax records".
 * Every email made in sandbox mode now says in its subject and body that it
 * is a test and not a tax receipt, and its receipt number (TEST-2026-000001,
 * from a counter of its own) cannot pass for a real one.
 */
const year = new Date().getUTCFullYear();
let campaign: Awaited<ReturnType<typeof createCampaign>>;

beforeAll(async () => {
  campaign = await createCampaign({ title: "Sandbox gifts" });
});

function expectMarked(email: { subject: string; textBody: string; htmlBody: string }) {
  expect(email.subject.startsWith(TEST_SUBJECT_PREFIX)).toBe(true);
  expect(email.textBody.startsWith(TEST_NOTICE)).toBe(true);
  // The banner opens the HTML body, before anything else the reader sees.
  const body = email.htmlBody.slice(email.htmlBody.indexOf("<body"));
  expect(body.indexOf("TEST ONLY")).toBeGreaterThan(-1);
  expect(body.indexOf("TEST ONLY")).toBeLessThan(body.indexOf("</p>"));
}

describe("in sandbox mode", () => {
  it("a gift's receipt says it is a test and not a tax receipt, with a TEST- number", async () => {
    const gift = await giveThroughSandbox(campaign.slug, { amount: 5_000, email: "sandbox.receipt@example.org" });
    await deliver(gift.events[0]!);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    expect(donation.receiptNumber).toMatch(new RegExp(`^TEST-${year}-\\d{6}$`));

    const receipt = await db().emailMessage.findFirstOrThrow({ where: { donationId: donation.id, kind: "receipt" } });
    expectMarked(receipt);
    expect(receipt.subject).toContain("not a tax receipt");
    expect(receipt.subject).toContain(donation.receiptNumber!);
    for (const body of [receipt.textBody, receipt.htmlBody]) {
      expect(body).toContain("It is not a tax receipt.");
      expect(body).not.toContain("keep this receipt for your tax records");
      expect(body).not.toMatch(new RegExp(`(?<!TEST-)${year}-\\d{6}`));
    }
  });

  it("every other email is marked too: refund notice, manage link, annual statement", async () => {
    const once = await giveThroughSandbox(campaign.slug, { amount: 4_000, email: "sandbox.refund@example.org" });
    await deliver(once.events[0]!);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: once.pledge.id } });
    for (const event of await refundCharge(donation.stripeChargeId!, 1_000)) await deliver(event);

    const monthly = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 2_500, email: "sandbox.monthly@example.org" });
    for (const event of monthly.events) await deliver(event);
    await manageAction({
      request: formRequest("/give/manage", { email: "sandbox.monthly@example.org" }),
      params: {},
      context: { clientIp: "198.51.100.90" },
    });
    // The link itself is written by the outbox sender, after the form has answered.
    await queueRequestedManageLinks();
    await queueAnnualStatements(year);

    const emails = await db().emailMessage.findMany();
    expect(new Set(emails.map((email) => email.kind))).toEqual(new Set(["receipt", "refund_notice", "manage_link", "annual_statement"]));
    for (const email of emails) expectMarked(email);
  });

  it("a Spanish donor's emails say it in Spanish, in the subject and the first lines", async () => {
    const email = "sandbox.es@example.org";
    const monthly = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 2_500, email, language: "es" });
    for (const event of monthly.events) await deliver(event);
    await manageAction({ request: formRequest("/es/give/manage", { email }), params: {}, context: { clientIp: "198.51.100.91" } });
    await queueRequestedManageLinks();

    const emails = await db().emailMessage.findMany({ where: { toAddress: email } });
    expect(new Set(emails.map((message) => message.kind))).toEqual(new Set(["receipt", "manage_link"]));
    for (const message of emails) {
      expect(message.subject.startsWith("[PRUEBA, no es un recibo fiscal] ")).toBe(true);
      expect(message.textBody.startsWith(`${testNotice("es")}\n\n`)).toBe(true);
      expect(message.textBody).toMatch(/^SOLO DE PRUEBA: .*No se movió dinero y no es un recibo fiscal/);
      const body = message.htmlBody.slice(message.htmlBody.indexOf("<body"));
      expect(body.indexOf("SOLO DE PRUEBA")).toBeGreaterThan(-1);
      expect(body.indexOf("SOLO DE PRUEBA")).toBeLessThan(body.indexOf("</p>"));
      expect(`${message.subject}${message.textBody}${message.htmlBody}`).not.toMatch(/TEST ONLY|not a tax receipt/);
    }
  });

  it("the staff search finds a TEST- receipt number as typed", async () => {
    const { receiptNumberIn } = await import("~/donations/donation-search.data.server");
    expect(receiptNumberIn(`test-${year}-7`)).toBe(`TEST-${year}-000007`);
    expect(receiptNumberIn(`${year}-7`)).toBe(`${year}-000007`);
  });
});

describe("with a Stripe key (payments go to Stripe)", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env.STRIPE_SECRET_KEY = saved.STRIPE_SECRET_KEY;
    if (saved.STRIPE_SECRET_KEY === undefined) delete process.env.STRIPE_SECRET_KEY;
    resetEnvCache();
  });

  it("numbers real receipts from their own counter, unmarked, and a copy of a TEST- receipt stays marked", async () => {
    const donor = await createDonor("live.receipt@example.org");
    const sandboxGift = await createDonation(campaign.id, donor.id, { paidAt: new Date() });
    const context = await receiptContext();
    const testNumber = await db().$transaction((tx) => queueReceipt(tx, sandboxGift.id, context));
    expect(testNumber).toMatch(/^TEST-/);

    process.env.STRIPE_SECRET_KEY = "sk_test_notarealkey0000";
    resetEnvCache();
    const liveGift = await createDonation(campaign.id, donor.id, { paidAt: new Date() });
    const liveContext = await receiptContext();
    const liveNumber = await db().$transaction((tx) => queueReceipt(tx, liveGift.id, liveContext));
    // The live series starts at 1 however many test receipts came before.
    expect(liveNumber).toBe(`${year}-000001`);
    const live = await db().emailMessage.findFirstOrThrow({ where: { donationId: liveGift.id, kind: "receipt" } });
    expect(live.subject.startsWith(TEST_SUBJECT_PREFIX)).toBe(false);
    expect(live.textBody).not.toContain(TEST_NOTICE);
    expect(live.textBody).toContain("keep this receipt for your tax records");

    const copy = await db().$transaction((tx) => queueReceiptCopy(tx, sandboxGift.id, liveContext));
    expectMarked(await db().emailMessage.findUniqueOrThrow({ where: { id: copy.emailId } }));
  });
});
