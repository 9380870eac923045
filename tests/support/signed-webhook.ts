import Stripe from "stripe";

import { TEST_WEBHOOK_SECRET } from "./test-env";

/** A POST to /webhooks/stripe signed with Stripe's own helper (no app code involved). */
export function signedWebhookRequest(
  payload: string,
  options: { secret?: string; timestamp?: number; signature?: string | null; baseUrl?: string } = {},
): Request {
  const signature =
    options.signature !== undefined
      ? options.signature
      : Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? TEST_WEBHOOK_SECRET, timestamp: options.timestamp });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["stripe-signature"] = signature;
  return new Request(`${options.baseUrl ?? "http://localhost:3000"}/webhooks/stripe`, { method: "POST", headers, body: payload });
}
