import { http } from "msw";
import Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { configureSandboxAccount, currentApiVersion } from "~/payments/sandbox/account.server";
import { expireDueSessions } from "~/payments/sandbox/dashboard.server";
import { LEGACY_API_VERSION } from "~/payments/sandbox/api-version-names";
import { apiError } from "~/payments/sandbox/errors";
import { addFault, clearFaults } from "~/payments/sandbox/faults.server";
import { withIdempotency } from "~/payments/sandbox/idempotency.server";
import { getObject } from "~/payments/sandbox/store.server";
import { stripe } from "~/payments/stripe.server";
import { EventSchema } from "~/payments/events/schemas.server";
import { action as webhookAction } from "~/routes/webhooks.stripe";

import { mockServer } from "../mocks/server";
import { createCampaign } from "../support/factories";
import { carried, deliver, giveThroughSandbox, startCheckout } from "../support/webhooks";

/**
 * The sandbox answers the real SDK as Stripe does: these tests talk to it
 * through `stripe()` (its HTTP calls answered in-process) and check Stripe's
 * documented rules, not Lantern's.
 */
let campaign: Awaited<ReturnType<typeof createCampaign>>;

beforeEach(async () => {
  campaign = await createCampaign();
  await clearFaults();
  await configureSandboxAccount({ eventsApiVersion: currentApiVersion() });
  // Events the sandbox sends from inside its API (an expired session) reach this file's webhook endpoint.
  mockServer.use(http.post("http://127.0.0.1:3000/webhooks/stripe", ({ request }) => webhookAction({ request, params: {}, context: {} })));
});

function checkoutParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 2_000, product_data: { name: "Gift" } } }],
    success_url: "http://localhost:3000/give/thank-you?session_id={CHECKOUT_SESSION_ID}",
    ...overrides,
  };
}

async function stripeError(run: () => Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error("expected Stripe to refuse the request");
}

describe("expandable fields", () => {
  it("are ids unless the request expands them, one level or several", async () => {
    const { events } = await giveThroughSandbox(campaign.slug, { amount: 2_500, email: "expand@example.org" });
    const intentId = String(carried<Stripe.Checkout.Session>(events[0]!).payment_intent);
    const plain = await stripe().paymentIntents.retrieve(intentId);
    expect(typeof plain.latest_charge).toBe("string");
    const expanded = await stripe().paymentIntents.retrieve(intentId, { expand: ["latest_charge.balance_transaction"] });
    const charge = expanded.latest_charge as Stripe.Charge;
    expect(charge.object).toBe("charge");
    expect((charge.balance_transaction as Stripe.BalanceTransaction).object).toBe("balance_transaction");
    expect(typeof charge.payment_intent).toBe("string");
  });

  it("include an invoice's payments only when expanded, and refuse what cannot be expanded", async () => {
    const { events } = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 1_500, email: "payments@example.org" });
    const invoicePaid = events.find((e) => e.type === "invoice.paid")!;
    const invoiceId = carried<Stripe.Invoice>(invoicePaid).id;
    expect(carried<Stripe.Invoice>(invoicePaid)).not.toHaveProperty("payments");
    expect(await stripe().invoices.retrieve(invoiceId)).not.toHaveProperty("payments");

    const withPayments = await stripe().invoices.retrieve(invoiceId, { expand: ["payments.data.payment.payment_intent"] });
    const payment = withPayments.payments!.data[0]!;
    expect(payment).toMatchObject({ object: "invoice_payment", status: "paid", invoice: invoiceId });
    expect((payment.payment.payment_intent as Stripe.PaymentIntent).status).toBe("succeeded");
    expect(typeof withPayments.parent?.subscription_details?.subscription).toBe("string");

    const refused = await stripeError(() => stripe().invoices.retrieve(invoiceId, { expand: ["currency"] }));
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(refused).toMatchObject({ statusCode: 400, param: "expand" });
  });
});

