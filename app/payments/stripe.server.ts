import Stripe from "stripe";

import { env } from "~/utils/env.server";

/** The key the SDK uses in sandbox mode; its requests never leave the process. */
export const SANDBOX_SECRET_KEY = "sk_test_lanternsandbox";

const holder = globalThis as typeof globalThis & { __lanternStripe?: { key: string; client: Stripe } };

/**
 * Where the SDK sends its requests when STRIPE_API_URL names another
 * Stripe-compatible server (stripe-mock, a local stand-in): its protocol,
 * host and port. The SDK keeps its own paths (/v1/...).
 */
export function apiAddress(apiUrl: string | undefined): { protocol: "http" | "https"; host: string; port: number } | null {
  if (!apiUrl) return null;
  const url = new URL(apiUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { protocol, host: url.hostname, port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443 };
}

/**
 * The Stripe client. With STRIPE_SECRET_KEY it talks to Stripe, or to the
 * server STRIPE_API_URL names (test keys only); without a key (sandbox mode)
 * the same SDK code path runs and its HTTP calls are answered by the local
 * stand-in started by `startStripeSandbox()`.
 */
export function stripe(): Stripe {
  const e = env();
  const key = e.STRIPE_SECRET_KEY ?? SANDBOX_SECRET_KEY;
  const address = e.STRIPE_SECRET_KEY ? apiAddress(e.STRIPE_API_URL) : null;
  const identity = `${key} ${e.STRIPE_API_URL ?? ""}`;
  if (holder.__lanternStripe?.key !== identity) {
    holder.__lanternStripe = {
      key: identity,
      client: new Stripe(key, {
        // Stripe retries with the same idempotency key, so retries never double-charge.
        maxNetworkRetries: e.sandbox || e.NODE_ENV === "test" ? 0 : 2,
        timeout: 15_000,
        appInfo: { name: "Lantern" },
        ...(address ?? {}),
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
