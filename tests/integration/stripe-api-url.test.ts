import { http, passthrough } from "msw";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { paySandboxSession } from "~/payments/sandbox/checkout.server";
import { stripe } from "~/payments/stripe.server";
import { env, resetEnvCache } from "~/utils/env.server";

import { mockServer } from "../mocks/server";
import { createCampaign } from "../support/factories";
import { startStripeCompatibleServer } from "../support/stripe-compatible-server";
import { carried, deliver, startCheckout } from "../support/webhooks";

/**
 * With a test key and STRIPE_API_URL, the SDK talks to that server instead
 * of Stripe: here a Stripe-compatible server on 127.0.0.1 (the sandbox's API
 * over HTTP). Gifts made through the site and completed by Stripe-shaped
 * events are recorded once each, with the right fee.
 */
const KEY = "sk_test_compatibleserver1";
let server: Awaited<ReturnType<typeof startStripeCompatibleServer>>;
let hostsAsked: string[] = [];

beforeAll(async () => {
  server = await startStripeCompatibleServer();
  process.env.STRIPE_SECRET_KEY = KEY;
  process.env.STRIPE_API_URL = server.url;
  resetEnvCache();
  mockServer.events.on("request:start", ({ request }) => void hostsAsked.push(new URL(request.url).host));
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_URL;
  resetEnvCache();
  await server.close();
});

beforeEach(() => {
  // Requests to the Stripe-compatible server go out over the socket; anything else still fails the test.
  mockServer.use(http.all(`${server.url}/*`, () => passthrough()));
  hostsAsked = [];
  server.received.length = 0;
});

describe("STRIPE_API_URL", () => {
  it("sends the SDK's requests to that server, with the test key, and none to Stripe", async () => {
    expect(env()).toMatchObject({ sandbox: false, STRIPE_API_URL: server.url });
    const customer = await stripe().customers.create({ email: "where@example.org" });
    expect(customer.id).toMatch(/^cus_/);
    expect(server.received).toEqual([expect.objectContaining({ method: "POST", path: "/v1/customers", authorization: `Bearer ${KEY}` })]);
    expect(server.received[0]!.stripeVersion).toBe(stripe().getApiField("version"));
    expect(hostsAsked).toEqual([new URL(server.url).host]);
  });

  it("records a one-time gift made through the site once, with the right fee and no customer", async () => {
    const campaign = await createCampaign();
    const { sessionId, email, name } = await startCheckout(campaign.slug, {
      amount: 5_000,
      coverFee: true,
      email: "compatible.once@example.org",
    });
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toContain("POST /v1/checkout/sessions");
    const paid = await paySandboxSession(sessionId, { email, name, cardNumber: "4242424242424242" });
    if (!paid.ok) throw new Error(paid.message);
    expect(carried<Stripe.Checkout.Session>(paid.events[0]!).customer).toBeNull();

    for (const event of paid.events) expect((await deliver(event)).body.outcome).toBe("applied");
    for (const event of paid.events) expect((await deliver(event)).body.outcome).toBe("duplicate");

    const pledge = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    const donations = await db().donation.findMany({ where: { pledgeId: pledge.id } });
    expect(donations).toHaveLength(1);
    // 5,144 charged; 2.2 % + 0.30 = 143.
    expect(donations[0]).toMatchObject({
      grossAmount: 5_144,
      coveredFee: 144,
      stripeFee: 143,
      netAmount: 5_001,
      settlementCurrency: "USD",
    });
    // The PaymentIntent was read with its charge and balance transaction expanded, from that server.
    const read = server.received.find((r) => r.method === "GET" && r.path.startsWith("/v1/payment_intents/"));
    expect(read).toBeDefined();
    expect(hostsAsked.every((host) => host === new URL(server.url).host)).toBe(true);
  });

  it("records a monthly gift once, reading the invoice's payments only through expand", async () => {
    const campaign = await createCampaign({ currency: "EUR" });
    const { sessionId, email, name } = await startCheckout(campaign.slug, {
      frequency: "monthly",
      amount: 2_000,
      email: "compatible.monthly@example.org",
    });
    const paid = await paySandboxSession(sessionId, { email, name, cardNumber: "4242424242424242" });
    if (!paid.ok) throw new Error(paid.message);
    const invoicePaid = paid.events.find((e) => e.type === "invoice.paid")!;
    expect(carried<Stripe.Invoice>(invoicePaid)).not.toHaveProperty("payments");

    for (const event of [...paid.events].reverse()) expect((await deliver(event)).status).toBe(200);
    for (const event of paid.events) expect((await deliver(event)).body.outcome).toBe("duplicate");

    const pledge = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    const donations = await db().donation.findMany({ where: { pledgeId: pledge.id } });
    expect(donations).toHaveLength(1);
    // 20.00 EUR settles as 21.65 USD with a 0.78 USD fee: 0.72 EUR.
    expect(donations[0]).toMatchObject({ frequency: "monthly", grossAmount: 2_000, stripeFee: 72, netAmount: 1_928, settlementFee: 78 });
    expect((await db().recurringGift.findUniqueOrThrow({ where: { pledgeId: pledge.id } })).status).toBe("active");
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "compatible.monthly@example.org" } });
    expect(donor.stripeCustomerId).toMatch(/^cus_/);
    expect(hostsAsked.every((host) => host === new URL(server.url).host)).toBe(true);
  });
});
