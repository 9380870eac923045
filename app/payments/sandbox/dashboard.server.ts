import { event } from "~/payments/sandbox/events.server";
import { chargeCardOnFile, settleBankDebit } from "~/payments/sandbox/payments.server";
import { getObject, listObjects, sandboxId, saveObject, type StripeObject } from "~/payments/sandbox/store.server";
import { TEST_BANK_ACCOUNTS } from "~/payments/sandbox/test-payment-methods";

/**
 * What staff (or Stripe itself) can do to payments outside Lantern, in the
 * sandbox: refunds and disputes from the dashboard, monthly renewals that
 * succeed or fail, cancellations. Each changes the stored objects the way
 * Stripe would and returns the events Stripe would send, stored for the
 * events list (reconciliation) and ready to deliver.
 */
type Obj = StripeObject & Record<string, unknown>;
const now = () => Math.floor(Date.now() / 1000);

async function mustGet(id: string): Promise<Obj> {
  const object = await getObject<Obj>(id);
  if (!object) throw new Error(`No such sandbox object: ${id}`);
  return object;
}

async function emit(...events: StripeObject[]): Promise<StripeObject[]> {
  for (const item of events) await saveObject(item);
  return events;
}

/** A full refund when `amount` is omitted; partial otherwise. */
export async function refundCharge(chargeId: string, amount?: number): Promise<StripeObject[]> {
  const charge = await mustGet(chargeId);
  const already = Number(charge.amount_refunded ?? 0);
  const refundAmount = Math.min(amount ?? Number(charge.amount) - already, Number(charge.amount) - already);
  if (refundAmount <= 0) throw new Error(`Charge ${chargeId} is already fully refunded`);
  const refund = await saveObject({
    id: sandboxId("re", false),
    object: "refund",
    amount: refundAmount,
    charge: chargeId,
    payment_intent: charge.payment_intent ?? null,
    currency: charge.currency,
    status: "succeeded",
    created: now(),
  });
  const refunded = already + refundAmount;
  const updated = await saveObject({ ...charge, amount_refunded: refunded, refunded: refunded >= Number(charge.amount) });
  return emit(event("charge.refunded", updated), event("refund.created", refund));
}

/**
 * A refund that fails after it was made (the card account closed, or the
 * bank sent it back) or is cancelled: Stripe marks it `failed` or
 * `canceled`, gives the money back to the balance and lowers the charge's
 * `amount_refunded` again.
 */
export async function failRefund(refundId: string, outcome: "failed" | "canceled" = "failed"): Promise<StripeObject[]> {
  const refund = await mustGet(refundId);
  if (refund.object !== "refund") throw new Error(`${refundId} is not a refund`);
  if (refund.status === "failed" || refund.status === "canceled") throw new Error(`Refund ${refundId} is already ${String(refund.status)}`);
  const charge = await mustGet(String(refund.charge));
  const refunded = Math.max(0, Number(charge.amount_refunded ?? 0) - Number(refund.amount));
  const updatedRefund = await saveObject({
    ...refund,
    status: outcome,
    failure_reason: outcome === "failed" ? "expired_or_canceled_card" : "merchant_request",
    failure_balance_transaction: sandboxId("txn", false),
  });
  await saveObject({ ...charge, amount_refunded: refunded, refunded: false });
  const events = [event("charge.refund.updated", updatedRefund), event("refund.updated", updatedRefund)];
  if (outcome === "failed") events.push(event("refund.failed", updatedRefund));
  return emit(...events);
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
): Promise<{ disputeId: string; events: StripeObject[] }> {
  const charge = await mustGet(chargeId);
  const dispute = await saveObject({
    id: sandboxId("du", false),
    object: "dispute",
    amount: options.amount ?? charge.amount,
    charge: chargeId,
    payment_intent: charge.payment_intent ?? null,
    currency: charge.currency,
    reason: options.inquiry ? "general" : "fraudulent",
    status: options.status ?? (options.inquiry ? "warning_needs_response" : "needs_response"),
    is_charge_refundable: Boolean(options.inquiry),
    created: now(),
  });
  await saveObject({ ...charge, disputed: true });
  return { disputeId: dispute.id, events: await emit(event("charge.dispute.created", dispute)) };
}

/** Moves a dispute to another status (evidence under review, an inquiry escalated, ...). */
export async function updateDispute(disputeId: string, status: string): Promise<StripeObject[]> {
  const dispute = await saveObject({ ...(await mustGet(disputeId)), status });
  return emit(event("charge.dispute.updated", dispute));
}

/** The bank decides: a dispute is won or lost; an inquiry closes (`warning_closed`). */
export async function closeDispute(disputeId: string, outcome: "won" | "lost" | "warning_closed"): Promise<StripeObject[]> {
  const dispute = await saveObject({ ...(await mustGet(disputeId)), status: outcome, is_charge_refundable: false });
  const events = [event("charge.dispute.closed", dispute)];
  if (outcome === "won") events.push(event("charge.dispute.funds_reinstated", dispute));
  return emit(...events);
}

