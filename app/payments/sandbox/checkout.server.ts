import Stripe from "stripe";

import { givingSettings } from "~/giving/settings.server";
import { exchangeRate, sandboxAccount } from "~/payments/sandbox/account.server";
import { getObject, sandboxId, saveObject, type StripeObject } from "~/payments/sandbox/store.server";
import { stripe, webhookSecret } from "~/payments/stripe.server";
import { env } from "~/utils/env.server";
import { convertMinorUnits } from "~/utils/money";

/**
 * What happens on the sandbox checkout page when the donor pays: the objects
 * Stripe would create (customer, PaymentIntent, charge, balance transaction,
 * or subscription and first invoice), and the signed events it would send, in
 * the order Stripe sends them.
 */
export const SANDBOX_CARDS = {
  success: "4242424242424242",
  declined: "4000000000000002",
} as const;

type Session = StripeObject & {
  mode: "payment" | "subscription";
  status: string;
  payment_status: string;
  amount_total: number;
  currency: string;
  customer_email: string | null;
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
  | { ok: false; field: "cardNumber" | "form"; code: string; message: string };

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

/**
 * A charge of `amount` with its balance transaction: in the account's
 * settlement currency (converted, with `exchange_rate`, when the charge is in
 * another one), carrying Stripe's fee charged on the settled amount.
 */
export async function charge(amount: number, currency: string, customer: string, metadata: Record<string, string>, description: string | null) {
  const settlement = await settledAmount(amount, currency);
  const fee = givingSettings(settlement.currency.toUpperCase()).fee;
  const stripeFee = Math.round((settlement.amount * fee.percentBps) / 10_000) + fee.fixed;
  const paymentIntentId = sandboxId("pi", false);
  const chargeId = sandboxId("ch", false);
  const balanceTransaction = await saveObject({
    id: sandboxId("txn", false),
    object: "balance_transaction",
    amount: settlement.amount,
    currency: settlement.currency,
    exchange_rate: settlement.exchangeRate,
    fee: stripeFee,
    fee_details: [{ amount: stripeFee, currency: settlement.currency, description: "Stripe processing fees", type: "stripe_fee" }],
    net: settlement.amount - stripeFee,
    source: chargeId,
    status: "pending",
    type: "charge",
    created: now(),
  });
  const chargeObject = await saveObject({
    id: chargeId,
    object: "charge",
    amount,
    amount_captured: amount,
    amount_refunded: 0,
    balance_transaction: balanceTransaction.id,
    currency,
    customer,
    description,
    disputed: false,
    metadata,
    paid: true,
    payment_intent: paymentIntentId,
    payment_method_details: { type: "card", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034, funding: "credit" } },
    refunded: false,
    status: "succeeded",
    created: now(),
    livemode: false,
  });
  const paymentIntent = await saveObject({
    id: paymentIntentId,
    object: "payment_intent",
    amount,
    amount_received: amount,
    currency,
    customer,
    description,
    latest_charge: chargeObject.id,
    metadata,
    payment_method_types: ["card"],
    status: "succeeded",
    created: now(),
    livemode: false,
  });
  return { paymentIntent, charge: chargeObject };
}

/** What `amount` in `currency` becomes in the account's settlement currency. */
async function settledAmount(amount: number, currency: string): Promise<{ amount: number; currency: string; exchangeRate: number | null }> {
  const account = await sandboxAccount();
  const rate = account.settlementCurrency === currency.toLowerCase() ? null : exchangeRate(currency, account.settlementCurrency);
  // A currency the sandbox has no rate for settles as itself, as a balance held in that currency would.
  if (!rate) return { amount, currency, exchangeRate: null };
  const converted = convertMinorUnits(amount, { from: currency, to: account.settlementCurrency }, rate);
  return { amount: converted, currency: account.settlementCurrency, exchangeRate: Number(rate) };
}

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

export async function paySandboxSession(sessionId: string, input: { email: string; cardNumber: string; name: string }): Promise<PayResult> {
  const session = await getSandboxSession(sessionId);
  if (!session) return { ok: false, field: "form", code: "resource_missing", message: "This checkout session does not exist." };
  if (session.status !== "open") {
    return { ok: false, field: "form", code: "session_closed", message: "This checkout session is already complete." };
  }
  const card = input.cardNumber.replace(/\s+/g, "");
  if (card === SANDBOX_CARDS.declined) {
    return { ok: false, field: "cardNumber", code: "card_declined", message: "Your card was declined." };
  }
  if (card !== SANDBOX_CARDS.success) {
    return {
      ok: false,
      field: "cardNumber",
      code: "incorrect_number",
      message: "Your card number is incorrect. In the sandbox, use 4242 4242 4242 4242 (or 4000 0000 0000 0002 to see a decline).",
    };
  }

  // Like Stripe: the session's customer when one was given, else a new one.
  const existing = typeof session.customer === "string" ? await getObject(session.customer) : null;
  const customer =
    existing ??
    (await saveObject({
      id: sandboxId("cus", false),
      object: "customer",
      email: input.email,
      name: input.name,
      metadata: {},
      created: now(),
      livemode: false,
    }));
  const description = sessionDescription(session);
  const events: StripeObject[] = [];
  const completed: Session = {
    ...session,
    status: "complete",
    payment_status: "paid",
    customer: customer.id,
    customer_details: { email: input.email, name: input.name },
  };

  if (session.mode === "payment") {
    const metadata = session.sandbox_request.payment_intent_data?.metadata ?? {};
    const { paymentIntent } = await charge(session.amount_total, session.currency, customer.id, metadata, description);
    completed.payment_intent = paymentIntent.id;
    await saveObject(completed);
    events.push(event("checkout.session.completed", completed));
  } else {
    const metadata = session.sandbox_request.subscription_data?.metadata ?? {};
    const subscriptionId = sandboxId("sub", false);
    const invoiceId = sandboxId("in", false);
    const periodEnd = now() + 30 * 86_400;
    const { paymentIntent } = await charge(session.amount_total, session.currency, customer.id, {}, description);
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
    completed.subscription = subscription.id;
    completed.invoice = invoice.id;
    await saveObject(completed);
    events.push(
      event("checkout.session.completed", completed),
      event("customer.subscription.created", subscription),
      event("invoice.paid", invoice),
    );
  }

  for (const item of events) await saveObject(item);
  const redirectTo = session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id);
  return { ok: true, redirectTo, events };
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
