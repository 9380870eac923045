import type Stripe from "stripe";

import { BASIL } from "~/payments/sandbox/api-version-names";
import { invoiceOfPaymentIntent, invoicePaymentsOf } from "~/payments/sandbox/invoice-payments.server";
import { getObject, type StripeObject } from "~/payments/sandbox/store.server";

/**
 * Objects as Stripe renders them at an older API version. A webhook
 * endpoint made in the dashboard receives events at the account's API
 * version, which can be older than the SDK's; listed events keep the
 * version they were made at. Before 2025-03-31 ("basil"):
 * - an invoice names its subscription at the top (`subscription`,
 *   `subscription_details`) and has no `parent`; it points at one
 *   `payment_intent` and `charge` and says `paid`, and has no `payments`;
 * - a subscription's billing period is on the subscription itself
 *   (`current_period_start`/`_end`), not on its items;
 * - a PaymentIntent and a charge name the `invoice` they paid.
 * Only these differences matter to Lantern's handlers; the rest is kept.
 */

export function isBeforeBasil(apiVersion: string): boolean {
  return apiVersion.slice(0, 10) < BASIL;
}

type Rendered = StripeObject;

async function legacyInvoice(invoice: Stripe.Invoice): Promise<Rendered> {
  const { parent, payments: _payments, ...rest } = invoice;
  const paid = (await invoicePaymentsOf(invoice.id)).find((p) => p.status === "paid");
  const paymentIntent = paid?.payment.payment_intent ?? null;
  const intentId = typeof paymentIntent === "string" ? paymentIntent : (paymentIntent?.id ?? null);
  const intent = intentId ? await getObject<Stripe.PaymentIntent>(intentId) : null;
  return {
    ...rest,
    subscription: parent?.subscription_details?.subscription ?? null,
    subscription_details: { metadata: parent?.subscription_details?.metadata ?? {} },
    quote: parent?.quote_details?.quote ?? null,
    payment_intent: intentId,
    charge: intent?.latest_charge ?? null,
    paid: invoice.status === "paid",
    paid_out_of_band: false,
  };
}

function legacySubscription(subscription: Stripe.Subscription): Rendered {
  const first = subscription.items.data[0];
  return {
    ...subscription,
    current_period_start: first?.current_period_start ?? subscription.start_date,
    current_period_end: first?.current_period_end ?? subscription.start_date,
    items: {
      ...subscription.items,
      data: subscription.items.data.map(({ current_period_start: _start, current_period_end: _end, ...item }) => item),
    },
  };
}

/** `object` as Stripe would render it at `apiVersion` (unchanged at the pinned version or later). */
export async function renderAtVersion(object: Stripe.Event["data"]["object"] | StripeObject, apiVersion: string): Promise<Rendered> {
  const plain = object as StripeObject;
  if (!isBeforeBasil(apiVersion)) return plain;
  switch (plain.object) {
    case "invoice":
      return legacyInvoice(object as Stripe.Invoice);
    case "subscription":
      return legacySubscription(object as Stripe.Subscription);
    case "payment_intent":
      return { ...plain, invoice: await invoiceOfPaymentIntent(plain.id) };
    case "charge":
      return { ...plain, invoice: await invoiceOfPaymentIntent(typeof plain.payment_intent === "string" ? plain.payment_intent : null) };
    default:
      return plain;
  }
}
