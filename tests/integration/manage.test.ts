import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";

import { db } from "~/db/db.server";
import { queueRequestedManageLinks } from "~/manage/manage-link-requests.server";
import { action as requestAction } from "~/routes/_site.give.manage._index";
import { action as redeemAction, loader as linkLoader } from "~/routes/_site.give.manage.$token";
import { action as campaignAction } from "~/routes/_site.campaigns.$slug";
import { loader as checkoutLoader } from "~/routes/_site.sandbox.checkout.$sessionId";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { apiError } from "~/payments/sandbox/errors";
import { deleteCustomer } from "~/payments/sandbox/dashboard.server";
import { resetEnvCache } from "~/utils/env.server";
import { createSignedToken } from "~/utils/signed-link.server";

import { mockServer } from "../mocks/server";
import { createCampaign } from "../support/factories";
import { startAtWindowStart } from "../support/fixed-window-clock";
import { formRequest, loaderArgs, outcome } from "../support/requests";
import { deliver, giveThroughSandbox } from "../support/webhooks";
import { emailedLinkToken, portalPage, portalPost } from "../support/portal";

let ipCounter = 0;
async function ask(email: string, ip = `198.51.100.${++ipCounter}`) {
  return outcome<{ sent: boolean; error: string | null }>(
    await requestAction({ request: formRequest("/give/manage", { email }), params: {}, context: { clientIp: ip } }),
  );
}

async function redeem(token: string) {
  return outcome<{ problem: string; retry: boolean }>(
    await redeemAction({ request: formRequest(`/give/manage/${token}`, {}), params: { token }, context: {} }),
  );
}

beforeEach(() => {
  // The sandbox portal delivers its events to this server's webhook endpoint.
  mockServer.use(http.post("http://127.0.0.1:3000/webhooks/stripe", ({ request }) => webhookAction({ request, params: {}, context: {} })));
});

describe("managing a monthly gift without an account", () => {
  it("answers the same way for an unknown address and sends nothing", async () => {
    const result = await ask("nobody@example.org");
    expect(result).toMatchObject({ status: 200, data: { sent: true } });
    await queueRequestedManageLinks();
    expect(await db().emailMessage.count({ where: { kind: "manage_link", toAddress: "nobody@example.org" } })).toBe(0);
  });

  it("emails a one-time link that opens the donor's giving page, where they can cancel", async () => {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email: "keeper@example.org" });
    for (const event of gift.events) await deliver(event);

    expect((await ask("Keeper@Example.org")).data?.sent).toBe(true);
    const token = await emailedLinkToken("keeper@example.org");
    expect((await linkLoader(loaderArgs(`/give/manage/${token}`, { token }))).problem).toBeNull();

    const first = await redeem(token);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/give/portal");
    const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(first.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    const second = await redeem(token);
    expect(second.data?.problem).toMatch(/already been used/);

    const page = await portalPage(cookie);
    expect(page.recurringGifts).toHaveLength(1);
    const cancelled = await portalPost(cookie, {
      intent: "cancel",
      gift: page.recurringGifts[0]!.id,
      reason: "",
      key: crypto.randomUUID(),
    });
    expect(cancelled.data?.message).toMatch(/cancelled/);
    expect((await db().recurringGift.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } })).status).toBe("canceled");
  });

  it("refuses expired and tampered links", async () => {
    const donor = await db().donor.create({ data: { email: "old@example.org", name: "Old", stripeCustomerId: "cus_oldlink123" } });
    const secret = process.env.SESSION_SECRET ?? "";
    const expired = createSignedToken("manage-gifts", donor.id, 30 * 60_000, secret, Date.now() - 31 * 60_000).token;
    expect((await redeem(expired)).data?.problem).toMatch(/expired/);
    const forged = createSignedToken("manage-gifts", donor.id, 30 * 60_000, "another-secret-0123456789abcdef0123").token;
    expect((await redeem(forged)).data?.problem).toMatch(/not valid/);
    expect((await redeem("garbage")).data?.problem).toMatch(/not valid/);
  });

  it("limits requests per address (5 per 15 minutes)", async () => {
    startAtWindowStart();
    onTestFinished(() => void vi.useRealTimers());
    const ip = "203.0.113.250";
    for (let i = 0; i < 5; i++) expect((await ask(`ip${i}@example.org`, ip)).status).toBe(200);
    expect((await ask("ip-last@example.org", ip)).status).toBe(429);
  });

  it("limits requests per address to MANAGE_LINK_RATE_LIMIT when it is set", async () => {
    startAtWindowStart();
    process.env.MANAGE_LINK_RATE_LIMIT = "2";
    resetEnvCache();
    onTestFinished(() => {
      delete process.env.MANAGE_LINK_RATE_LIMIT;
      resetEnvCache();
      vi.useRealTimers();
    });
    const ip = "203.0.113.251";
    for (let i = 0; i < 2; i++) expect((await ask(`limit${i}@example.org`, ip)).status).toBe(200);
    expect((await ask("limit-last@example.org", ip)).status).toBe(429);
  });

  it("refuses a malformed email with a message", async () => {
    const result = await ask("not-an-email");
    expect(result.status).toBe(422);
    expect(result.data?.error).toMatch(/like name@example.org/);
  });
});

