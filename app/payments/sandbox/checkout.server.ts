import { event } from "~/payments/sandbox/events.server";
import { attemptPayment, chargeCardOnFile, createPaymentIntent, type PaymentAttempt } from "~/payments/sandbox/payments.server";
import { getObject, sandboxId, saveObject, type StripeObject } from "~/payments/sandbox/store.server";
import { testBankAccount, testCard } from "~/payments/sandbox/test-payment-methods";

/**
 * What happens on the sandbox checkout page when the donor pays: the objects
 * Stripe would create (customer, PaymentIntent, charge, balance transaction,
 * or subscription and first invoice), and the signed events it would send, in
 * the order Stripe sends them.
 */
type Session = StripeObject & {
  mode: "payment" | "subscription";
  status: string;
  payment_status: string;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  customer_creation: string | null;
  payment_intent: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string | null;
  sandbox_request: {
    line_items: Array<{ price_data?: { product_data?: { name?: string } } }>;
    payment_intent_data: { metadata?: Record<string, string>; description?: string } | null;
    subscription_data: { metadata?: Record<string, string>; description?: string } | null;
  };
};

export type PayResult =
  | { ok: true; redirectTo: string; events: StripeObject[] }
  | { ok: false; field: "cardNumber" | "bankAccount" | "form"; code: string; message: string };

/** What the donor typed on the page: a test card, or a test bank account for a direct debit. */
export interface PayInput {
  email: string;
  name: string;
  cardNumber?: string;
  bankAccount?: string;
}

const now = () => Math.floor(Date.now() / 1000);

export async function getSandboxSession(id: string): Promise<Session | null> {
  const session = await getObject<Session>(id);
  return session?.object === "checkout.session" ? session : null;
}

/** Like Stripe's page: the email given at creation, or the existing customer's. */
export async function sessionEmail(session: Session): Promise<string> {
  if (session.customer_email) return session.customer_email;
  const customer = typeof session.customer === "string" ? await getObject(session.customer) : null;
  return typeof customer?.email === "string" ? customer.email : "";
}

export function sessionDescription(session: Session): string {
  return session.sandbox_request.line_items[0]?.price_data?.product_data?.name ?? "Donation";
}

const CARD_HELP = "In the sandbox, use 4242 4242 4242 4242 (or 4000 0000 0000 0002 to see a decline).";

/** The attempt the donor's input describes, or why the page refuses it (as Stripe's page would, before anything is charged). */
function paymentAttempt(session: Session, input: PayInput): PaymentAttempt | Extract<PayResult, { ok: false }> {
  if (input.bankAccount?.trim()) {
    const account = testBankAccount(input.bankAccount);
    if (!account) {
      return { ok: false, field: "bankAccount", code: "invalid_bank_account", message: "Use one of the sandbox's test bank accounts listed above." };
    }
    if (session.mode !== "payment") {
      return { ok: false, field: "bankAccount", code: "payment_method_unavailable", message: "In the sandbox, monthly gifts are paid by card." };
    }
    if (account.currency !== session.currency.toLowerCase()) {
      return {
        ok: false,
        field: "bankAccount",
        code: "payment_method_unavailable",
        message: `${account.type === "sepa_debit" ? "SEPA" : "ACH"} debits are in ${account.currency.toUpperCase()}; this gift is in ${session.currency.toUpperCase()}.`,
      };
    }
    return { kind: "bank", number: input.bankAccount, account };
  }
  const number = (input.cardNumber ?? "").replace(/[\s-]/g, "");
  if (!testCard(number)) return { ok: false, field: "cardNumber", code: "incorrect_number", message: `Your card number is incorrect. ${CARD_HELP}` };
  return { kind: "card", number };
}

/**
 * Checkout's rule: the session's customer when one was given; otherwise a new
 * one in subscription mode (a subscription needs one), but in payment mode
 * only when the session asked for `customer_creation: "always"`. A one-time
 * payment without one is a guest payment: `customer` stays null everywhere.
 */
async function sessionCustomer(session: Session, input: PayInput): Promise<StripeObject | null> {
  const existing = typeof session.customer === "string" ? await getObject(session.customer) : null;
  if (existing) return existing;
  if (session.mode === "payment" && session.customer_creation !== "always") return null;
  return saveObject({ id: sandboxId("cus", false), object: "customer", email: input.email, name: input.name, metadata: {}, created: now(), livemode: false });
}

/**
 * The donor presses Pay. A card is charged at once; a declined card leaves
 * a failed charge on the session's PaymentIntent and the page open for
 * another try; a bank debit completes the session unpaid and waits for the
 * bank (the sandbox dashboard releases it days later, as it were).
 */
