import { setupServer } from "msw/node";

import { stripeSandboxHandlers } from "~/payments/sandbox/api.server";

/**
 * Sandbox mode: answer the Stripe SDK's HTTP calls in-process. Refuses to
 * start when a Stripe key is configured, so sandbox mode can never be on
 * next to a live (or test) key.
 */
export function startStripeSandbox(): () => void {
  if (process.env.STRIPE_SECRET_KEY?.trim()) {
    throw new Error("Stripe sandbox refused: STRIPE_SECRET_KEY is set, so payments go to Stripe.");
  }
  const server = setupServer(...stripeSandboxHandlers);
  server.listen({ onUnhandledRequest: "bypass" });
  return () => server.close();
}
