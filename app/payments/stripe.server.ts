import Stripe from "stripe";

import { env } from "~/utils/env.server";

/** The key the SDK uses in sandbox mode; its requests never leave the process. */
export const SANDBOX_SECRET_KEY = "sk_test_lanternsandbox";

const holder = globalThis as typeof globalThis & { __lanternStripe?: { key: string; client: Stripe } };

/** The SDK's host, port and protocol for STRIPE_API_URL (stripe-mock or a local stand-in). */
function apiHost(url: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!url) return {};
  const parsed = new URL(url);
  return { host: parsed.hostname, port: parsed.port || (parsed.protocol === "https:" ? 443 : 80), protocol: parsed.protocol === "https:" ? "https" : "http" };
}

/**
 * The Stripe client. With STRIPE_SECRET_KEY it talks to Stripe; without it
 * (sandbox mode) the same SDK code path runs and its HTTP calls are answered
 * by the local stand-in started by `startStripeSandbox()`.
 */
export function stripe(): Stripe {
  const e = env();
  const key = e.STRIPE_SECRET_KEY ?? SANDBOX_SECRET_KEY;
  const holderKey = `${key} ${e.STRIPE_API_URL ?? ""}`;
  if (holder.__lanternStripe?.key !== holderKey) {
    holder.__lanternStripe = {
      key: holderKey,
      client: new Stripe(key, {
        // Stripe retries with the same idempotency key, so retries never double-charge.
        maxNetworkRetries: e.sandbox || e.NODE_ENV === "test" ? 0 : 2,
        timeout: 15_000,
        appInfo: { name: "Lantern" },
        ...apiHost(e.STRIPE_API_URL),
      }),
    };
  }
  return holder.__lanternStripe.client;
}

/** The webhook signing secret (generated locally in sandbox mode). */
export function webhookSecret(): string {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error("STRIPE_WEBHOOK_SECRET is not configured");
  return secret;
}