export async function paySandboxSession(sessionId: string, input: PayInput): Promise<PayResult> {
  const session = await getSandboxSession(sessionId);
  if (!session) return { ok: false, field: "form", code: "resource_missing", message: "This checkout session does not exist." };
  if (session.status !== "open") {
    return { ok: false, field: "form", code: "session_closed", message: "This checkout session is already complete." };
  }
  const attempt = paymentAttempt(session, input);
  if ("ok" in attempt) return attempt;

  const customer = await sessionCustomer(session, input);
  const description = sessionDescription(session);
  const billing = { email: input.email, name: input.name };

  if (session.mode === "payment") {
    const intent =
      (session.payment_intent ? await getObject(session.payment_intent) : null) ??
      (await createPaymentIntent(
        {
          amount: session.amount_total,
          currency: session.currency,
          customer: customer?.id ?? null,
          metadata: session.sandbox_request.payment_intent_data?.metadata ?? {},
          description,
        },
        attempt.kind === "bank" ? [attempt.account.type] : ["card"],
      ));
    const result = await attemptPayment(intent.id, attempt, billing);
    if (result.status === "failed") {
      await saveObject({ ...session, payment_intent: intent.id });
      return { ok: false, field: "cardNumber", code: "card_declined", message: "Your card was declined." };
    }
    const completed: Session = {
      ...session,
      status: "complete",
      payment_status: result.status === "succeeded" ? "paid" : "unpaid",
      customer: customer?.id ?? null,
      customer_details: billing,
      payment_intent: intent.id,
    };
    await saveObject(completed);
    const events = [event("checkout.session.completed", completed)];
    for (const item of events) await saveObject(item);
    return { ok: true, redirectTo: session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id), events };
  }

  if (attempt.kind === "card" && testCard(attempt.number)?.outcome === "declined") {
    return { ok: false, field: "cardNumber", code: "card_declined", message: "Your card was declined." };
  }
  if (!customer) throw new Error(`Checkout Session ${session.id} in subscription mode has no customer`);
  const events = await startSubscription(session, customer, input, description);
  for (const item of events) await saveObject(item);
  return { ok: true, redirectTo: session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id), events };
}

/** Subscription mode: the subscription and its first invoice, paid by the card. */
async function startSubscription(session: Session, customer: StripeObject, input: PayInput, description: string): Promise<StripeObject[]> {
  const metadata = session.sandbox_request.subscription_data?.metadata ?? {};
  const subscriptionId = sandboxId("sub", false);
  const invoiceId = sandboxId("in", false);
  const periodEnd = now() + 30 * 86_400;
  const { paymentIntent } = await chargeCardOnFile({ amount: session.amount_total, currency: session.currency, customer: customer.id, metadata: {}, description });
  const subscription = await saveObject({
    id: subscriptionId,
    object: "subscription",
    customer: customer.id,
    status: "active",
    cancel_at_period_end: false,
    canceled_at: null,
    currency: session.currency,
    items: {
      object: "list",
      data: [
        {
          id: sandboxId("si", false),
          object: "subscription_item",
          quantity: 1,
          current_period_start: now(),
          current_period_end: periodEnd,
          price: {
            id: sandboxId("price", false),
            object: "price",
            currency: session.currency,
            unit_amount: session.amount_total,
            recurring: { interval: "month", interval_count: 1 },
            product: description,
          },
        },
      ],
    },
    latest_invoice: invoiceId,
    metadata,
    start_date: now(),
    created: now(),
    livemode: false,
  });
  const invoice = await saveObject({
    id: invoiceId,
    object: "invoice",
    amount_due: session.amount_total,
    amount_paid: session.amount_total,
    amount_remaining: 0,
    billing_reason: "subscription_create",
    currency: session.currency,
    customer: customer.id,
    customer_email: input.email,
    lines: {
      object: "list",
      data: [{ id: sandboxId("il", false), object: "line_item", amount: session.amount_total, currency: session.currency, description }],
    },
    parent: { type: "subscription_details", subscription_details: { subscription: subscriptionId, metadata } },
    payments: {
      object: "list",
      data: [{ object: "invoice_payment", payment: { type: "payment_intent", payment_intent: paymentIntent.id }, status: "paid" }],
    },
    status: "paid",
    status_transitions: { paid_at: now() },
    created: now(),
    livemode: false,
  });
  const completed: Session = {
    ...session,
    status: "complete",
    payment_status: "paid",
    customer: customer.id,
    customer_details: { email: input.email, name: input.name },
    subscription: subscription.id,
    invoice: invoice.id,
  };
  await saveObject(completed);
  return [event("checkout.session.completed", completed), event("customer.subscription.created", subscription), event("invoice.paid", invoice)];
}

