import Stripe from "stripe";

import { describeDatabaseError, isDatabaseUnavailable } from "~/db/unavailable.server";
import { claimEvent, inEventTransaction, isEventProcessed, markProcessed, recordEventFailure } from "~/payments/stripe-events.data.server";
import { checkoutEvents } from "~/payments/events/checkout-events.server";
import { expiredCheckoutEvents } from "~/payments/events/checkout-expired.server";
import { disputeEvents, refundEvents } from "~/payments/events/charge-events.server";
import type { EventHandler } from "~/payments/events/handler.server";
import { invoiceEvents } from "~/payments/events/invoice-events.server";
import { EventSchema, type ParsedEvent } from "~/payments/events/schemas.server";
import { subscriptionEvents } from "~/payments/events/subscription-events.server";
import { webhookSecret } from "~/payments/stripe.server";
import { receiptContext } from "~/email/receipts.data.server";

/** Stripe's default tolerance for a signature's timestamp. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const HANDLERS: EventHandler<unknown>[] = [
  checkoutEvents,
  expiredCheckoutEvents,
  invoiceEvents,
  subscriptionEvents,
  refundEvents,
  disputeEvents,
] as EventHandler<unknown>[];

/** Every event type the ledger listens to (the webhook endpoint's subscription in Stripe). */
export const HANDLED_EVENT_TYPES = HANDLERS.flatMap((handler) => handler.types);

function handlerFor(type: string): EventHandler<unknown> | undefined {
  return HANDLERS.find((handler) => handler.types.includes(type));
}

/**
 * What a refused delivery is told: a fixed text per reason. The SDK's and the
 * JSON parser's own messages (which quote the body and explain how signing
 * works) go to the server's log only, as `detail`.
 */
export const WEBHOOK_REFUSALS = {
  missingSignature: "Missing Stripe-Signature header",
  badSignature: "Invalid signature",
  notAnEvent: "The body is not a Stripe event",
} as const;

export type Verified = { ok: true; event: ParsedEvent } | { ok: false; message: string; detail?: string };

/** Checks the Stripe-Signature of the raw body and that the body is an event. */
export function verifyWebhook(rawBody: string, signature: string | null, now?: number): Verified {
  if (!signature) return { ok: false, message: WEBHOOK_REFUSALS.missingSignature };
  // The SDK reports an empty body as a signature failure; it is simply not an event.
  if (rawBody === "") return { ok: false, message: WEBHOOK_REFUSALS.notAnEvent };
  let payload: unknown;
  try {
    // The SDK's own verification (HMAC-SHA256 of "timestamp.body", constant-time compare).
    payload = Stripe.webhooks.constructEvent(rawBody, signature, webhookSecret(), SIGNATURE_TOLERANCE_SECONDS, undefined, now);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // A correct signature over a body that is not JSON fails in the SDK's JSON.parse.
    const badSignature = error instanceof Stripe.errors.StripeSignatureVerificationError;
    return { ok: false, message: badSignature ? WEBHOOK_REFUSALS.badSignature : WEBHOOK_REFUSALS.notAnEvent, detail };
  }
  const parsed = EventSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: WEBHOOK_REFUSALS.notAnEvent };
  return { ok: true, event: parsed.data };
}

export type Received = { outcome: "applied"; summary: string } | { outcome: "duplicate" } | { outcome: "ignored"; reason: string };

/**
 * Applies one event to the ledger exactly once: the event id is claimed and
 * its effects written in one transaction. A failure rolls the effects back,
 * records the error against the event and is re-thrown (so Stripe retries).
 * Used by the webhook endpoint and by reconciliation alike.
 */
export async function receiveEvent(event: ParsedEvent): Promise<Received> {
  const handler = handlerFor(event.type);
  if (!handler) {
    console.info(`Stripe event ${event.id} (${event.type}) is not one Lantern uses; acknowledged.`);
    return { outcome: "ignored", reason: `unhandled type ${event.type}` };
  }
  // A cheap early answer for redeliveries; the claim below is what guarantees it.
  if (await isEventProcessed(event.id)) return { outcome: "duplicate" };

  try {
    const prepared = await handler.prepare(event);
    const context = await receiptContext();
    return await inEventTransaction(async (tx) => {
      const claim = await claimEvent(tx, event);
      if (claim === "duplicate") return { outcome: "duplicate" } as const;
      const summary = prepared === null ? "not a Lantern gift" : await handler.apply(tx, prepared, event, context);
      if (claim === "retry") await markProcessed(tx, event.id);
      return { outcome: "applied", summary } as const;
    });
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await recordEventFailure(event, message).catch((recordError: unknown) =>
      console.error(
        `Could not record the failure of Stripe event ${event.id}:`,
        isDatabaseUnavailable(recordError) ? describeDatabaseError(recordError) : recordError,
      ),
    );
    throw error;
  }
}
