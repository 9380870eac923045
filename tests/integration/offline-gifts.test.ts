import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { campaignFigures, campaignProgress, dailyGiving, totalsDisagreeingWithLedger } from "~/donations/totals.data.server";
import { loader as campaignLoader } from "~/routes/_site.campaigns.$slug";
import { action as recordAction, loader as recordLoader } from "~/routes/admin.offline-gifts.new";
import { action as editAction } from "~/routes/admin.offline-gifts.$donationId";
import { loader as listLoader } from "~/routes/admin.donations._index";

import { createCampaign, createDonation, createDonor } from "../support/factories";
import { formRequest, loaderArgs, outcome, pageData, thrownStatus } from "../support/requests";
import { signedInStaff, type SignedInStaff } from "../support/staff";

let admin: SignedInStaff;
let viewer: SignedInStaff;

beforeAll(async () => {
  admin = await signedInStaff("admin");
  viewer = await signedInStaff("viewer");
});

const context = { clientIp: "203.0.113.9" };

async function record(fields: Record<string, string>, who: SignedInStaff = admin, query = "") {
  const request = formRequest(`/admin/offline-gifts/new${query}`, fields, who.headers);
  return outcome<{ errors: Record<string, string> }>(await recordAction({ request, params: {}, context }));
}

async function edit(donationId: string, fields: Record<string, string>, who: SignedInStaff = admin) {
  const request = formRequest(`/admin/offline-gifts/${donationId}`, fields, who.headers);
  return outcome<{ errors: Record<string, string> }>(await editAction({ request, params: { donationId }, context }));
}

function recordedId(result: { status: number; headers: Headers }): string {
  expect(result.status).toBe(303);
  const match = /\/admin\/donations\/([0-9a-f-]{36})\?recorded=1$/.exec(result.headers.get("location") ?? "");
  expect(match).not.toBeNull();
  return match![1]!;
}

async function raised(campaignId: string) {
  return (await campaignProgress([campaignId])).get(campaignId)!;
}

