import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { action, loader } from "~/routes/admin.donations.export[.]csv";
import { DONATIONS_CSV_HEADER } from "~/donations/donations-csv.server";

import { parseCsv } from "../support/csv";
import { createCampaign } from "../support/factories";
import { formRequest, loaderArgs, responseOf, thrownStatus } from "../support/requests";
import { signedInStaff } from "../support/staff";
import { deliver, giveThroughSandbox } from "../support/webhooks";

let admin: Awaited<ReturnType<typeof signedInStaff>>;
let viewer: Awaited<ReturnType<typeof signedInStaff>>;

beforeAll(async () => {
  admin = await signedInStaff("admin");
  viewer = await signedInStaff("viewer");
});

/** Presses "Export these as CSV" (a POST of the list's filters), then follows the 303 to the one-time download. */
async function exportCsv(query: string, cookie = admin.cookie): Promise<Response> {
  const started = await responseOf(() =>
    action({
      request: formRequest("/admin/donations/export.csv", Object.fromEntries(new URLSearchParams(query)), { Cookie: cookie }),
      params: {},
      context: { clientIp: "203.0.113.9" },
    }),
  );
  if (started.status !== 303) return started;
  return responseOf(() =>
    loader({ ...loaderArgs(started.headers.get("location") ?? "", {}, { headers: { Cookie: cookie } }), context: {} }),
  );
}

async function readCsv(response: Response): Promise<{ bytes: Uint8Array; records: Array<Record<string, string>> }> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  expect(header).toEqual(DONATIONS_CSV_HEADER);
  return { bytes, records: rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ""]))) };
}

async function donorGift(
  campaignId: string,
  name: string,
  email: string,
  overrides: { grossAmount?: number; paidAt?: Date; status?: "succeeded" | "refunded"; refundedAmount?: number } = {},
) {
  const donor = await db().donor.create({ data: { name, email } });
  return db().donation.create({
    data: {
      campaignId,
      donorId: donor.id,
      frequency: "once",
      currency: "USD",
      grossAmount: overrides.grossAmount ?? 1_000,
      stripeFee: 52,
      netAmount: (overrides.grossAmount ?? 1_000) - 52,
      status: overrides.status ?? "succeeded",
      refundedAmount: overrides.refundedAmount ?? 0,
      stripePaymentIntentId: `pi_${crypto.randomBytes(8).toString("hex")}`,
      paidAt: overrides.paidAt ?? new Date(),
    },
  });
}

