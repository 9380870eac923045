import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { apiError, rateLimited } from "~/payments/sandbox/errors";
import { withIdempotency } from "~/payments/sandbox/idempotency.server";
import { action, loader as campaignLoader } from "~/routes/_site.campaigns.$slug";
import { loader as thankYouLoader } from "~/routes/_site.give.thank-you";
import { loader as checkoutLoader } from "~/routes/_site.sandbox.checkout.$sessionId";

import { mockServer } from "../mocks/server";
import { createCampaign } from "../support/factories";
import { formRequest, loaderArgs, outcome, pageData } from "../support/requests";
import { recordStripeRequests } from "../support/stripe-requests";

type Errors = Record<string, string>;
type ActionData = { errors: Errors; values: Record<string, string> };

let slug: string;
let ipCounter = 0;
let ip: string;

beforeEach(async () => {
  const campaign = await createCampaign({ title: "Safe homes", presetAmounts: [2_500, 5_000, 10_000] });
  slug = campaign.slug;
  ip = `203.0.113.${++ipCounter}`;
});

const valid = {
  amount: "5000",
  customAmount: "",
  frequency: "once",
  name: "Ada Donor",
  email: "Ada@Example.org",
  dedicationKind: "",
  dedicationName: "",
  comment: "",
  website: "",
};

async function give(fields: Record<string, string>, clientIp = ip) {
  const result = await action({
    request: formRequest(`/campaigns/${slug}`, fields),
    params: { slug },
    context: { clientIp },
  });
  return outcome<ActionData>(result);
}

async function pledgeCount() {
  return db().pledge.count();
}

describe("the donation form's validation", () => {
  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ["no amount chosen", { amount: "" }, "amount", /Choose an amount/],
    ["other amount left empty", { amount: "other", customAmount: "" }, "customAmount", /Enter the amount/],
    ["other amount not a number", { amount: "other", customAmount: "lots" }, "customAmount", /like 50 or 50.00/],
    ["other amount with three decimals", { amount: "other", customAmount: "10.001" }, "customAmount", /like 50 or 50.00/],
    ["below the minimum", { amount: "other", customAmount: "4.99" }, "customAmount", /between \$5\.00 and \$25,000\.00/],
    ["above the maximum", { amount: "other", customAmount: "25000.01" }, "customAmount", /between \$5\.00 and \$25,000\.00/],
    ["a tampered preset below the minimum", { amount: "100" }, "amount", /between/],
    ["no frequency", { frequency: "" }, "frequency", /once, monthly or yearly/],
    ["an unknown frequency", { frequency: "weekly" }, "frequency", /once, monthly or yearly/],
    ["no name", { name: "  " }, "name", /Enter your name/],
    ["no email", { email: "" }, "email", /Enter your email/],
    ["a malformed email", { email: "ada@" }, "email", /like name@example.org/],
    ["a dedication without a name", { dedicationKind: "memory" }, "dedicationName", /in memory of/],
    ["an unknown dedication", { dedicationKind: "rival" }, "dedicationKind", /kind of dedication/],
    ["a comment over 500 characters", { comment: "x".repeat(501) }, "comment", /500 characters/],
  ];

  it.each(cases)("refuses %s with a message on that field and keeps the values", async (_name, change, field, message) => {
    const before = await pledgeCount();
    const result = await give({ ...valid, ...change });
    expect(result.status).toBe(422);
    expect(result.data?.errors[field]).toMatch(message);
    expect(result.data?.values.name).toBe({ ...valid, ...change }.name);
    expect(result.data?.values.email).toBe({ ...valid, ...change }.email);
    expect(await pledgeCount()).toBe(before);
  });

  it("reports several problems at once", async () => {
    const result = await give({ ...valid, name: "", email: "nope", amount: "" });
    expect(Object.keys(result.data?.errors ?? {}).sort()).toEqual(["amount", "email", "name"]);
  });

  it("refuses a filled-in honeypot without storing anything or calling Stripe", async () => {
    const recorder = recordStripeRequests();
    const before = await pledgeCount();
    const result = await give({ ...valid, website: "https://spam.example" });
    recorder.stop();
    expect(result.status).toBe(400);
    expect(result.data?.errors.form).toBeTruthy();
    expect(await pledgeCount()).toBe(before);
    expect(recorder.requests).toHaveLength(0);
  });
});

