import type Stripe from "stripe";

import { newEvents, type SandboxEvent } from "~/payments/sandbox/events.server";
import { recordInvoicePayment } from "~/payments/sandbox/invoice-payments.server";
import { advancedPeriod, invoiceObject } from "~/payments/sandbox/objects/billing";
import { deletedCustomerObject, SESSION_LIFETIME_SECONDS } from "~/payments/sandbox/objects/checkout";
import { disputeObject, refundObject } from "~/payments/sandbox/objects/payments";
import { chargeCardOnFile, refundBalance, settleBankDebit } from "~/payments/sandbox/payments.server";
import { getObject, listObjects, sandboxId, saveObject } from "~/payments/sandbox/store.server";
import { TEST_BANK_ACCOUNTS, TEST_CARDS } from "~/payments/sandbox/test-payment-methods";

/**
 * What staff (or Stripe itself) can do to payments outside Lantern, in the
 * sandbox: refunds (that may fail later) and disputes from the dashboard,
 * bank debits the bank answers days later, monthly renewals that succeed or
 * fail, cancellations, deleted customers, expired Checkout Sessions. Each
 * changes the stored objects the way Stripe would and returns the events
 * Stripe would send, stored for the events list (reconciliation) and ready
 * to deliver.
 */
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function mustGet<T extends { id: string; object: string }>(id: string, kind: T["object"]): Promise<T> {
  const object = await getObject<T>(id);
  if (!object || object.object !== kind) throw new Error(`No such sandbox ${kind}: ${id}`);
  return object;
}

function idOf(value: string | { id: string } | null): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

/** Stripe's test card whose refunds fail after they were made. */
function refundsFail(charge: Stripe.Charge): boolean {
  const last4 = charge.payment_method_details?.card?.last4;
  return Object.values(TEST_CARDS).some((card) => card.outcome === "refund_fails" && card.last4 === last4);
}

/** A full refund when `amount` is omitted; partial otherwise. */
export async function refundCharge(chargeId: string, amount?: number): Promise<SandboxEvent[]> {
  const charge = await mustGet<Stripe.Charge>(chargeId, "charge");
  const left = charge.amount - charge.amount_refunded;
  const refundAmount = Math.min(amount ?? left, left);
  if (refundAmount <= 0) throw new Error(`Charge ${chargeId} is already fully refunded`);
  const refundId = sandboxId("re", false);
  const balance = await refundBalance(refundId, refundAmount, charge.currency, "refund");
  const refund = await saveObject(refundObject({ id: refundId, charge, amount: refundAmount, balanceTransaction: balance.id }));
  const refunded = charge.amount_refunded + refundAmount;
  const updated = await saveObject({ ...charge, amount_refunded: refunded, refunded: refunded >= charge.amount } satisfies Stripe.Charge);
  const events = await newEvents(
    { type: "charge.refunded", data: { object: updated } },
    { type: "refund.created", data: { object: refund } },
  );
  // With Stripe's test card 4000 0000 0000 5126 the refund succeeds, then fails a while later.
  return refundsFail(charge) ? [...events, ...(await failRefund(refund.id, "failed"))] : events;
}

/**
 * A refund that fails after it was made (the card account closed, or the
 * bank sent it back) or is cancelled: Stripe marks it `failed` or
 * `canceled`, gives the money back to the balance and lowers the charge's
 * `amount_refunded` again.
 */
export async function failRefund(refundId: string, outcome: "failed" | "canceled" = "failed"): Promise<SandboxEvent[]> {
  const refund = await mustGet<Stripe.Refund>(refundId, "refund");
  if (refund.status === "failed" || refund.status === "canceled") throw new Error(`Refund ${refundId} is already ${refund.status}`);
  const charge = await mustGet<Stripe.Charge>(String(idOf(refund.charge)), "charge");
  const returned = await refundBalance(refundId, refund.amount, refund.currency, "refund_failure");
  const updatedRefund = await saveObject({
    ...refund,
    status: outcome,
    failure_reason: outcome === "failed" ? "expired_or_canceled_card" : "merchant_request",
    failure_balance_transaction: returned.id,
  } satisfies Stripe.Refund);
  await saveObject({
    ...charge,
    amount_refunded: Math.max(0, charge.amount_refunded - refund.amount),
    refunded: false,
  } satisfies Stripe.Charge);
  return newEvents(
    { type: "charge.refund.updated", data: { object: updatedRefund } },
    { type: "refund.updated", data: { object: updatedRefund } },
    ...(outcome === "failed" ? [{ type: "refund.failed" as const, data: { object: updatedRefund } }] : []),
  );
}

/**
 * A cardholder's bank questions a charge: a formal dispute (`needs_response`,
 * the money is withdrawn) or an inquiry (`warning_needs_response`, nothing
 * withdrawn yet). `amount` is what Stripe reports as disputed (the charge's
 * amount unless given); `status` starts it elsewhere (`prevented`: Stripe's
 * dispute prevention settled it before it became a chargeback).
 */
