import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { getOrganisation } from "~/organisation/organisation.data.server";
import { loader as receiptLoader } from "~/routes/give.portal.receipts.$donationId";
import { loader as statementLoader } from "~/routes/give.portal.statements.$year";

import { createCampaign } from "../support/factories";
import { pdfText } from "../support/pdf-text";
import { deliverSandboxEventsToWebhook, openPortal } from "../support/portal";
import { responseOf } from "../support/requests";
import { deliver, giveThroughSandbox } from "../support/webhooks";

function download(loader: typeof receiptLoader, path: string, params: Record<string, string>, cookie: string) {
  return responseOf(async () =>
    loader({ request: new Request(`http://localhost:3000${path}`, { headers: { cookie } }), params, context: {} }),
  );
}

const normalised = (text: string) => text.replace(/\s+/g, " ");

beforeEach(() => deliverSandboxEventsToWebhook());

describe("PDF receipts and statements", () => {
  it("a receipt's PDF carries the amount, number, EIN and wording of its email", async () => {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, {
      amount: 12_345,
      email: "pdf-donor@example.org",
      name: "Grace Hopper",
      coverFee: true,
    });
    for (const event of gift.events) await deliver(event);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    const organisation = await getOrganisation();
    const cookie = await openPortal("pdf-donor@example.org");

    const response = await download(receiptLoader, `/give/portal/receipts/${donation.id}`, { donationId: donation.id }, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${donation.receiptNumber}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const pdf = await pdfText(await response.arrayBuffer());
    const text = normalised(pdf.text);

    const gross = `$${(donation.grossAmount / 100).toFixed(2)}`;
    expect(text).toContain(`Receipt number: ${donation.receiptNumber}`);
    expect(text).toContain(`Amount: ${gross} (USD), of which`);
    expect(text).toContain(`EIN ${organisation.ein}`);
    expect(text).toContain(organisation.legalName);
    expect(text).toContain("Donor: Grace Hopper");
    expect(text).toContain("No goods or services were provided in exchange for this contribution.");
    // Sandbox mode: the PDF says, as the email does, that it is a test and not a tax receipt.
    expect(text).toContain("it is not a tax receipt");
    expect(pdf.title).toContain(`receipt ${donation.receiptNumber}`);

    // Every line of the email is in the PDF, in the same words.
    const email = await db().emailMessage.findFirstOrThrow({ where: { kind: "receipt", donationId: donation.id } });
    for (const line of email.textBody.split("\n").filter((l) => l.trim() !== "")) expect(text).toContain(normalised(line).trim());
  });

  it("a year's statement as PDF, with its deductible total", async () => {
    const campaign = await createCampaign();
    for (const amount of [2_000, 3_000]) {
      const gift = await giveThroughSandbox(campaign.slug, { amount, email: "pdf-year@example.org" });
      for (const event of gift.events) await deliver(event);
    }
    const cookie = await openPortal("pdf-year@example.org");
    const year = String(new Date().getUTCFullYear());
    const response = await download(statementLoader, `/give/portal/statements/${year}`, { year }, cookie);
    expect(response.status).toBe(200);
    const text = normalised((await pdfText(await response.arrayBuffer())).text);
    expect(text).toContain(`Total tax-deductible amount for ${year}: $50.00`);
    expect(text).toContain("No goods or services were provided in exchange for these contributions.");
    expect((await download(statementLoader, "/give/portal/statements/2001", { year: "2001" }, cookie)).status).toBe(404);
  });

  it("never serves another donor's receipt", async () => {
    const campaign = await createCampaign();
    const theirs = await giveThroughSandbox(campaign.slug, { email: "pdf-theirs@example.org" });
    for (const event of theirs.events) await deliver(event);
    const mine = await giveThroughSandbox(campaign.slug, { email: "pdf-mine@example.org" });
    for (const event of mine.events) await deliver(event);
    const theirDonation = await db().donation.findFirstOrThrow({ where: { pledgeId: theirs.pledge.id } });
    const cookie = await openPortal("pdf-mine@example.org");
    expect((await download(receiptLoader, "/x", { donationId: theirDonation.id }, cookie)).status).toBe(404);
    expect((await download(receiptLoader, "/x", { donationId: "nope" }, cookie)).status).toBe(404);
    expect((await download(receiptLoader, "/x", { donationId: theirDonation.id }, "")).status).toBe(303);
  });
});
