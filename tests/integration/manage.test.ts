import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";

import { db } from "~/db/db.server";
import { queueRequestedManageLinks } from "~/manage/manage-link-requests.server";
import { action as requestAction } from "~/routes/_site.give.manage._index";
import { action as redeemAction, loader as linkLoader } from "~/routes/_site.give.manage.$token";
import { action as portalAction, loader as portalLoader } from "~/routes/_site.sandbox.portal.$sessionId";
import { action as campaignAction } from "~/routes/_site.campaigns.$slug";
import { loader as checkoutLoader } from "~/routes/_site.sandbox.checkout.$sessionId";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { apiError } from "~/payments/sandbox/errors";
import { deleteCustomer } from "~/payments/sandbox/dashboard.server";
import { createSignedToken } from "~/utils/signed-link.server";

import { mockServer } from "../mocks/server";
import { createCampaign } from "../support/factories";
import { startAtWindowStart } from "../support/fixed-window-clock";
import { formRequest, loaderArgs, outcome } from "../support/requests";
import { deliver, giveThroughSandbox } from "../support/webhooks";

let ipCounter = 0;
async function ask(email: string, ip = `198.51.100.${++ipCounter}`) {
  return outcome<{ sent: boolean; error: string | null }>(
    await requestAction({ request: formRequest("/give/manage", { email }), params: {}, context: { clientIp: ip } }),
  );
}

async function linkFor(email: string): Promise<string> {
  // The form only records the request; the outbox sender queues the email.
  await queueRequestedManageLinks();
  const message = await db().emailMessage.findFirstOrThrow({
    where: { kind: "manage_link", toAddress: email },
    orderBy: { createdAt: "desc" },
  });
  const match = /\/give\/manage\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(message.textBody);
  if (!match?.[1]) throw new Error("no link in the email");
  return match[1];
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

  it("emails a one-time link that opens the billing portal, where the donor can cancel", async () => {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email: "keeper@example.org" });
    for (const event of gift.events) await deliver(event);

    expect((await ask("Keeper@Example.org")).data?.sent).toBe(true);
    const token = await linkFor("keeper@example.org");
    expect((await linkLoader(loaderArgs(`/give/manage/${token}`, { token }))).problem).toBeNull();

    const first = await redeem(token);
    expect(first.status).toBe(303);
    const portalUrl = first.headers.get("location") ?? "";
    expect(portalUrl).toMatch(/^http:\/\/localhost:3000\/sandbox\/portal\/bps_/);
    const second = await redeem(token);
    expect(second.data?.problem).toMatch(/already been used/);

    const sessionId = portalUrl.split("/").pop() ?? "";
    const portal = await portalLoader(loaderArgs(portalUrl, { sessionId }));
    expect(portal.subscriptions).toHaveLength(1);
    const subscription = portal.subscriptions[0]!;
    const cancelled = outcome<{ message: string }>(
      await portalAction({
        request: formRequest(portalUrl, { intent: "cancel", subscription: subscription.id }),
        params: { sessionId },
        context: {},
      }),
    );
    expect(cancelled.data?.message).toMatch(/cancelled/);
    expect((await db().recurringGift.findUniqueOrThrow({ where: { stripeSubscriptionId: subscription.id } })).status).toBe("canceled");
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

  it("refuses a malformed email with a message", async () => {
    const result = await ask("not-an-email");
    expect(result.status).toBe(422);
    expect(result.data?.error).toMatch(/like name@example.org/);
  });
});

describe("a returning donor", () => {
  it("stays on one Stripe customer, so the billing portal shows all their monthly gifts", async () => {
    const campaign = await createCampaign();
    for (let i = 0; i < 2; i++) {
      const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 1_000 + i, email: "returning@example.org" });
      for (const event of gift.events) await deliver(event);
    }
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "returning@example.org" } });
    const gifts = await db().recurringGift.findMany({ where: { donorId: donor.id } });
    expect(gifts).toHaveLength(2);

    await ask("returning@example.org");
    const redeemed = await redeem(await linkFor("returning@example.org"));
    const portalUrl = redeemed.headers.get("location") ?? "";
    const portal = await portalLoader(loaderArgs(portalUrl, { sessionId: portalUrl.split("/").pop() ?? "" }));
    expect(portal.subscriptions.map((s) => s.id).sort()).toEqual(gifts.map((g) => g.stripeSubscriptionId).sort());
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

describe("when Stripe fails while the billing portal opens", () => {
  async function monthlyDonorLink(email: string) {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email });
    for (const event of gift.events) await deliver(event);
    await ask(email);
    return linkFor(email);
  }

  it.each([
    ["an API error", () => apiError("Stripe is having a moment")],
    ["a dropped connection", () => HttpResponse.error()],
  ])("after %s the donor sees a calm message, and the same link works once Stripe answers", async (_name, failure) => {
    const email = `portal-${_name.toLowerCase().replace(/\W+/g, "-")}@example.org`;
    const token = await monthlyDonorLink(email);
    mockServer.use(http.post("https://api.stripe.com/v1/billing_portal/sessions", failure, { once: true }));

    const failed = await redeem(token);
    expect(failed.status).toBe(502);
    expect(failed.data?.problem).toMatch(/Nothing has changed, and this link still works/);
    expect(failed.data?.retry).toBe(true);
    expect((await linkLoader(loaderArgs(`/give/manage/${token}`, { token }))).problem).toBeNull();

    const retried = await redeem(token);
    expect(retried.status).toBe(303);
    expect(retried.headers.get("location")).toMatch(/\/sandbox\/portal\/bps_/);
    expect((await redeem(token)).data?.problem).toMatch(/already been used/);
  });

  it("says there is no gift to manage when the customer was deleted in Stripe, and forgets it", async () => {
    const token = await monthlyDonorLink("portal-deleted@example.org");
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "portal-deleted@example.org" } });
    await deleteCustomer(donor.stripeCustomerId!);
    const result = await redeem(token);
    expect(result.status).toBe(404);
    expect(result.data?.problem).toMatch(/could not find a monthly gift/);
    expect((await db().donor.findUniqueOrThrow({ where: { id: donor.id } })).stripeCustomerId).toBeNull();
  });
});