export async function openDispute(
  chargeId: string,
  options: { inquiry?: boolean; amount?: number; status?: string } = {},
): Promise<{ disputeId: string; events: SandboxEvent[] }> {
  const charge = await mustGet<Stripe.Charge>(chargeId, "charge");
  const dispute = await saveObject(
    disputeObject({
      id: sandboxId("du", false),
      charge,
      amount: options.amount ?? charge.amount,
      status: options.status ?? (options.inquiry ? "warning_needs_response" : "needs_response"),
      reason: options.inquiry ? "general" : "fraudulent",
    }),
  );
  await saveObject({ ...charge, disputed: true } satisfies Stripe.Charge);
  return { disputeId: dispute.id, events: await newEvents({ type: "charge.dispute.created", data: { object: dispute } }) };
}

/** Moves a dispute to another status (evidence under review, an inquiry escalated, ...). */
export async function updateDispute(disputeId: string, status: string): Promise<SandboxEvent[]> {
  const dispute = await saveObject({ ...(await mustGet<Stripe.Dispute>(disputeId, "dispute")), status } satisfies Stripe.Dispute);
  return newEvents({ type: "charge.dispute.updated", data: { object: dispute } });
}

/** The bank decides: a dispute is won or lost; an inquiry closes (`warning_closed`). */
export async function closeDispute(disputeId: string, outcome: "won" | "lost" | "warning_closed"): Promise<SandboxEvent[]> {
  const dispute = await saveObject({
    ...(await mustGet<Stripe.Dispute>(disputeId, "dispute")),
    status: outcome,
    is_charge_refundable: false,
  } satisfies Stripe.Dispute);
  return newEvents(
    { type: "charge.dispute.closed", data: { object: dispute } },
    ...(outcome === "won" ? [{ type: "charge.dispute.funds_reinstated" as const, data: { object: dispute } }] : []),
  );
}

/** The next month's invoice of a subscription: paid, or failed (past due). */
export async function renewSubscription(subscriptionId: string, outcome: "paid" | "failed" = "paid"): Promise<SandboxEvent[]> {
  const current = await mustGet<Stripe.Subscription>(subscriptionId, "subscription");
  const subscription = advancedPeriod(current);
  const pause = current.pause_collection;
  if (pause && (pause.resumes_at === null || pause.resumes_at > nowSeconds())) {
    // Collection is paused with behavior "void": Stripe makes the period's invoice and voids it; nothing is charged.
    const voided = await saveObject({
      ...invoiceObject({
        id: sandboxId("in", false),
        subscription,
        billingReason: "subscription_cycle",
        customerEmail: null,
        paid: false,
        lineId: sandboxId("il", false),
      }),
      status: "void",
      amount_remaining: 0,
      next_payment_attempt: null,
    } satisfies Stripe.Invoice);
    await saveObject({ ...subscription, latest_invoice: voided.id } satisfies Stripe.Subscription);
    return newEvents({ type: "invoice.voided", data: { object: voided } });
  }
  const paid = outcome === "paid";
  const invoice = await saveObject(
    invoiceObject({
      id: sandboxId("in", false),
      subscription,
      billingReason: "subscription_cycle",
      customerEmail: null,
      paid,
      lineId: sandboxId("il", false),
    }),
  );
  const customer = String(idOf(subscription.customer));
  if (!paid) {
    const pastDue = await saveObject({ ...current, status: "past_due", latest_invoice: invoice.id } satisfies Stripe.Subscription);
    return newEvents(
      { type: "invoice.payment_failed", data: { object: invoice } },
      { type: "customer.subscription.updated", data: { object: pastDue } },
    );
  }
  const { paymentIntent } = await chargeCardOnFile({
    amount: invoice.amount_due,
    currency: invoice.currency,
    customer,
    metadata: {},
    description: subscription.description,
  });
  await recordInvoicePayment(invoice, paymentIntent.id);
  const renewed = await saveObject({ ...subscription, status: "active", latest_invoice: invoice.id } satisfies Stripe.Subscription);
  return newEvents(
    { type: "invoice.paid", data: { object: invoice } },
    ...(current.status !== "active" ? [{ type: "customer.subscription.updated" as const, data: { object: renewed } }] : []),
  );
}

export function cancelSubscription(subscriptionId: string): Promise<SandboxEvent[]> {
  return endSubscription(subscriptionId, "cancellation_requested");
}

/**
 * Stripe's last retry of a failed invoice fails too and, as the account's
 * retry settings say, the subscription is cancelled: status canceled with
 * cancellation_details.reason "payment_failed", and Stripe sends
 * customer.subscription.deleted.
 */
export function endAfterFailedPayments(subscriptionId: string): Promise<SandboxEvent[]> {
  return endSubscription(subscriptionId, "payment_failed");
}

