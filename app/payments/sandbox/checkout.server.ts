import type Stripe from "stripe";

import { newEvents, type SandboxEvent } from "~/payments/sandbox/events.server";
import { customerDetails, customerObject } from "~/payments/sandbox/objects/checkout";
import { recordInvoicePayment } from "~/payments/sandbox/invoice-payments.server";
import { invoiceObject, subscriptionObject } from "~/payments/sandbox/objects/billing";
import { attemptPayment, chargeCardOnFile, createPaymentIntent, type PaymentAttempt } from "~/payments/sandbox/payments.server";
import { getObject, sandboxId, saveObject } from "~/payments/sandbox/store.server";
import { testBankAccount, testCard } from "~/payments/sandbox/test-payment-methods";

/**
 * What happens on the sandbox checkout page when the donor pays: the objects
 * Stripe would create (PaymentIntent and charges, a customer where Checkout
 * makes one, or subscription and first invoice), and the events it would
 * send, in the order Stripe sends them.
 */

/**
 * What Checkout was asked for but does not show on the session object: the
 * sandbox keeps it beside the session to build the PaymentIntent or the
 * subscription as Stripe would.
 */
export interface SessionPlan {
  id: string;
  object: "sandbox_session_plan";
  description: string;
  paymentIntentMetadata: Record<string, string>;
  subscriptionMetadata: Record<string, string>;
  /** The inline price's recurring interval, in subscription mode (absent in plans stored before yearly gifts). */
  interval?: "month" | "year";
}

export function planId(sessionId: string): string {
  return `plan_${sessionId}`;
}

export interface SandboxCheckout {
  session: Stripe.Checkout.Session;
  plan: SessionPlan;
}

/**
 * Why the page refuses a payment: what the page says (in the visitor's
 * language), with the values its sentence names. `message` is the same in
 * English, as Stripe's API words it, for logs and tests.
 */
export type PayProblem =
  | { reason: "session_missing" | "session_expired" | "session_complete" | "bank_unknown" | "bank_monthly" | "card_incorrect" }
  | { reason: "declined"; declineCode: string }
  | { reason: "bank_currency"; method: "SEPA" | "ACH"; accountCurrency: string; currency: string };

export type PayResult =
  | { ok: true; redirectTo: string; events: SandboxEvent[] }
  | ({ ok: false; field: "cardNumber" | "bankAccount" | "form"; code: string; message: string } & PayProblem);

/** What the donor typed on the page: a test card, or a test bank account for a direct debit. */
export interface PayInput {
  email: string;
  name: string;
  cardNumber?: string;
  bankAccount?: string;
}

export async function getSandboxSession(id: string): Promise<SandboxCheckout | null> {
  const session = await getObject<Stripe.Checkout.Session>(id);
  if (session?.object !== "checkout.session") return null;
  const plan = await getObject<SessionPlan>(planId(id));
  return plan ? { session, plan } : null;
}

/** Like Stripe's page: the email given at creation, or the existing customer's. */
export async function sessionEmail(session: Stripe.Checkout.Session): Promise<string> {
  if (session.customer_email) return session.customer_email;
  const customer = typeof session.customer === "string" ? await getObject<Stripe.Customer>(session.customer) : null;
  return customer?.email ?? "";
}

const CARD_HELP = "In the sandbox, use 4242 4242 4242 4242 (or 4000 0000 0000 0002 to see a decline).";

/** The attempt the donor's input describes, or why the page refuses it (as Stripe's page would, before anything is charged). */
function paymentAttempt(session: Stripe.Checkout.Session, input: PayInput): PaymentAttempt | Extract<PayResult, { ok: false }> {
  if (input.bankAccount?.trim()) {
    const account = testBankAccount(input.bankAccount);
    if (!account) {
      return {
        ok: false,
        field: "bankAccount",
        code: "invalid_bank_account",
        reason: "bank_unknown",
        message: "Use one of the sandbox's test bank accounts listed above.",
      };
    }
    if (session.mode !== "payment") {
      return {
        ok: false,
        field: "bankAccount",
        code: "payment_method_unavailable",
        reason: "bank_monthly",
        message: "In the sandbox, monthly gifts are paid by card.",
      };
    }
    if (account.currency !== session.currency?.toLowerCase()) {
      const method = account.type === "sepa_debit" ? "SEPA" : "ACH";
      const [accountCurrency, currency] = [account.currency.toUpperCase(), String(session.currency).toUpperCase()];
      return {
        ok: false,
        field: "bankAccount",
        code: "payment_method_unavailable",
        reason: "bank_currency",
        method,
        accountCurrency,
        currency,
        message: `${method} debits are in ${accountCurrency}; this gift is in ${currency}.`,
      };
    }
    return { kind: "bank", number: input.bankAccount, account };
  }
  const number = (input.cardNumber ?? "").replace(/[\s-]/g, "");
  if (!testCard(number))
    return {
      ok: false,
      field: "cardNumber",
      code: "incorrect_number",
      reason: "card_incorrect",
      message: `Your card number is incorrect. ${CARD_HELP}`,
    };
  return { kind: "card", number };
}

/** A declined test card, with its decline code (Stripe's page words insufficient funds apart). */
function declined(attempt: PaymentAttempt): Extract<PayResult, { ok: false }> {
  const declineCode = (attempt.kind === "card" ? testCard(attempt.number)?.declineCode : undefined) ?? "generic_decline";
  return { ok: false, field: "cardNumber", code: "card_declined", reason: "declined", declineCode, message: "Your card was declined." };
}

