import Stripe from "stripe";

import { sandboxId, type StripeObject } from "~/payments/sandbox/store.server";
import { stripe, webhookSecret } from "~/payments/stripe.server";
import { env } from "~/utils/env.server";

/**
 * The events the sandbox sends, as Stripe makes them (a snapshot of the
 * object at that moment) and delivers them (signed, to the webhook endpoint,
 * one after the other).
 */
const now = () => Math.floor(Date.now() / 1000);

export function event(type: string, object: StripeObject): StripeObject {
  return {
    id: sandboxId("evt", false),
    object: "event",
    api_version: stripe().getApiField("version") ?? null,
    created: now(),
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** Where the sandbox delivers events: this same server's webhook endpoint. */
export function sandboxWebhookUrl(): string {
  const e = env();
  const host = e.HOST === "0.0.0.0" || e.HOST === "::" ? "127.0.0.1" : e.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${e.PORT}/webhooks/stripe`;
}

/**
 * Posts each event, signed as Stripe signs them, one after the other.
 * A failed delivery is logged and left for reconciliation, as with Stripe.
 */
export async function deliverEvents(events: StripeObject[], url = sandboxWebhookUrl()): Promise<number[]> {
  const statuses: number[] = [];
  for (const item of events) {
    const payload = JSON.stringify(item);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret() });
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature, "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
        body: payload,
      });
      statuses.push(response.status);
      if (!response.ok) console.warn(`Sandbox: ${item.type as string} ${item.id} delivery answered ${response.status}`);
    } catch (error) {
      statuses.push(0);
      console.warn(`Sandbox: ${item.type as string} ${item.id} could not be delivered:`, error);
    }
  }
  return statuses;
}