/** A subscription ended now, with Stripe's reason for it, and the event Stripe sends. */
async function endSubscription(subscriptionId: string, reason: Stripe.Subscription.CancellationDetails.Reason): Promise<SandboxEvent[]> {
  const now = nowSeconds();
  const subscription = await saveObject({
    ...(await mustGet<Stripe.Subscription>(subscriptionId, "subscription")),
    status: "canceled",
    canceled_at: now,
    ended_at: now,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason },
  } satisfies Stripe.Subscription);
  return newEvents({ type: "customer.subscription.deleted", data: { object: subscription } });
}

/** Changes the monthly amount (as staff could for a price they manage). */
export async function changeSubscriptionAmount(subscriptionId: string, unitAmount: number): Promise<SandboxEvent[]> {
  const subscription = await mustGet<Stripe.Subscription>(subscriptionId, "subscription");
  const updated = await saveObject({
    ...subscription,
    items: {
      ...subscription.items,
      data: subscription.items.data.map((item) => ({ ...item, price: { ...item.price, unit_amount: unitAmount } })),
    },
  } satisfies Stripe.Subscription);
  return newEvents({ type: "customer.subscription.updated", data: { object: updated } });
}

/** A new card on file (as the billing portal would save it). */
export async function changeSubscriptionCard(subscriptionId: string): Promise<SandboxEvent[]> {
  const subscription = await mustGet<Stripe.Subscription>(subscriptionId, "subscription");
  const updated = await saveObject({ ...subscription, default_payment_method: sandboxId("pm", false) } satisfies Stripe.Subscription);
  return newEvents({ type: "customer.subscription.updated", data: { object: updated } });
}

/** Deletes a customer, as staff can in Stripe's dashboard: Stripe then answers "No such customer" wherever it is named. */
export async function deleteCustomer(customerId: string): Promise<SandboxEvent[]> {
  const customer = await mustGet<Stripe.Customer>(customerId, "customer");
  await saveObject(deletedCustomerObject(customerId));
  return newEvents({ type: "customer.deleted", data: { object: customer } });
}

/** Bank debits still waiting for the bank, newest first. */
export async function pendingBankDebits(): Promise<Stripe.PaymentIntent[]> {
  return (await listObjects<Stripe.PaymentIntent>("payment_intent")).filter((intent) => intent.status === "processing");
}

/**
 * The bank answers a pending debit (in Stripe, days after the donor paid):
 * it succeeds, or fails, as the test account number says. The Checkout
 * Session that started it gets Stripe's delayed-payment event.
 */
export async function releaseBankDebit(paymentIntentId: string): Promise<SandboxEvent[]> {
  const intent = await mustGet<Stripe.PaymentIntent>(paymentIntentId, "payment_intent");
  const pending = await mustGet<Stripe.Charge>(String(idOf(intent.latest_charge)), "charge");
  const details = pending.payment_method_details;
  const last4 = details?.us_bank_account?.last4 ?? details?.sepa_debit?.last4;
  const account = Object.values(TEST_BANK_ACCOUNTS).find((a) => a.type === details?.type && a.last4 === last4);
  const { succeeded } = await settleBankDebit(paymentIntentId, account?.failureCode ?? null);
  const session = (await listObjects<Stripe.Checkout.Session>("checkout.session")).find((s) => s.payment_intent === paymentIntentId);
  if (!session) return [];
  const settled = await saveObject({ ...session, payment_status: succeeded ? "paid" : "unpaid" } satisfies Stripe.Checkout.Session);
  return newEvents(
    succeeded
      ? { type: "checkout.session.async_payment_succeeded", data: { object: settled } }
      : { type: "checkout.session.async_payment_failed", data: { object: settled } },
  );
}

/** Expires an open Checkout Session (Stripe does so after 24 hours, or when asked through the API). */
export async function expireSession(sessionId: string): Promise<SandboxEvent[]> {
  const session = await mustGet<Stripe.Checkout.Session>(sessionId, "checkout.session");
  if (session.status !== "open") throw new Error(`Checkout Session ${sessionId} is ${session.status}, not open`);
  const expired = await saveObject({ ...session, status: "expired", url: null } satisfies Stripe.Checkout.Session);
  return newEvents({ type: "checkout.session.expired", data: { object: expired } });
}

/** Every open session past its `expires_at`, expired as Stripe would have. */
export async function expireDueSessions(now = nowSeconds()): Promise<SandboxEvent[]> {
  // Only sessions stored more than a lifetime ago can be due: the (type, createdAt) index keeps this cheap.
  const madeBefore = new Date((now - SESSION_LIFETIME_SECONDS) * 1000 + 1000);
  const due = (await listObjects<Stripe.Checkout.Session>("checkout.session", undefined, madeBefore)).filter(
    (s) => s.status === "open" && s.expires_at <= now,
  );
  const events: SandboxEvent[] = [];
  for (const session of due) events.push(...(await expireSession(session.id)));
  return events;
}