describe("a returning donor", () => {
  it("stays on one Stripe customer, and their giving page shows all their monthly gifts", async () => {
    const campaign = await createCampaign();
    for (let i = 0; i < 2; i++) {
      const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 1_000 + i, email: "returning@example.org" });
      for (const event of gift.events) await deliver(event);
    }
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "returning@example.org" } });
    const gifts = await db().recurringGift.findMany({ where: { donorId: donor.id } });
    expect(gifts).toHaveLength(2);
    expect(new Set(gifts.map((g) => g.stripeSubscriptionId)).size).toBe(2);

    await ask("returning@example.org");
    const redeemed = await redeem(await emailedLinkToken("returning@example.org"));
    const page = await portalPage((redeemed.headers.get("set-cookie") ?? "").split(";")[0] ?? "");
    expect(page.recurringGifts.map((g) => g.id).sort()).toEqual(gifts.map((g) => g.id).sort());
  });

  it("finds their email filled in on the checkout page, as Stripe shows an existing customer's", async () => {
    const campaign = await createCampaign();
    const first = await giveThroughSandbox(campaign.slug, { email: "again@example.org" });
    for (const event of first.events) await deliver(event);
    const response = await campaignAction({
      request: formRequest(`/campaigns/${campaign.slug}`, {
        amount: "other",
        customAmount: "20.00",
        frequency: "once",
        name: "Ada Donor",
        email: "again@example.org",
        dedicationKind: "",
        dedicationName: "",
        comment: "",
      }),
      params: { slug: campaign.slug },
      context: { clientIp: "203.0.113.77" },
    });
    const sessionId = (outcome(response).headers.get("location") ?? "").split("/").pop() ?? "";
    const page = await checkoutLoader(loaderArgs(`/sandbox/checkout/${sessionId}`, { sessionId }));
    expect(page.session.email).toBe("again@example.org");
  });
});

describe("when Stripe fails while the card update opens", () => {
  async function monthlyDonorPortal(email: string) {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email });
    for (const event of gift.events) await deliver(event);
    await ask(email);
    const redeemed = await redeem(await emailedLinkToken(email));
    return (redeemed.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }

  it.each([
    ["an API error", () => apiError("Stripe is having a moment")],
    ["a dropped connection", () => HttpResponse.error()],
  ])("after %s the donor sees a calm message, and can try again once Stripe answers", async (_name, failure) => {
    const email = `portal-${_name.toLowerCase().replace(/\W+/g, "-")}@example.org`;
    const cookie = await monthlyDonorPortal(email);
    mockServer.use(http.post("https://api.stripe.com/v1/billing_portal/sessions", failure, { once: true }));

    const failed = await portalPost(cookie, { intent: "card" });
    expect(failed.status).toBe(502);
    expect(failed.data?.message).toMatch(/nothing changed/);

    const retried = await portalPost(cookie, { intent: "card" });
    expect(retried.status).toBe(303);
    expect(retried.headers.get("location")).toMatch(/\/sandbox\/portal\/bps_/);
  });

  it("says there is no card to update when the customer was deleted in Stripe, and forgets it", async () => {
    const cookie = await monthlyDonorPortal("portal-deleted@example.org");
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "portal-deleted@example.org" } });
    await deleteCustomer(donor.stripeCustomerId!);
    const result = await portalPost(cookie, { intent: "card" });
    expect(result.status).toBe(404);
    expect((await db().donor.findUniqueOrThrow({ where: { id: donor.id } })).stripeCustomerId).toBeNull();
  });
});
