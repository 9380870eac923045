import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db.server";
import { deleteCustomer } from "~/payments/sandbox/dashboard.server";
import { action as campaignAction } from "~/routes/campaigns.$slug";

import { createCampaign } from "../support/factories";
import { formRequest, outcome } from "../support/requests";
import { recordStripeRequests } from "../support/stripe-requests";
import { deliver, giveThroughSandbox } from "../support/webhooks";

/** Donors and their Stripe customers, as Stripe has them (or no longer has them). */
let campaign: Awaited<ReturnType<typeof createCampaign>>;
let ipCounter = 0;

beforeEach(async () => {
  campaign = await createCampaign();
});

async function give(email: string, frequency: "once" | "monthly" = "once") {
  const recorder = recordStripeRequests();
  const result = outcome(
    await campaignAction({
      request: formRequest(`/campaigns/${campaign.slug}`, {
        amount: "other",
        customAmount: "20.00",
        frequency,
        name: "Ada Donor",
        email,
        dedicationKind: "",
        dedicationName: "",
        comment: "",
      }),
      params: { slug: campaign.slug },
      context: { clientIp: `198.51.100.${++ipCounter}` },
    }),
  );
  recorder.stop();
  const creates = recorder.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
  return { ...result, creates };
}

describe("a stored Stripe customer that Stripe no longer has", () => {
  it("is forgotten when it was deleted in Stripe's dashboard, and the donor's next gift starts Checkout from their email", async () => {
    const first = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email: "deleted.customer@example.org" });
    for (const event of first.events) await deliver(event);
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "deleted.customer@example.org" } });
    expect(donor.stripeCustomerId).toMatch(/^cus_/);
    await deleteCustomer(donor.stripeCustomerId!);

    const again = await give("deleted.customer@example.org");
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toMatch(/\/sandbox\/checkout\/cs_test_/);
    // First with the stored customer (refused: resource_missing), then with the email alone.
    expect(again.creates.map((r) => r.body.customer ?? null)).toEqual([donor.stripeCustomerId, null]);
    expect(again.creates[1]!.body.customer_email).toBe("deleted.customer@example.org");
    expect(again.creates[1]!.idempotencyKey).not.toBe(again.creates[0]!.idempotencyKey);
    expect((await db().donor.findUniqueOrThrow({ where: { id: donor.id } })).stripeCustomerId).toBeNull();
  });

  it("is forgotten when it never existed for this key (a test-mode id under a live key), and a monthly gift gets a new customer", async () => {
    await db().donor.create({ data: { email: "other.mode@example.org", name: "Ada Donor", stripeCustomerId: "cus_fromtheothermode1" } });
    const again = await give("other.mode@example.org", "monthly");
    expect(again.status).toBe(303);
    expect(await db().donor.findUniqueOrThrow({ where: { email: "other.mode@example.org" } })).toMatchObject({ stripeCustomerId: null });

    const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email: "other.mode@example.org" });
    for (const event of gift.events) expect((await deliver(event)).status).toBe(200);
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "other.mode@example.org" } });
    expect(donor.stripeCustomerId).toMatch(/^cus_/);
    expect(donor.stripeCustomerId).not.toBe("cus_fromtheothermode1");
  });
});
