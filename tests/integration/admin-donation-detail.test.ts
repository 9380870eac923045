import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { TEST_NOTICE, TEST_SUBJECT_PREFIX } from "~/email/templates/test-marking.server";
import { openDispute, refundCharge } from "~/payments/sandbox/dashboard.server";
import { action, loader } from "~/routes/admin.donations.$donationId";

import { createCampaign } from "../support/factories";
import { formRequest, loaderArgs, outcome, thrownStatus } from "../support/requests";
import { signedInStaff } from "../support/staff";
import { deliver, giveThroughSandbox } from "../support/webhooks";

type DetailData = Awaited<ReturnType<typeof loader>>;

let admin: Awaited<ReturnType<typeof signedInStaff>>;
let viewer: Awaited<ReturnType<typeof signedInStaff>>;

beforeAll(async () => {
  admin = await signedInStaff("admin");
  viewer = await signedInStaff("viewer");
});

async function show(donationId: string, query = "", cookie = viewer.cookie): Promise<DetailData> {
  return loader(loaderArgs(`/admin/donations/${donationId}${query}`, { donationId }, { headers: { Cookie: cookie } }));
}

function resend(donationId: string, cookie: string | null, query = "", fields: Record<string, string> = { intent: "resend-receipt" }) {
  const request = formRequest(`/admin/donations/${donationId}${query}`, fields, cookie ? { Cookie: cookie } : {});
  return action({ request, params: { donationId }, context: { clientIp: "203.0.113.7" } });
}

function facts(page: DetailData, section: string): Record<string, string> {
  const found = page.view.sections.find((s) => s.title === section);
  return Object.fromEntries((found?.facts ?? []).map((fact) => [fact.label, fact.value]));
}

describe("a one-time gift's page", () => {
  let donationId = "";
  let chargeId = "";

  beforeAll(async () => {
    const campaign = await createCampaign({ title: "Safe homes" });
    const gift = await giveThroughSandbox(campaign.slug, {
      amount: 5_000,
      coverFee: true,
      name: "Ada Donor",
      email: "ada.detail@example.org",
      anonymous: true,
      comment: "For the night shelter",
    });
    await db().pledge.update({ where: { id: gift.pledge.id }, data: { dedicationKind: "memory", dedicationName: "Grace" } });
    for (const event of gift.events) await deliver(event);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    donationId = donation.id;
    chargeId = donation.stripeChargeId!;
    for (const event of await refundCharge(chargeId, 1_000)) await deliver(event);
    const dispute = await openDispute(chargeId);
    for (const event of dispute.events) await deliver(event);
  });

  it("shows the donor, the pledge, the money, Stripe's ids, the emails and the events", async () => {
    const page = await show(donationId);
    const donation = await db().donation.findUniqueOrThrow({ where: { id: donationId }, include: { pledge: true } });
    expect(page.view.title).toBe("$51.44 from Ada Donor");
    expect(page.canResend).toBe(false);
    expect(facts(page, "Donor")).toMatchObject({ Name: "Ada Donor", "Email (current)": "ada.detail@example.org" });
    expect(facts(page, "Gift")).toMatchObject({
      Campaign: "Safe homes",
      "Once or monthly": "Once",
      "Receipt number": donation.receiptNumber,
      "Pledged amount": "$50.00",
      "Fee covered by the donor": "$1.44",
      Dedication: "In memory of Grace",
      "Public comment": "For the night shelter",
      "Anonymous on the donor wall": "Yes",
      "Payment method": "visa ending in 4242",
    });
    expect(facts(page, "Money")).toMatchObject({
      "Gross (paid by the donor)": "$51.44",
      "Covered fee (in gross)": "$1.44",
      Refunded: "$10.00",
      Status: "Disputed",
      Dispute: "Dispute open: $51.44",
    });
    expect(facts(page, "Money")["Stripe fee"]).toMatch(/^\$\d+\.\d\d$/);
    expect(facts(page, "Money").Net).toBe(`$${((donation.netAmount ?? 0) / 100).toFixed(2)}`);
    expect(facts(page, "Stripe")).toMatchObject({
      "Payment intent": donation.stripePaymentIntentId,
      Charge: chargeId,
      "Checkout session": donation.pledge?.checkoutSessionId,
    });

    expect(page.view.emails.map((email) => email.kind).sort()).toEqual(["receipt", "refund notice"]);
    expect(page.view.emails.every((email) => email.to === "ada.detail@example.org" && email.status === "pending")).toBe(true);

    const types = page.view.events.map((event) => event.type);
    expect(types).toContain("checkout.session.completed");
    expect(types).toContain("charge.dispute.created");
    expect(types.some((type) => type.startsWith("charge.refund") || type.startsWith("refund."))).toBe(true);
    expect(page.view.events.every((event) => event.outcome.startsWith("Applied"))).toBe(true);
  });

  it("links back to the list with the filters and page it came from", async () => {
    const query = `?q=ada&status=disputed&after=1700000000000.${donationId}`;
    expect((await show(donationId, query)).backHref).toBe(`/admin/donations${query}`);
    expect((await show(donationId, "?status=nonsense")).backHref).toBe("/admin/donations");
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect(await thrownStatus(() => show("6f1c2b1e-0000-4000-8000-000000000000"))).toBe(404);
    expect(await thrownStatus(() => show("not-a-uuid"))).toBe(404);
  });

  it("sends an anonymous visitor to sign in", async () => {
    const thrown = await loader(loaderArgs(`/admin/donations/${donationId}`, { donationId })).catch((error: unknown) => error);
    expect((thrown as Response).status).toBe(303);
    expect((thrown as Response).headers.get("location")).toMatch(/^\/admin\/sign-in\?next=/);
    expect(await thrownStatus(() => resend(donationId, null))).toBe(303);
  });
});