describe("recording an offline gift", () => {
  it("adds exactly its amount to the campaign's totals, with a receipt numbered in the same sequence as online gifts", async () => {
    const campaign = await createCampaign({ title: "Cheques welcome" });
    const online = await createDonation(campaign.id, (await createDonor()).id, { grossAmount: 4_000 });
    expect(await raised(campaign.id)).toMatchObject({ raised: 4_000, donors: 1 });
    const before = await db().receiptSequence.findMany();

    const id = recordedId(
      await record({
        campaignId: campaign.id,
        method: "cheque",
        receivedOn: "2026-11-20",
        amount: "250.00",
        currency: "USD",
        reference: "001042",
        note: "Given at the church breakfast",
        email: "Cheque.Giver@Example.org",
        name: "Chidi Giver",
        address: "1 Main St\nSpringfield",
        sendReceipt: "on",
      }),
    );
    const gift = await db().donation.findUniqueOrThrow({ where: { id }, include: { donor: true, emails: true } });
    expect(gift).toMatchObject({
      source: "offline",
      offlineMethod: "cheque",
      grossAmount: 25_000,
      currency: "USD",
      reference: "001042",
      note: "Given at the church breakfast",
      frequency: "once",
      paidAt: new Date("2026-11-20T00:00:00Z"),
    });
    expect(gift.donor).toMatchObject({ email: "cheque.giver@example.org", name: "Chidi Giver", address: "1 Main St\nSpringfield" });
    // Tests run in sandbox mode: the TEST- series, one more than before.
    const year = (before.find((row) => row.series === "test" && row.year === 2026)?.last ?? 0) + 1;
    expect(gift.receiptNumber).toBe(`TEST-2026-${String(year).padStart(6, "0")}`);
    expect(gift.emails.map((email) => [email.kind, email.toAddress])).toEqual([["receipt", "cheque.giver@example.org"]]);
    expect(gift.emails[0]!.textBody).toContain(`Payment method: Cheque 001042`);

    expect(await raised(campaign.id)).toMatchObject({ raised: 29_000, donors: 2 });
    const figures = (await campaignFigures([campaign.id])).get(campaign.id)!;
    expect(figures).toMatchObject({ donations: 2, gross: 29_000, offline: { donations: 1, raised: 25_000 } });
    const day = (await dailyGiving([campaign.id], 90, new Date("2026-11-30T12:00:00Z"))).get(campaign.id)!;
    expect(day.find((d) => d.day === "2026-11-20")).toEqual({ day: "2026-11-20", amount: 25_000, donations: 1 });
    expect(await totalsDisagreeingWithLedger()).toEqual([]);

    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "gift.record", targetId: id } });
    expect(audit).toMatchObject({ actorId: admin.user.id, ip: "203.0.113.9" });
    expect(audit.details).toMatchObject({ amount: 25_000, method: "cheque", reference: "001042", receiptNumber: gift.receiptNumber });

    // The campaign page's progress is online plus offline.
    const page = pageData(await campaignLoader(loaderArgs(`/campaigns/${campaign.slug}`, { slug: campaign.slug })));
    expect(JSON.stringify(page)).toContain("29000");
    expect(online.id).not.toBe(id);
  });

  it("finds the donor by email, or records one without an email, and sends no receipt unless asked", async () => {
    const campaign = await createCampaign();
    const known = await createDonor("known.offline@example.org");
    const first = recordedId(
      await record({
        campaignId: campaign.id,
        method: "cash",
        receivedOn: "2026-11-01",
        amount: "20",
        currency: "usd",
        email: "KNOWN.offline@example.org",
      }),
    );
    const second = recordedId(
      await record({
        campaignId: campaign.id,
        method: "bank_transfer",
        receivedOn: "2026-11-02",
        amount: "35.50",
        currency: "USD",
        name: "No Email Person",
      }),
    );
    const rows = await db().donation.findMany({ where: { id: { in: [first, second] } }, include: { donor: true, emails: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(first)!.donorId).toBe(known.id);
    expect(byId.get(second)!.donor).toMatchObject({ email: null, name: "No Email Person" });
    expect(rows.every((row) => row.receiptNumber === null && row.emails.length === 0)).toBe(true);
    expect(await raised(campaign.id)).toMatchObject({ raised: 5_550, donors: 2 });
  });

  it("names every problem and writes nothing", async () => {
    const campaign = await createCampaign({ currency: "EUR" });
    const count = await db().donation.count();
    const bad = await record({
      campaignId: "nope",
      method: "barter",
      receivedOn: "2026-02-30",
      amount: "-5",
      currency: "USD",
      sendReceipt: "on",
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.data!.errors).sort()).toEqual(["amount", "campaignId", "method", "name", "receivedOn", "sendReceipt"].sort());

    const future = await record({
      campaignId: campaign.id,
      method: "cash",
      receivedOn: "2999-01-01",
      amount: "5",
      currency: "EUR",
      name: "X",
    });
    expect(future.data!.errors.receivedOn).toMatch(/future/);
    const wrongCurrency = await record({
      campaignId: campaign.id,
      method: "cash",
      receivedOn: "2026-11-01",
      amount: "5",
      currency: "USD",
      name: "X",
    });
    expect(wrongCurrency.status).toBe(422);
    expect(wrongCurrency.data!.errors.currency).toMatch(/EUR/);
    const control = await record({
      campaignId: campaign.id,
      method: "cash",
      receivedOn: "2026-11-01",
      amount: "5",
      currency: "EUR",
      name: "A\u0000B",
    });
    expect(control.status).toBe(400);
    expect(await db().donation.count()).toBe(count);
    expect(await db().auditLog.count({ where: { action: "gift.record", details: { path: ["campaignId"], equals: campaign.id } } })).toBe(0);
  });

  it("is for admins: a viewer is refused and changes nothing", async () => {
    const campaign = await createCampaign();
    const count = await db().donation.count();
    const fields = { campaignId: campaign.id, method: "cash", receivedOn: "2026-11-01", amount: "5", currency: "USD", name: "Viewer Try" };
    expect(await thrownStatus(() => record(fields, viewer))).toBe(403);
    expect(await thrownStatus(() => recordLoader(loaderArgs("/admin/offline-gifts/new", {}, { headers: viewer.headers })))).toBe(403);
    const id = recordedId(await record(fields));
    expect(await thrownStatus(() => edit(id, { intent: "void", reason: "test" }, viewer))).toBe(403);
    expect(await db().donation.count()).toBe(count + 1);
    expect((await db().donation.findUniqueOrThrow({ where: { id } })).voidedAt).toBeNull();
  });
});