/**
 * Checkout's rule: the session's customer when one was given; otherwise a new
 * one in subscription mode (a subscription needs one), but in payment mode
 * only when the session asked for `customer_creation: "always"`. A one-time
 * payment without one is a guest payment: `customer` stays null everywhere.
 */
async function sessionCustomer(session: Stripe.Checkout.Session, input: PayInput): Promise<string | null> {
  if (typeof session.customer === "string") return session.customer;
  if (session.mode === "payment" && session.customer_creation !== "always") return null;
  const customer = await saveObject(customerObject({ id: sandboxId("cus", false), email: input.email, name: input.name || null }));
  return customer.id;
}

function successUrl(session: Stripe.Checkout.Session): string {
  return (session.success_url ?? "").replace("{CHECKOUT_SESSION_ID}", session.id);
}

/**
 * The donor presses Pay. A card is charged at once; a declined card leaves
 * a failed charge on the session's PaymentIntent and the page open for
 * another try; a bank debit completes the session unpaid and waits for the
 * bank (the sandbox dashboard releases it days later, as it were).
 */
export async function paySandboxSession(sessionId: string, input: PayInput): Promise<PayResult> {
  const checkout = await getSandboxSession(sessionId);
  if (!checkout) {
    return {
      ok: false,
      field: "form",
      code: "resource_missing",
      reason: "session_missing",
      message: "This checkout session does not exist.",
    };
  }
  const { session, plan } = checkout;
  if (session.status !== "open") {
    return session.status === "expired"
      ? {
          ok: false,
          field: "form",
          code: "session_closed",
          reason: "session_expired",
          message: "This checkout session has expired. Go back and start again.",
        }
      : {
          ok: false,
          field: "form",
          code: "session_closed",
          reason: "session_complete",
          message: "This checkout session is already complete.",
        };
  }
  const attempt = paymentAttempt(session, input);
  if ("ok" in attempt) return attempt;
  const billing = { email: input.email, name: input.name };

  if (session.mode === "payment") {
    const customer = await sessionCustomer(session, input);
    const existing = typeof session.payment_intent === "string" ? await getObject<Stripe.PaymentIntent>(session.payment_intent) : null;
    const intent =
      existing ??
      (await createPaymentIntent(
        {
          amount: session.amount_total ?? 0,
          currency: session.currency ?? "usd",
          customer,
          metadata: plan.paymentIntentMetadata,
          description: plan.description,
        },
        attempt.kind === "bank" ? [attempt.account.type] : ["card"],
      ));
    const result = await attemptPayment(intent.id, attempt, billing);
    if (result.status === "failed") {
      await saveObject({ ...session, payment_intent: intent.id } satisfies Stripe.Checkout.Session);
      return declined(attempt);
    }
    const completed = await saveObject({
      ...session,
      status: "complete",
      payment_status: result.status === "succeeded" ? "paid" : "unpaid",
      customer,
      customer_details: customerDetails(billing),
      payment_intent: intent.id,
    } satisfies Stripe.Checkout.Session);
    return {
      ok: true,
      redirectTo: successUrl(session),
      events: await newEvents({ type: "checkout.session.completed", data: { object: completed } }),
    };
  }

  if (attempt.kind === "card" && testCard(attempt.number)?.outcome === "declined") {
    // Since API version 2025-03-31 a subscription is made only once the first payment succeeds.
    return declined(attempt);
  }
  const customer = (await sessionCustomer(session, input)) ?? "";
  return { ok: true, redirectTo: successUrl(session), events: await startSubscription(session, plan, customer, billing) };
}

/** Subscription mode: the subscription and its first invoice, paid by the card. */
async function startSubscription(
  session: Stripe.Checkout.Session,
  plan: SessionPlan,
  customer: string,
  billing: { email: string; name: string },
): Promise<SandboxEvent[]> {
  const amount = session.amount_total ?? 0;
  const currency = session.currency ?? "usd";
  const created = subscriptionObject({
    id: sandboxId("sub", false),
    customer,
    amount,
    currency,
    description: plan.description,
    metadata: plan.subscriptionMetadata,
    itemId: sandboxId("si", false),
    priceId: sandboxId("price", false),
    productId: sandboxId("prod", false),
    interval: plan.interval ?? "month",
  });
  const invoice = await saveObject(
    invoiceObject({
      id: sandboxId("in", false),
      subscription: created,
      billingReason: "subscription_create",
      customerEmail: billing.email,
      paid: true,
      lineId: sandboxId("il", false),
    }),
  );
  const { paymentIntent } = await chargeCardOnFile({ amount, currency, customer, metadata: {}, description: plan.description });
  await recordInvoicePayment(invoice, paymentIntent.id);
  const subscription = await saveObject({ ...created, latest_invoice: invoice.id } satisfies Stripe.Subscription);
  const completed = await saveObject({
    ...session,
    status: "complete",
    payment_status: "paid",
    customer,
    customer_details: customerDetails(billing),
    subscription: subscription.id,
    invoice: invoice.id,
  } satisfies Stripe.Checkout.Session);
  return newEvents(
    { type: "checkout.session.completed", data: { object: completed } },
    { type: "customer.subscription.created", data: { object: subscription } },
    { type: "invoice.paid", data: { object: invoice } },
  );
}