describe("a monthly instalment's page", () => {
  it("shows its invoice and subscription, and the events about either", async () => {
    const campaign = await createCampaign({ title: "Monthly campaign" });
    const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 2_000, email: "monthly.detail@example.org" });
    for (const event of gift.events) await deliver(event);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id }, include: { recurringGift: true } });
    const page = await show(donation.id);
    expect(facts(page, "Gift")["Once or monthly"]).toBe("Monthly");
    expect(facts(page, "Stripe").Invoice).toBe(donation.stripeInvoiceId);
    expect(facts(page, "Stripe").Subscription).toBe(`${donation.recurringGift?.stripeSubscriptionId} (active)`);
    const types = page.view.events.map((event) => event.type);
    expect(types).toContain("invoice.paid");
    expect(types.some((type) => type.startsWith("customer.subscription."))).toBe(true);
  });
});

describe("resending a receipt", () => {
  let donationId = "";

  beforeAll(async () => {
    const campaign = await createCampaign({ title: "Resend campaign" });
    const gift = await giveThroughSandbox(campaign.slug, { amount: 2_500, name: "Old Address", email: "old.address@example.org" });
    for (const event of gift.events) await deliver(event);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    donationId = donation.id;
    // The donor has since changed their email.
    await db().donor.update({ where: { id: donation.donorId }, data: { email: "new.address@example.org" } });
  });

  it("is refused to a viewer (403), and nothing is queued or audited", async () => {
    const before = await db().emailMessage.count({ where: { donationId } });
    expect(await thrownStatus(() => resend(donationId, viewer.cookie))).toBe(403);
    expect(await db().emailMessage.count({ where: { donationId } })).toBe(before);
    expect(await db().auditLog.count({ where: { action: "receipt.resend", targetId: donationId } })).toBe(0);
  });

  it("queues a fresh copy to the donor's current email with an audit row, then confirms it", async () => {
    const donation = await db().donation.findUniqueOrThrow({ where: { id: donationId } });
    const result = outcome(await resend(donationId, admin.cookie, "?q=old&status=succeeded"));
    expect(result.status).toBe(303);
    const location = result.headers.get("location") ?? "";
    expect(location).toMatch(new RegExp(`^/admin/donations/${donationId}\\?q=old&status=succeeded&resent=[0-9a-f-]{36}$`));

    const copies = await db().emailMessage.findMany({ where: { donationId, kind: "receipt" }, orderBy: { createdAt: "asc" } });
    expect(copies).toHaveLength(2);
    const [original, copy] = copies;
    expect(original!.toAddress).toBe("old.address@example.org");
    expect(copy!.toAddress).toBe("new.address@example.org");
    expect(copy!.dedupeKey).toMatch(new RegExp(`^receipt:${donationId}:resend:[0-9a-f-]{36}$`));
    expect(copy!.status).toBe("pending");
    // Tests run in sandbox mode, so every email starts with the test marking.
    expect(copy!.subject).toBe(
      `${TEST_SUBJECT_PREFIX}Copy of your receipt ${donation.receiptNumber} from ${copy!.subject.split(" from ")[1]}`,
    );
    expect(copy!.textBody).toContain("This is a copy of a receipt we sent you earlier");
    expect(copy!.textBody).toContain("$25.00");
    // The same receipt as the first one, below the note.
    expect(copy!.textBody.startsWith(TEST_NOTICE)).toBe(true);
    expect(copy!.textBody.endsWith(original!.textBody.slice(`${TEST_NOTICE}\n\n`.length))).toBe(true);

    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "receipt.resend", targetId: donationId } });
    expect(audit).toMatchObject({ actorId: admin.user.id, targetType: "donation", ip: "203.0.113.7" });
    expect(audit.details).toMatchObject({ receiptNumber: donation.receiptNumber, to: "new.address@example.org", emailId: copy!.id });

    const page = await show(donationId, location.slice(location.indexOf("?")), admin.cookie);
    expect(page.resent).toMatchObject({ to: "new.address@example.org", status: "pending" });
    expect(page.canResend).toBe(true);
    expect(page.backHref).toBe("/admin/donations?q=old&status=succeeded");
  });

  it("queues another copy each time it is asked", async () => {
    outcome(await resend(donationId, admin.cookie));
    expect(await db().emailMessage.count({ where: { donationId, kind: "receipt" } })).toBe(3);
    expect(await db().auditLog.count({ where: { action: "receipt.resend", targetId: donationId } })).toBe(2);
  });

  it("refuses an unknown intent with 400, and an unknown gift with 404", async () => {
    expect(outcome(await resend(donationId, admin.cookie, "", { intent: "refund" })).status).toBe(400);
    expect(await thrownStatus(() => resend("6f1c2b1e-0000-4000-8000-000000000000", admin.cookie))).toBe(404);
    expect(await db().emailMessage.count({ where: { donationId, kind: "receipt" } })).toBe(3);
  });
});