/** The next month's invoice of a subscription: paid, or failed (past due). */
export async function renewSubscription(subscriptionId: string, outcome: "paid" | "failed" = "paid"): Promise<StripeObject[]> {
  const subscription = await mustGet(subscriptionId);
  const item = (subscription.items as { data: Array<{ price: { unit_amount: number; currency: string } }> }).data[0];
  if (!item) throw new Error(`Subscription ${subscriptionId} has no item`);
  const amount = item.price.unit_amount;
  const currency = item.price.currency;
  const invoiceId = sandboxId("in", false);
  const base = {
    id: invoiceId,
    object: "invoice",
    amount_due: amount,
    billing_reason: "subscription_cycle",
    currency,
    customer: subscription.customer,
    customer_email: null,
    parent: { type: "subscription_details", subscription_details: { subscription: subscriptionId, metadata: subscription.metadata } },
    created: now(),
    livemode: false,
  };
  if (outcome === "failed") {
    const invoice = await saveObject({ ...base, amount_paid: 0, amount_remaining: amount, status: "open", attempt_count: 1, payments: { object: "list", data: [] }, status_transitions: { paid_at: null } });
    const pastDue = await saveObject({ ...subscription, status: "past_due", latest_invoice: invoiceId });
    return emit(event("invoice.payment_failed", invoice), event("customer.subscription.updated", pastDue));
  }
  const { paymentIntent } = await chargeCardOnFile({ amount, currency, customer: String(subscription.customer), metadata: {}, description: "Monthly gift" });
  const invoice = await saveObject({
    ...base,
    amount_paid: amount,
    amount_remaining: 0,
    status: "paid",
    payments: { object: "list", data: [{ object: "invoice_payment", payment: { type: "payment_intent", payment_intent: paymentIntent.id }, status: "paid" }] },
    status_transitions: { paid_at: now() },
  });
  const events = [event("invoice.paid", invoice)];
  if (subscription.status !== "active") {
    events.push(event("customer.subscription.updated", await saveObject({ ...subscription, status: "active", latest_invoice: invoiceId })));
  } else {
    await saveObject({ ...subscription, latest_invoice: invoiceId });
  }
  return emit(...events);
}

export async function cancelSubscription(subscriptionId: string): Promise<StripeObject[]> {
  const subscription = await saveObject({ ...(await mustGet(subscriptionId)), status: "canceled", canceled_at: now() });
  return emit(event("customer.subscription.deleted", subscription));
}

/** Changes the monthly amount (as the billing portal would). */
export async function changeSubscriptionAmount(subscriptionId: string, unitAmount: number): Promise<StripeObject[]> {
  const subscription = await mustGet(subscriptionId);
  const items = subscription.items as { data: Array<{ price: Record<string, unknown> }> };
  const updated = await saveObject({
    ...subscription,
    items: { ...items, data: items.data.map((item) => ({ ...item, price: { ...item.price, unit_amount: unitAmount } })) },
  });
  return emit(event("customer.subscription.updated", updated));
}

/** A new card on file (as the billing portal would save it). */
export async function changeSubscriptionCard(subscriptionId: string, last4: string): Promise<StripeObject[]> {
  const subscription = await mustGet(subscriptionId);
  const updated = await saveObject({
    ...subscription,
    default_payment_method: { id: sandboxId("pm", false), object: "payment_method", card: { brand: "visa", last4 } },
  });
  return emit(event("customer.subscription.updated", updated));
}

/** Deletes a customer, as staff can in Stripe's dashboard: Stripe then answers "No such customer" wherever it is named. */
export async function deleteCustomer(customerId: string): Promise<StripeObject[]> {
  const customer = await mustGet(customerId);
  if (customer.object !== "customer") throw new Error(`${customerId} is not a customer`);
  const deleted = await saveObject({ id: customerId, object: "customer", deleted: true });
  return emit(event("customer.deleted", { ...customer, id: deleted.id }));
}

/** Bank debits still waiting for the bank, newest first. */
export async function pendingBankDebits(): Promise<Obj[]> {
  return (await listObjects<Obj>("payment_intent")).filter((intent) => intent.status === "processing");
}

/**
 * The bank answers a pending debit (in Stripe, days after the donor paid):
 * it succeeds, or fails, as the test account number says. The Checkout
 * Session that started it gets Stripe's delayed-payment event.
 */
export async function releaseBankDebit(paymentIntentId: string): Promise<StripeObject[]> {
  const intent = await mustGet(paymentIntentId);
  const pending = await mustGet(String(intent.latest_charge));
  const details = pending.payment_method_details as { type: string; [key: string]: unknown };
  const last4 = (details[details.type] as { last4?: string } | undefined)?.last4;
  const account = Object.values(TEST_BANK_ACCOUNTS).find((a) => a.type === details.type && a.last4 === last4);
  const { succeeded } = await settleBankDebit(paymentIntentId, account?.failureCode ?? null);
  const session = (await listObjects<Obj>("checkout.session")).find((s) => s.payment_intent === paymentIntentId);
  if (!session) return [];
  const settled = await saveObject({ ...session, payment_status: succeeded ? "paid" : "unpaid" });
  return emit(event(succeeded ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", settled));
}