describe("errors", () => {
  it("have Stripe's shapes and statuses: 404 resource_missing, 400 for a missing customer", async () => {
    const missing = await stripeError(() => stripe().charges.retrieve("ch_doesnotexist123"));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id", type: "StripeInvalidRequestError" });
    expect(missing.message).toBe("No such charge: 'ch_doesnotexist123'");
    expect(missing.doc_url).toBe("https://stripe.com/docs/error-codes/resource-missing");

    const noCustomer = await stripeError(() => stripe().checkout.sessions.create(checkoutParams({ customer: "cus_gone12345" })));
    expect(noCustomer).toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer" });
  });

  it("402, 409, 429 and 500 from faults set in the sandbox dashboard, as the SDK's own error classes", async () => {
    const cases: Array<[Parameters<typeof addFault>[0]["kind"], number, unknown]> = [
      ["card_declined", 402, Stripe.errors.StripeCardError],
      ["conflict", 409, Stripe.errors.StripeAPIError],
      ["rate_limit", 429, Stripe.errors.StripeRateLimitError],
      ["api_error", 500, Stripe.errors.StripeAPIError],
    ];
    for (const [kind, status, errorClass] of cases) {
      await addFault({ method: "GET", path: "/v1/customers", kind, remaining: 1 });
      const customer = await stripe().customers.create({ email: `${kind}@example.org` });
      const error = await stripeError(() => stripe().customers.retrieve(customer.id));
      expect(error).toBeInstanceOf(errorClass);
      expect(error.statusCode).toBe(status);
      // Used up: the next request is answered normally.
      expect((await stripe().customers.retrieve(customer.id)).id).toBe(customer.id);
    }
  });
});

describe("idempotency", () => {
  it("replays the first answer for a key, errors included, and refuses the key with other parameters", async () => {
    await addFault({ method: "POST", path: "/v1/checkout/sessions", kind: "api_error", remaining: 1 });
    const first = await stripeError(() => stripe().checkout.sessions.create(checkoutParams(), { idempotencyKey: "key-with-error" }));
    expect(first.statusCode).toBe(500);
    const replayed = await stripeError(() => stripe().checkout.sessions.create(checkoutParams(), { idempotencyKey: "key-with-error" }));
    expect(replayed).toMatchObject({ statusCode: 500, message: first.message });

    const session = await stripe().checkout.sessions.create(checkoutParams(), { idempotencyKey: "key-one" });
    expect((await stripe().checkout.sessions.create(checkoutParams(), { idempotencyKey: "key-one" })).id).toBe(session.id);
    const changed = await stripeError(() =>
      stripe().checkout.sessions.create(checkoutParams({ client_reference_id: "other" }), { idempotencyKey: "key-one" }),
    );
    expect(changed).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(changed).toMatchObject({ statusCode: 400, rawType: "idempotency_error" });
  });

  it("does not keep answers that never started (400 invalid parameters, 429), so the key can be used again", async () => {
    const invalid = await stripeError(() =>
      stripe().checkout.sessions.create(checkoutParams({ line_items: [] }), { idempotencyKey: "key-invalid" }),
    );
    expect(invalid.statusCode).toBe(400);
    expect((await stripe().checkout.sessions.create(checkoutParams(), { idempotencyKey: "key-invalid" })).object).toBe("checkout.session");
  });

  it("answers 409 to a second request while the first with the key is still running", async () => {
    const request = () =>
      new Request("https://api.stripe.com/v1/customers", {
        method: "POST",
        headers: { "idempotency-key": "key-in-flight" },
        body: "email=a%40example.org",
      });
    let release!: () => void;
    const slow = withIdempotency(request(), () => new Promise<Response>((resolve) => (release = () => resolve(apiError()))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await withIdempotency(request(), async () => new Response("{}"));
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { type: string } }).error.type).toBe("idempotency_error");
    release();
    expect((await slow).status).toBe(500);
  });
});

describe("customers", () => {
  it("are made by Checkout in subscription mode, and in payment mode only with customer_creation: always", async () => {
    const guest = await giveThroughSandbox(campaign.slug, { amount: 2_000, email: "guest.rule@example.org" });
    expect(carried<Stripe.Checkout.Session>(guest.events[0]!).customer).toBeNull();
    const monthly = await giveThroughSandbox(campaign.slug, { frequency: "monthly", email: "sub.rule@example.org" });
    expect(carried<Stripe.Checkout.Session>(monthly.events[0]!).customer).toMatch(/^cus_/);

    const always = await stripe().checkout.sessions.create(
      checkoutParams({ customer_creation: "always", customer_email: "always@example.org" }),
    );
    expect(always.customer_creation).toBe("always");
    const { paySandboxSession } = await import("~/payments/sandbox/checkout.server");
    const paid = await paySandboxSession(always.id, { email: "always@example.org", name: "Always", cardNumber: "4242424242424242" });
    if (!paid.ok) throw new Error(paid.message);
    expect(carried<Stripe.Checkout.Session>(paid.events[0]!).customer).toMatch(/^cus_/);
  });
});

