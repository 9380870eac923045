import { feesInGiftCurrency, type GiftFees } from "~/payments/settlement";
import { stripe } from "~/payments/stripe.server";

import {
  BalanceTransactionSchema,
  ChargeSchema,
  DisputeSchema,
  InvoiceSchema,
  PaymentIntentSchema,
  SubscriptionSchema,
  type Charge,
  type Invoice,
  type Subscription,
} from "~/payments/events/schemas.server";

/**
 * Reads the current state of Stripe objects. Events are applied from what
 * Stripe says now, not from the (possibly stale) copy inside the event, which
 * is what makes the ledger independent of delivery order.
 */
export interface PaymentDetails {
  paymentIntentId: string;
  customerId: string | null;
  metadata: Record<string, string>;
  amount: number;
  currency: string;
  charge: {
    id: string;
    /** When the charge was made: for a card, when the money was paid. */
    createdAt: Date | null;
    amountRefunded: number;
    /** Stripe's fee in the gift's currency, and the balance transaction as settled. */
    fees: GiftFees;
    brand: string | null;
    last4: string | null;
  } | null;
}

export async function paymentDetails(paymentIntentId: string): Promise<PaymentDetails> {
  const raw = await stripe().paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge.balance_transaction"] });
  const intent = PaymentIntentSchema.parse(raw);
  const charge = typeof intent.latest_charge === "object" && intent.latest_charge ? intent.latest_charge : null;
  return {
    paymentIntentId: intent.id,
    customerId: intent.customer ?? null,
    metadata: intent.metadata,
    amount: intent.amount_received ?? intent.amount,
    currency: intent.currency,
    charge: charge ? chargeSummary(charge) : null,
  };
}

function chargeSummary(charge: Charge): NonNullable<PaymentDetails["charge"]> {
  // An id (not expanded) or null means the fee is not known yet; it is filled in by a later event.
  const balance = BalanceTransactionSchema.safeParse(charge.balance_transaction);
  const figures = balance.success
    ? {
        currency: balance.data.currency,
        amount: balance.data.amount,
        fee: balance.data.fee,
        net: balance.data.net,
        exchangeRate: balance.data.exchange_rate ?? null,
      }
    : null;
  return {
    id: charge.id,
    createdAt: charge.created ? new Date(charge.created * 1000) : null,
    amountRefunded: charge.amount_refunded,
    fees: feesInGiftCurrency(figures, charge.currency),
    ...paymentMethod(charge),
  };
}

/** What the receipt says the donor paid with: a card's brand, or the kind of bank debit, and the last four digits. */
function paymentMethod(charge: Charge): { brand: string | null; last4: string | null } {
  const details = charge.payment_method_details;
  if (details?.card) return { brand: details.card.brand ?? null, last4: details.card.last4 ?? null };
  if (details?.us_bank_account) return { brand: "bank account (ACH)", last4: details.us_bank_account.last4 ?? null };
  if (details?.sepa_debit) return { brand: "bank account (SEPA)", last4: details.sepa_debit.last4 ?? null };
  return { brand: null, last4: null };
}

export async function currentCharge(chargeId: string): Promise<Charge> {
  return ChargeSchema.parse(await stripe().charges.retrieve(chargeId));
}

export async function currentSubscription(subscriptionId: string): Promise<Subscription> {
  return SubscriptionSchema.parse(await stripe().subscriptions.retrieve(subscriptionId));
}

export async function currentDispute(disputeId: string) {
  return DisputeSchema.parse(await stripe().disputes.retrieve(disputeId));
}

/**
 * The PaymentIntent that paid an invoice: named on the invoice itself by API
 * versions before 2025-03-31, else found among its payments, which Stripe
 * lists only when asked (`expand: ["payments"]`).
 */
export async function invoicePaymentIntentId(invoice: Invoice): Promise<string | null> {
  const named = paidIntent(invoice) ?? invoice.payment_intent ?? null;
  if (named) return named;
  return paidIntent(InvoiceSchema.parse(await stripe().invoices.retrieve(invoice.id, { expand: ["payments"] })));
}

function paidIntent(invoice: Invoice): string | null {
  const payments = invoice.payments?.data ?? [];
  const paid = payments.find((p) => p.status === "paid") ?? payments[0];
  return paid?.payment.payment_intent ?? null;
}

/**
 * The gross of each instalment of a subscription (covered fee included), its
 * period end, the covered fee inside that gross when a change from the donor
 * portal set one (metadata `covered_fee`; otherwise the pledge's stands), and
 * until when collection is paused.
 */
export function subscriptionTerms(subscription: Subscription) {
  const item = subscription.items.data[0];
  const coveredFee = /^\d{1,9}$/.test(subscription.metadata.covered_fee ?? "") ? Number(subscription.metadata.covered_fee) : null;
  const resumesAt = subscription.pause_collection?.resumes_at;
  return {
    coveredFee,
    pausedUntil: subscription.pause_collection ? (resumesAt ? new Date(resumesAt * 1000) : null) : null,
    paused: Boolean(subscription.pause_collection),
    grossAmount: item?.price.unit_amount != null ? item.price.unit_amount * (item.quantity ?? 1) : null,
    currency: item?.price.currency ?? subscription.currency ?? "usd",
    currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
    canceledAt: subscription.canceled_at ? new Date(subscription.canceled_at * 1000) : null,
  };
}

export function toDate(unixSeconds: number | null | undefined, fallback = new Date()): Date {
  return unixSeconds ? new Date(unixSeconds * 1000) : fallback;
}
