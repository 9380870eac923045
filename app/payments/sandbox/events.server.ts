import Stripe from "stripe";

import { sandboxAccount } from "~/payments/sandbox/account.server";
import { renderAtVersion } from "~/payments/sandbox/api-versions.server";
import { eventObject, type EventContent } from "~/payments/sandbox/objects/event";
import { sandboxId, saveObject, type StripeObject } from "~/payments/sandbox/store.server";
import { webhookSecret } from "~/payments/stripe.server";
import { env } from "~/utils/env.server";

/**
 * The events the sandbox sends, as Stripe makes them (a snapshot of the
 * object at that moment, rendered at the account's API version, kept for the
 * events list) and delivers them (signed, to the webhook endpoint, one after
 * the other).
 */
export type SandboxEvent = StripeObject & {
  object: "event";
  type: string;
  created: number;
  api_version: string | null;
  data: { object: StripeObject };
};

export async function newEvent(content: EventContent): Promise<SandboxEvent> {
  const { eventsApiVersion } = await sandboxAccount();
  const current = eventObject({ id: sandboxId("evt", false), apiVersion: eventsApiVersion, content });
  // The stored event is what an endpoint at the account's version receives (and what the events list returns).
  const rendered: SandboxEvent = {
    id: current.id,
    object: "event",
    api_version: current.api_version,
    created: current.created,
    data: { object: await renderAtVersion(current.data.object, eventsApiVersion) },
    livemode: current.livemode,
    pending_webhooks: current.pending_webhooks,
    request: current.request,
    type: current.type,
  };
  return saveObject(rendered);
}

/** Several events in the order Stripe sends them. */
export async function newEvents(...contents: EventContent[]): Promise<SandboxEvent[]> {
  const events: SandboxEvent[] = [];
  for (const content of contents) events.push(await newEvent(content));
  return events;
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
export async function deliverEvents(events: SandboxEvent[], url = sandboxWebhookUrl()): Promise<number[]> {
  const statuses: number[] = [];
  for (const item of events) {
    const payload = JSON.stringify(item);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret() });
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "stripe-signature": signature,
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body: payload,
      });
      statuses.push(response.status);
      if (!response.ok) console.warn(`Sandbox: ${item.type} ${item.id} delivery answered ${response.status}`);
    } catch (error) {
      statuses.push(0);
      console.warn(`Sandbox: ${item.type} ${item.id} could not be delivered:`, error);
    }
  }
  return statuses;
}