describe("giving once", () => {
  it("stores a pledge and answers 303 to Checkout with the parameters Stripe expects", async () => {
    const recorder = recordStripeRequests();
    const result = await give({ ...valid, anonymous: "on", dedicationKind: "honour", dedicationName: "Grace", comment: "For Grace" });
    recorder.stop();

    expect(result.status).toBe(303);
    const location = result.headers.get("location") ?? "";
    expect(location).toMatch(/^http:\/\/localhost:3000\/sandbox\/checkout\/cs_test_/);
    expect(result.headers.get("set-cookie")).toMatch(/^lantern_gifts=/);

    const pledge = await db().pledge.findFirstOrThrow({ where: { campaign: { slug } } });
    expect(pledge).toMatchObject({
      frequency: "once",
      amount: 5_000,
      coveredFee: 0,
      currency: "USD",
      email: "ada@example.org",
      name: "Ada Donor",
      anonymous: true,
      dedicationKind: "honour",
      dedicationName: "Grace",
      comment: "For Grace",
      status: "open",
    });
    expect(location.endsWith(pledge.checkoutSessionId ?? "missing")).toBe(true);

    const create = recorder.requests.find((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
    expect(create?.idempotencyKey).toMatch(new RegExp(`^checkout-${pledge.id}-0-[A-Za-z0-9_-]{24}$`));
    expect(create?.body).toMatchObject({
      mode: "payment",
      submit_type: "donate",
      customer_email: "ada@example.org",
      client_reference_id: pledge.id,
      line_items: [{ quantity: "1", price_data: { currency: "usd", unit_amount: "5000", product_data: { name: "Gift to Safe homes" } } }],
      metadata: { pledge_id: pledge.id, campaign_slug: slug },
      payment_intent_data: { metadata: { pledge_id: pledge.id, campaign_slug: slug } },
      success_url: "http://localhost:3000/give/thank-you?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: `http://localhost:3000/campaigns/${slug}?pledge=${pledge.id}#give`,
    });
    expect(create?.body).not.toHaveProperty("subscription_data");
  });

  it("adds exactly the covered fee to the charge", async () => {
    const recorder = recordStripeRequests();
    const result = await give({ ...valid, amount: "other", customAmount: "50.00", coverFee: "on" });
    recorder.stop();
    expect(result.status).toBe(303);
    const pledge = await db().pledge.findFirstOrThrow({ where: { campaign: { slug } } });
    // ceil((5000 + 30) / (1 - 0.022)) = 5144, so the fee is 144.
    expect(pledge).toMatchObject({ amount: 5_000, coveredFee: 144 });
    const create = recorder.requests.find((r) => r.path === "/v1/checkout/sessions");
    expect(create?.body).toMatchObject({ line_items: [{ price_data: { unit_amount: "5144" } }] });
  });
});

describe("giving monthly", () => {
  it("opens a subscription Checkout with an inline monthly price and the pledge on the subscription", async () => {
    const recorder = recordStripeRequests();
    const result = await give({ ...valid, frequency: "monthly", amount: "2500" });
    recorder.stop();
    expect(result.status).toBe(303);
    const pledge = await db().pledge.findFirstOrThrow({ where: { campaign: { slug } } });
    const create = recorder.requests.find((r) => r.path === "/v1/checkout/sessions");
    expect(create?.idempotencyKey).toContain(pledge.id);
    expect(create?.body).toMatchObject({
      mode: "subscription",
      line_items: [
        {
          price_data: {
            currency: "usd",
            unit_amount: "2500",
            recurring: { interval: "month" },
            product_data: { name: "Monthly gift to Safe homes" },
          },
        },
      ],
      subscription_data: { metadata: { pledge_id: pledge.id, campaign_slug: slug } },
      metadata: { pledge_id: pledge.id },
    });
    expect(create?.body).not.toHaveProperty("payment_intent_data");
    // The button says "Donate" for monthly gifts too (submit_type is allowed in subscription mode).
    expect(create?.body).toMatchObject({ submit_type: "donate" });
    const sessionId = (result.headers.get("location") ?? "").split("/").pop() ?? "";
    const page = await checkoutLoader(loaderArgs(`/sandbox/checkout/${sessionId}`, { sessionId }));
    expect(page.session.submitLabel).toBe("Donate monthly (sandbox)");
  });
});

describe("when Stripe fails", () => {
  afterEach(() => mockServer.resetHandlers());

  const CHECKOUT = "https://api.stripe.com/v1/checkout/sessions";

  /** Stripe answers with an error and, as Stripe does, keeps that answer for the request's idempotency key. */
  function keptError(failure: () => Response) {
    return http.post(CHECKOUT, ({ request }) => withIdempotency(request, async () => failure()), { once: true });
  }

  it.each([
    ["an API error", () => keptError(() => apiError("Something went wrong on Stripe's end.")), "new key"],
    ["a rate limit", () => keptError(() => rateLimited()), "new key"],
    ["a dropped connection", () => http.post(CHECKOUT, () => HttpResponse.error(), { once: true }), "same key"],
  ] as const)(
    "after %s the donor sees a calm message, keeps their values, and the retry gets a Checkout",
    async (_name, failure, expectedKey) => {
      const firstAttempt = recordStripeRequests();
      mockServer.use(failure());
      const first = await give({ ...valid, coverFee: "on" });
      firstAttempt.stop();
      expect(first.status).toBe(502);
      expect(first.data?.errors.form).toMatch(/nothing was charged/);
      expect(first.data?.values).toMatchObject({ name: "Ada Donor", email: "Ada@Example.org", amount: "5000", coverFee: "on" });
      const failed = await db().pledge.findFirstOrThrow({ where: { campaign: { slug } } });
      expect(failed.status).toBe("checkout_failed");
      expect(failed.failureReason).toBeTruthy();
      expect(first.data?.values.pledgeId).toBe(failed.id);

      const recorder = recordStripeRequests();
      const retry = await give({ ...valid, coverFee: "on", pledgeId: failed.id });
      recorder.stop();
      expect(retry.status).toBe(303);
      const firstKey = firstAttempt.requests.find((r) => r.path === "/v1/checkout/sessions")?.idempotencyKey;
      const retryKey = recorder.requests.find((r) => r.path === "/v1/checkout/sessions")?.idempotencyKey;
      expect(firstKey).toContain(failed.id);
      expect(retryKey).toContain(failed.id);
      // Stripe keeps an answered error for its key, so the retry must not send that key again; after a
      // lost connection nothing may have been kept, and the same key is what prevents a second session.
      if (expectedKey === "new key") expect(retryKey).not.toBe(firstKey);
      else expect(retryKey).toBe(firstKey);
      expect(await db().pledge.count({ where: { campaign: { slug } } })).toBe(1);
      expect((await db().pledge.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("open");
    },
  );

  it("does not reuse the earlier pledge when the donor went back and changed the amount, and is not locked out", async () => {
    mockServer.use(keptError(() => apiError()));
    const first = await give(valid);
    expect(first.status).toBe(502);
    const retry = await give({ ...valid, amount: "10000", pledgeId: first.data?.values.pledgeId ?? "" });
    expect(retry.status).toBe(303);
    expect(await db().pledge.count({ where: { campaign: { slug } } })).toBe(2);
  });

  it("sends the same pledge with other parameters under another key, so Stripe does not refuse it as an idempotency error", async () => {
    await give(valid);
    const pledge = await db().pledge.findFirstOrThrow({ where: { campaign: { slug } } });
    const { createCheckoutSession } = await import("~/payments/checkout.server");
    const { stripe } = await import("~/payments/stripe.server");
    // The donor became a Stripe customer meanwhile (another gift), so the session now names the customer.
    const customer = await stripe().customers.create({ email: pledge.email });
    const recorder = recordStripeRequests();
    const again = await createCheckoutSession(pledge, { slug, title: "Safe homes" }, customer.id);
    recorder.stop();
    expect(again.id).not.toBe(pledge.checkoutSessionId);
    expect(recorder.requests[0]?.body).toMatchObject({ customer: customer.id });
    expect(recorder.requests[0]?.idempotencyKey).toContain(pledge.id);
  });

  it("Stripe's own idempotency returns the same session for the same pledge sent again", async () => {
    await give(valid);
    const pledge = await db().pledge.findFirstOrThrow({ where: { campaign: { slug } } });
    const { createCheckoutSession } = await import("~/payments/checkout.server");
    const again = await createCheckoutSession(pledge, { slug, title: "Safe homes" });
    expect(again.id).toBe(pledge.checkoutSessionId);
  });
});

describe("the per-IP checkout limit", () => {
  it("allows 10 checkouts in 10 minutes, then refuses with a clear message", async () => {
    for (let i = 0; i < 10; i++) expect((await give(valid)).status).toBe(303);
    const refused = await give(valid);
    expect(refused.status).toBe(429);
    expect(refused.data?.errors.form).toMatch(/Too many attempts.*wait \d+ minutes?.*No payment was taken/);
    expect((await give(valid, "198.51.100.7")).status).toBe(303);
  });
});

describe("the thank-you page", () => {
  async function startGift() {
    const result = await give(valid);
    const sessionId = (result.headers.get("location") ?? "").split("/").pop() ?? "";
    const cookie = (result.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return { sessionId, cookie };
  }

  it("shows the gift, still processing, to the browser that started it", async () => {
    const { sessionId, cookie } = await startGift();
    const page = await thankYouLoader(loaderArgs(`/give/thank-you?session_id=${sessionId}`, {}, { headers: { cookie } }));
    expect(page.gift).toMatchObject({ total: "$50.00", monthly: false, status: "processing", campaign: { slug } });
  });

  it("shows a neutral page for another browser, an unknown id or a malformed id", async () => {
    const { sessionId } = await startGift();
    for (const url of [
      `/give/thank-you?session_id=${sessionId}`,
      "/give/thank-you?session_id=cs_test_doesnotexist123",
      "/give/thank-you?session_id=<script>",
      "/give/thank-you",
    ]) {
      expect((await thankYouLoader(loaderArgs(url))).gift).toBeNull();
    }
  });
});

describe("coming back from Checkout's cancel link", () => {
  it("fills the form in again from the pledge, in the browser that started it", async () => {
    const started = await give({ ...valid, amount: "other", customAmount: "42.50", frequency: "monthly", comment: "Keep going" });
    const cookie = (started.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const pledge = await db().pledge.findFirstOrThrow({ where: { campaign: { slug } } });
    const page = pageData(await campaignLoader(loaderArgs(`/campaigns/${slug}?pledge=${pledge.id}`, { slug }, { headers: { cookie } })));
    expect(page.prefill).toMatchObject({
      amount: "other",
      customAmount: "42.50",
      frequency: "monthly",
      name: "Ada Donor",
      email: "ada@example.org",
      comment: "Keep going",
    });
  });

  it("ignores a malformed or unknown pledge id", async () => {
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000"]) {
      expect(pageData(await campaignLoader(loaderArgs(`/campaigns/${slug}?pledge=${id}`, { slug }))).prefill).toEqual({});
    }
  });
});

describe("every problem at once", () => {
  it("reports the amount and dedication problems alongside other field errors", async () => {
    const result = await give({ ...valid, amount: "other", customAmount: "2", email: "", dedicationKind: "memory" });
    expect(result.status).toBe(422);
    expect(Object.keys(result.data?.errors ?? {}).sort()).toEqual(["customAmount", "dedicationName", "email"]);
  });
});