describe("correcting and voiding an offline gift", () => {
  it("moves the totals with a correction, and a void takes the gift out of every total, sending no email unless asked", async () => {
    const campaign = await createCampaign();
    const other = await createCampaign();
    const id = recordedId(
      await record({
        campaignId: campaign.id,
        method: "cheque",
        receivedOn: "2026-11-10",
        amount: "100",
        currency: "USD",
        email: "corrected@example.org",
        name: "Corrected Donor",
        sendReceipt: "on",
      }),
    );
    expect(await raised(campaign.id)).toMatchObject({ raised: 10_000, donors: 1 });

    const corrected = await edit(id, {
      intent: "correct",
      campaignId: other.id,
      method: "cheque",
      receivedOn: "2026-11-11",
      amount: "120.00",
      currency: "USD",
      reference: "77",
      note: "",
    });
    expect(corrected.status).toBe(303);
    expect(await raised(campaign.id)).toMatchObject({ raised: 0, donors: 0 });
    expect(await raised(other.id)).toMatchObject({ raised: 12_000, donors: 1 });
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
    const correction = await db().auditLog.findFirstOrThrow({ where: { action: "gift.correct", targetId: id } });
    expect(correction.details).toMatchObject({
      before: { amount: 10_000, campaignId: campaign.id },
      after: { amount: 12_000, campaignId: other.id },
    });

    const emailsBefore = await db().emailMessage.count({ where: { donationId: id } });
    const voided = await edit(id, { intent: "void", reason: "The cheque bounced" });
    expect(voided.status).toBe(303);
    const row = await db().donation.findUniqueOrThrow({ where: { id } });
    expect(row.voidedAt).not.toBeNull();
    expect(row.receiptNumber).not.toBeNull();
    expect(await raised(other.id)).toMatchObject({ raised: 0, donors: 0 });
    expect((await campaignFigures([other.id])).get(other.id)).toMatchObject({
      donations: 0,
      gross: 0,
      offline: { donations: 0, raised: 0 },
    });
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
    expect(await db().emailMessage.count({ where: { donationId: id } })).toBe(emailsBefore);
    expect(await db().auditLog.count({ where: { action: "gift.void", targetId: id } })).toBe(1);

    // The donations list still shows it, as voided.
    const listed = pageData(await listLoader(loaderArgs("/admin/donations?q=corrected%40example.org", {}, { headers: viewer.headers })));
    expect(listed.result!.rows.map((r) => r.status)).toEqual(["Voided"]);

    // Voided is final.
    expect((await edit(id, { intent: "void", reason: "again" })).status).toBe(422);
    const late = await edit(id, {
      intent: "correct",
      campaignId: other.id,
      method: "cash",
      receivedOn: "2026-11-11",
      amount: "1",
      currency: "USD",
    });
    expect(late.status).toBe(422);
    expect(await raised(other.id)).toMatchObject({ raised: 0 });
  });

  it("tells the donor of a void only when asked", async () => {
    const campaign = await createCampaign();
    const id = recordedId(
      await record({
        campaignId: campaign.id,
        method: "cash",
        receivedOn: "2026-11-10",
        amount: "10",
        currency: "USD",
        email: "told@example.org",
        name: "Told",
      }),
    );
    expect((await edit(id, { intent: "void", reason: "Entered twice", tellDonor: "on" })).status).toBe(303);
    const emails = await db().emailMessage.findMany({ where: { donationId: id } });
    expect(emails.map((email) => [email.kind, email.toAddress])).toEqual([["gift_voided", "told@example.org"]]);
    expect(emails[0]!.textBody).toContain("Entered twice");
  });

  it("tells a donor who gave in Spanish in Spanish, with staff's reason as typed", async () => {
    const campaign = await createCampaign();
    const donor = await createDonor("anulada@example.org");
    await db().donor.update({ where: { id: donor.id }, data: { language: "es" } });
    const id = recordedId(
      await record({
        campaignId: campaign.id,
        method: "cheque",
        receivedOn: "2026-11-10",
        amount: "10",
        currency: "USD",
        email: "anulada@example.org",
      }),
    );
    expect((await edit(id, { intent: "void", reason: "Cheque sin fondos", tellDonor: "on" })).status).toBe(303);
    const notice = await db().emailMessage.findFirstOrThrow({ where: { donationId: id, kind: "gift_voided" } });
    expect(notice.subject).toMatch(/anuló una donación/);
    expect(notice.textBody).toContain("Anulamos la donación de $10.00");
    expect(notice.textBody).toContain("Cheque sin fondos");
    expect(notice.textBody).toContain("No se emitió ningún recibo");
  });

  it("answers 404 for an online gift or an unknown id", async () => {
    const campaign = await createCampaign();
    const online = await createDonation(campaign.id, (await createDonor()).id);
    expect(await thrownStatus(() => edit(online.id, { intent: "void", reason: "no" }))).toBe(404);
    expect(await thrownStatus(() => edit("6f1c2b1e-0000-4000-8000-000000000000", { intent: "void", reason: "no" }))).toBe(404);
    expect((await db().donation.findUniqueOrThrow({ where: { id: online.id } })).voidedAt).toBeNull();
  });
});
