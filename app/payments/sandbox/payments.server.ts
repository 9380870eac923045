import { givingSettings } from "~/giving/settings.server";
import { exchangeRate, sandboxAccount } from "~/payments/sandbox/account.server";
import { getObject, sandboxId, saveObject, type StripeObject } from "~/payments/sandbox/store.server";
import { testCard, type TestBankAccount } from "~/payments/sandbox/test-payment-methods";
import { convertMinorUnits } from "~/utils/money";

/**
 * Money moving in the sandbox, as Stripe moves it: a PaymentIntent is made
 * when the donor first tries to pay; each attempt is a charge on it (a
 * declined card leaves a failed charge, a bank debit a pending one that
 * settles days later); a charge that succeeds gets its balance transaction,
 * in the account's settlement currency, with Stripe's fee.
 */
type Obj = StripeObject & Record<string, unknown>;
const now = () => Math.floor(Date.now() / 1000);

export interface PaymentPlan {
  amount: number;
  currency: string;
  customer: string | null;
  metadata: Record<string, string>;
  description: string | null;
}

export type PaymentAttempt =
  | { kind: "card"; number: string }
  | { kind: "bank"; number: string; account: TestBankAccount };

export interface AttemptResult {
  status: "succeeded" | "processing" | "failed";
  paymentIntent: Obj;
  charge: Obj;
  declineCode?: string;
}

export async function createPaymentIntent(plan: PaymentPlan, paymentMethodTypes: string[] = ["card"]): Promise<Obj> {
  return saveObject({
    id: sandboxId("pi", false),
    object: "payment_intent",
    amount: plan.amount,
    amount_received: 0,
    currency: plan.currency,
    customer: plan.customer,
    description: plan.description,
    latest_charge: null,
    last_payment_error: null,
    metadata: plan.metadata,
    payment_method_types: paymentMethodTypes,
    status: "requires_payment_method",
    created: now(),
    livemode: false,
  });
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

/** The balance transaction of a charge that succeeded: Stripe's fee is charged on the settled amount. */
async function balanceTransaction(chargeId: string, amount: number, currency: string): Promise<Obj> {
  const settlement = await settledAmount(amount, currency);
  const fee = givingSettings(settlement.currency.toUpperCase()).fee;
  const stripeFee = Math.round((settlement.amount * fee.percentBps) / 10_000) + fee.fixed;
  return saveObject({
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
}

function methodDetails(attempt: PaymentAttempt) {
  if (attempt.kind === "card") {
    const card = testCard(attempt.number);
    return { type: "card", card: { brand: card?.brand ?? "visa", last4: card?.last4 ?? attempt.number.slice(-4), exp_month: 12, exp_year: 2034, funding: "credit" } };
  }
  const { account } = attempt;
  return account.type === "us_bank_account"
    ? { type: "us_bank_account", us_bank_account: { bank_name: "STRIPE TEST BANK", last4: account.last4, routing_number: "110000000", account_type: "checking" } }
    : { type: "sepa_debit", sepa_debit: { bank_code: "37040044", country: "DE", last4: account.last4 } };
}

/** One attempt to pay a PaymentIntent, as the donor makes it on the checkout page. */
export async function attemptPayment(paymentIntentId: string, attempt: PaymentAttempt, billing: { email: string; name: string }): Promise<AttemptResult> {
  const intent = (await getObject<Obj>(paymentIntentId))!;
  const amount = Number(intent.amount);
  const currency = String(intent.currency);
  const card = attempt.kind === "card" ? testCard(attempt.number) : null;
  const declined = card?.outcome === "declined";
  const status = declined ? "failed" : attempt.kind === "bank" ? "pending" : "succeeded";
  const chargeId = sandboxId("ch", false);
  const balance = status === "succeeded" ? await balanceTransaction(chargeId, amount, currency) : null;
  const charge = await saveObject({
    id: chargeId,
    object: "charge",
    amount,
    amount_captured: status === "succeeded" ? amount : 0,
    amount_refunded: 0,
    balance_transaction: balance?.id ?? null,
    billing_details: { email: billing.email, name: billing.name },
    captured: status !== "failed",
    currency,
    customer: intent.customer ?? null,
    description: intent.description ?? null,
    disputed: false,
    failure_code: declined ? "card_declined" : null,
    failure_message: declined ? "Your card was declined." : null,
    metadata: intent.metadata ?? {},
    outcome: declined
      ? { network_status: "declined_by_network", reason: card?.declineCode ?? "generic_decline", type: "issuer_declined", seller_message: "The bank did not return any further details with this decline." }
      : { network_status: "approved_by_network", reason: null, type: "authorized", seller_message: "Payment complete." },
    paid: status === "succeeded",
    payment_intent: paymentIntentId,
    payment_method_details: methodDetails(attempt),
    refunded: false,
    status,
    created: now(),
    livemode: false,
  });
  const paymentIntent = await saveObject({
    ...intent,
    latest_charge: chargeId,
    amount_received: status === "succeeded" ? amount : 0,
    status: declined ? "requires_payment_method" : status === "pending" ? "processing" : "succeeded",
    last_payment_error: declined
      ? { type: "card_error", code: "card_declined", decline_code: card?.declineCode ?? "generic_decline", message: "Your card was declined.", charge: chargeId }
      : null,
  });
  return { status: declined ? "failed" : status === "pending" ? "processing" : "succeeded", paymentIntent, charge, declineCode: card?.declineCode };
}

/**
 * The bank's answer to a pending debit, days after the donor paid: the
 * charge succeeds (and gets its balance transaction) or fails with the test
 * account's failure code.
 */
export async function settleBankDebit(paymentIntentId: string, failureCode: string | null): Promise<{ succeeded: boolean; paymentIntent: Obj; charge: Obj }> {
  const intent = await getObject<Obj>(paymentIntentId);
  if (!intent || intent.status !== "processing") throw new Error(`${paymentIntentId} is not a bank debit waiting for the bank`);
  const pending = (await getObject<Obj>(String(intent.latest_charge)))!;
  const amount = Number(pending.amount);
  if (failureCode === null) {
    const balance = await balanceTransaction(pending.id, amount, String(pending.currency));
    const charge = await saveObject({ ...pending, status: "succeeded", paid: true, amount_captured: amount, balance_transaction: balance.id });
    const paymentIntent = await saveObject({ ...intent, status: "succeeded", amount_received: amount });
    return { succeeded: true, paymentIntent, charge };
  }
  const message = `The bank debit failed (${failureCode.replace(/_/g, " ")}).`;
  const charge = await saveObject({ ...pending, status: "failed", failure_code: failureCode, failure_message: message });
  const paymentIntent = await saveObject({
    ...intent,
    status: "requires_payment_method",
    last_payment_error: { type: "invalid_request_error", code: failureCode, message, charge: charge.id },
  });
  return { succeeded: false, paymentIntent, charge };
}

/** A PaymentIntent paid at once by the card on file (monthly renewals). */
export async function chargeCardOnFile(plan: PaymentPlan): Promise<{ paymentIntent: Obj; charge: Obj }> {
  const intent = await createPaymentIntent(plan);
  const { paymentIntent, charge } = await attemptPayment(intent.id, { kind: "card", number: "4242424242424242" }, { email: "", name: "" });
  return { paymentIntent, charge };
}