describe("the donations CSV export", () => {
  let campaignId = "";
  let otherCampaignId = "";

  beforeAll(async () => {
    const campaign = await createCampaign({ title: 'Safe homes, "north" wing' });
    campaignId = campaign.id;
    otherCampaignId = (await createCampaign({ title: "Other" })).id;
    // A real gift through checkout and the webhook: $50 with the fee covered.
    const gift = await giveThroughSandbox(campaign.slug, {
      amount: 5_000,
      coverFee: true,
      name: "García Müller, Ana",
      email: "ana.export@example.org",
    });
    for (const event of gift.events) await deliver(event);
    await donorGift(campaignId, '=HYPERLINK("http://x")', "formula.one@example.org", { paidAt: new Date(Date.now() - 60_000) });
    await donorGift(campaignId, "@SUM(A1)", "formula.two@example.org", {
      paidAt: new Date(Date.now() - 120_000),
      status: "refunded",
      refundedAmount: 1_000,
    });
    await donorGift(campaignId, "-2+3 line\nbreak", "+formula.three@example.org", { paidAt: new Date(Date.now() - 180_000) });
    await donorGift(otherCampaignId, "Not In This Campaign", "other.export@example.org");
  });

  it("refuses viewers (403) and sends anonymous visitors to sign in", async () => {
    const refused = await exportCsv(`campaign=${campaignId}`, viewer.cookie);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/cannot change anything/);
    expect(await thrownStatus(() => loader(loaderArgs("/admin/donations/export.csv")))).toBe(303);
    expect(await db().auditLog.count({ where: { action: "donations.export", actorId: viewer.user.id } })).toBe(0);
  });

  it("streams the filtered gifts only, as RFC 4180 CSV with a BOM, neutralised formulas and decimal amounts", async () => {
    const response = await exportCsv(`campaign=${campaignId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="donations-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toBeInstanceOf(ReadableStream);

    const { bytes, records } = await readCsv(response);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split("\r\n")[0]).toBe(DONATIONS_CSV_HEADER.join(","));

    expect(records.map((record) => record.donor_name)).toEqual([
      "García Müller, Ana",
      '\'=HYPERLINK("http://x")',
      "'@SUM(A1)",
      "'-2+3 line\nbreak",
    ]);
    expect(records.map((record) => record.donor_email)).toContain("'+formula.three@example.org");
    expect(records.every((record) => record.campaign === 'Safe homes, "north" wing')).toBe(true);

    const real = records[0]!;
    const donation = await db().donation.findFirstOrThrow({ where: { donor: { email: "ana.export@example.org" } } });
    expect(real).toMatchObject({
      receipt_number: donation.receiptNumber,
      frequency: "once",
      currency: "USD",
      gross: "51.44",
      covered_fee: "1.44",
      refunded: "0.00",
      status: "succeeded",
      dispute_status: "",
      stripe_payment_intent: donation.stripePaymentIntentId,
      stripe_invoice: "",
      donation_id: donation.id,
      paid_at: donation.paidAt.toISOString(),
    });
    expect(real.stripe_fee).toMatch(/^\d+\.\d\d$/);
    expect(Number(real.gross) - Number(real.stripe_fee)).toBeCloseTo(Number(real.net), 2);
    expect(records[2]).toMatchObject({ status: "refunded", refunded: "10.00", gross: "10.00", stripe_fee: "0.52", net: "9.48" });
  });

  it("writes an audit row with the filters before streaming", async () => {
    const before = await db().auditLog.count({ where: { action: "donations.export" } });
    const response = await exportCsv(`campaign=${campaignId}&status=refunded&from=2020-01-01`);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "donations.export" }, orderBy: { createdAt: "desc" } });
    expect(await db().auditLog.count({ where: { action: "donations.export" } })).toBe(before + 1);
    expect(audit).toMatchObject({ actorId: admin.user.id, ip: "203.0.113.9" });
    expect(audit.details).toEqual({ filters: { campaign: campaignId, status: "refunded", from: "2020-01-01" } });
    const { records } = await readCsv(response);
    expect(records.map((record) => record.donor_name)).toEqual(["'@SUM(A1)"]);
  });

  it("answers bad filters with 400 and a message, and exports nothing", async () => {
    const response = await exportCsv("status=lost");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("status: Choose a status from the list.");
  });

  it("pages through a large set without repeating or losing a row", async () => {
    const bulk = await createCampaign({ title: "Bulk" });
    const donor = await db().donor.create({ data: { name: "Bulk Donor", email: "bulk.export@example.org" } });
    const count = 1_501;
    const base = Date.UTC(2030, 0, 1);
    await db().donation.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        campaignId: bulk.id,
        donorId: donor.id,
        frequency: "monthly" as const,
        currency: "USD",
        grossAmount: 1_000 + i,
        stripeInvoiceId: `in_bulk_${i}`,
        // Pairs share a second, so page edges fall inside ties.
        paidAt: new Date(base + Math.floor(i / 2) * 1_000),
      })),
    });
    const { records } = await readCsv(await exportCsv(`campaign=${bulk.id}`));
    expect(records).toHaveLength(count);
    expect(new Set(records.map((record) => record.donation_id)).size).toBe(count);
    expect(records[0]?.gross).toBe("25.00");
    expect(records.every((record) => record.frequency === "monthly" && record.stripe_invoice?.startsWith("in_bulk_"))).toBe(true);
  });
});
