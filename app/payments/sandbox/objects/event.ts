import type Stripe from "stripe";

/**
 * What distinguishes one event from another: its type and the object its
 * `data` carries, paired as the SDK's types pair them (an `invoice.paid`
 * carries a Stripe.Invoice, a `charge.dispute.created` a Stripe.Dispute ...).
 */
export type EventContent = Stripe.Event extends infer E ? (E extends Stripe.Event ? Pick<E, "type" | "data"> : never) : never;

/** An event at the pinned API version, as Stripe makes it: a snapshot of the object at that moment. */
export function eventObject(input: { id: string; apiVersion: string; content: EventContent }): Stripe.Event {
  // A snapshot through JSON, as Stripe sends it (Decimal fields become strings there too).
  const snapshot: EventContent = JSON.parse(JSON.stringify(input.content));
  const event: Stripe.Event = {
    id: input.id,
    object: "event",
    api_version: input.apiVersion,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    ...snapshot,
  };
  return event;
}
