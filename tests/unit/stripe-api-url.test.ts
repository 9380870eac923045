import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { stripe } from "~/payments/stripe.server";
import { resetEnvCache } from "~/utils/env.server";

import { startFixedStripe, type FixedStripe } from "../../bench/fixed-stripe";

/**
 * STRIPE_API_URL points the real Stripe SDK at another server (stripe-mock, or
 * the benchmark's fixed objects): the SDK's own requests, expansions included,
 * reach it and nothing else.
 */
describe("the Stripe client with STRIPE_API_URL", () => {
  let fixed: FixedStripe;
  const saved = { ...process.env };

  beforeAll(async () => {
    fixed = await startFixedStripe([
      { id: "pi_fixed1", object: "payment_intent", amount: 5_000, currency: "usd", latest_charge: "ch_fixed1", metadata: {} },
      { id: "ch_fixed1", object: "charge", amount: 5_000, amount_refunded: 0, balance_transaction: "txn_fixed1" },
      { id: "txn_fixed1", object: "balance_transaction", amount: 5_000, fee: 175, currency: "usd" },
    ]);
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: "sk_test_fixedobjects",
      STRIPE_WEBHOOK_SECRET: "whsec_fixedobjects",
      STRIPE_API_URL: fixed.url,
    });
    resetEnvCache();
  });

  afterAll(async () => {
    for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_URL"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetEnvCache();
    await fixed.stop();
  });

  it("reads objects from that server, with nested expansions", async () => {
    const intent = await stripe().paymentIntents.retrieve("pi_fixed1", { expand: ["latest_charge.balance_transaction"] });
    expect(intent.amount).toBe(5_000);
    expect(intent.latest_charge).toMatchObject({ id: "ch_fixed1", balance_transaction: { id: "txn_fixed1", fee: 175 } });
    expect(fixed.answered()).toEqual({ found: 1, missing: 0 });
  });

  it("gets Stripe's error for an object it does not hold", async () => {
    const error = await stripe()
      .charges.retrieve("ch_unknown")
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ type: "StripeInvalidRequestError", statusCode: 404, code: "resource_missing" });
    expect(fixed.answered()).toEqual({ found: 1, missing: 1 });
  });
});