describe("a Checkout Session nobody pays", () => {
  it("expires through the API with checkout.session.expired, and the pledge is marked abandoned", async () => {
    const { sessionId } = await startCheckout(campaign.slug, { amount: 4_000, email: "abandoned@example.org" });
    const expired = await stripe().checkout.sessions.expire(sessionId);
    expect(expired).toMatchObject({ status: "expired", url: null });
    expect((await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } })).status).toBe("expired");
    const again = await stripeError(() => stripe().checkout.sessions.expire(sessionId));
    expect(again.statusCode).toBe(400);
  });

  it("expires by itself after 24 hours; a pledge that moved on to a newer session is left alone", async () => {
    const first = await startCheckout(campaign.slug, { amount: 4_000, email: "later@example.org" });
    const events = await expireDueSessions(Math.floor(Date.now() / 1000) + 25 * 3600);
    const mine = events.filter((e) => carried<Stripe.Checkout.Session>(e).id === first.sessionId);
    expect(mine.map((e) => e.type)).toEqual(["checkout.session.expired"]);
    const pledge = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: first.sessionId } });
    // The donor came back and the pledge has another session now: the old one's expiry changes nothing.
    await db().pledge.update({ where: { id: pledge.id }, data: { checkoutSessionId: "cs_test_newersession123" } });
    expect((await deliver(mine[0]!)).status).toBe(200);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("open");
  });
});

describe("API versions", () => {
  it("renders events at the account's version: before 2025-03-31 invoices name their subscription and payment, with no parent or payments", async () => {
    await configureSandboxAccount({ eventsApiVersion: LEGACY_API_VERSION });
    const { events } = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 1_200, email: "legacy.events@example.org" });
    for (const event of events) expect(EventSchema.safeParse(event).success).toBe(true);
    expect(events.every((e) => e.api_version === LEGACY_API_VERSION)).toBe(true);
    const invoice = carried<Record<string, unknown>>(events.find((e) => e.type === "invoice.paid")!);
    expect(invoice).not.toHaveProperty("parent");
    expect(invoice).not.toHaveProperty("payments");
    expect(invoice.subscription).toMatch(/^sub_/);
    expect(invoice.payment_intent).toMatch(/^pi_/);
    expect(invoice.paid).toBe(true);
    const subscription = carried<Record<string, unknown> & { items: { data: Array<Record<string, unknown>> } }>(
      events.find((e) => e.type === "customer.subscription.created")!,
    );
    expect(subscription.current_period_end).toEqual(expect.any(Number));
    expect(subscription.items.data[0]).not.toHaveProperty("current_period_end");

    // The API still answers the SDK at its own version, and listed events keep theirs.
    const current = await stripe().invoices.retrieve(String(invoice.id));
    expect(current.parent?.subscription_details?.subscription).toBe(invoice.subscription);
    const listed = await stripe().events.retrieve(events[0]!.id);
    expect(listed.api_version).toBe(LEGACY_API_VERSION);
  });

  it("answers a request made at an older version in that version's shape", async () => {
    const { events } = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 1_200, email: "legacy.api@example.org" });
    const invoiceId = carried<Stripe.Invoice>(events.find((e) => e.type === "invoice.paid")!).id;
    // The SDK pins its version in its types; a raw request says which version it wants, as older integrations do.
    const response = await fetch(`https://api.stripe.com/v1/invoices/${invoiceId}`, {
      headers: { authorization: "Bearer sk_test_lanternsandbox", "stripe-version": LEGACY_API_VERSION },
    });
    const legacy = (await response.json()) as Record<string, unknown>;
    expect(legacy.subscription).toMatch(/^sub_/);
    expect(legacy).not.toHaveProperty("parent");
  });

  it("keeps every object the sandbox makes parseable as Stripe's, at the current version", async () => {
    const { events } = await giveThroughSandbox(campaign.slug, { amount: 2_000, email: "shapes@example.org" });
    const session = await getObject<Stripe.Checkout.Session>(carried<Stripe.Checkout.Session>(events[0]!).id);
    expect(session).toMatchObject({ object: "checkout.session", status: "complete", payment_status: "paid", submit_type: "donate" });
    expect(events[0]!.api_version).toBe(currentApiVersion());
  });
});
