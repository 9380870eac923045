import type Stripe from "stripe";

import { givingSettings } from "~/giving/settings.server";
import { exchangeRate, sandboxAccount } from "~/payments/sandbox/account.server";
import {
  balanceTransactionObject,
  bankDebitDetails,
  cardDetails,
  chargeObject,
  paymentIntentObject,
  type PaymentMethodDetails,
} from "~/payments/sandbox/objects/payments";
import { getObject, sandboxId, saveObject } from "~/payments/sandbox/store.server";
import { testCard, type TestBankAccount } from "~/payments/sandbox/test-payment-methods";
import { convertMinorUnits } from "~/utils/money";

/**
 * Money moving in the sandbox, as Stripe moves it: a PaymentIntent is made
 * when the donor first tries to pay; each attempt is a charge on it (a
 * declined card leaves a failed charge, a bank debit a pending one that
 * settles days later); a charge that succeeds gets its balance transaction,
 * in the account's settlement currency, with Stripe's fee.
 */
export interface PaymentPlan {
  amount: number;
  currency: string;
  customer: string | null;
  metadata: Record<string, string>;
  description: string | null;
}

export type PaymentAttempt = { kind: "card"; number: string } | { kind: "bank"; number: string; account: TestBankAccount };

export interface AttemptResult {
  status: "succeeded" | "processing" | "failed";
  paymentIntent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
}

export async function createPaymentIntent(plan: PaymentPlan, paymentMethodTypes: string[] = ["card"]): Promise<Stripe.PaymentIntent> {
  return saveObject(paymentIntentObject({ id: sandboxId("pi", false), ...plan, paymentMethodTypes }));
}

/** What `amount` in `currency` becomes in the account's settlement currency. */
export async function settledAmount(
  amount: number,
  currency: string,
): Promise<{ amount: number; currency: string; exchangeRate: number | null }> {
  const account = await sandboxAccount();
  const rate = account.settlementCurrency === currency.toLowerCase() ? null : exchangeRate(currency, account.settlementCurrency);
  // A currency the sandbox has no rate for settles as itself, as a balance held in that currency would.
  if (!rate) return { amount, currency, exchangeRate: null };
  const converted = convertMinorUnits(amount, { from: currency, to: account.settlementCurrency }, rate);
  return { amount: converted, currency: account.settlementCurrency, exchangeRate: Number(rate) };
}

/** The balance transaction of a charge that succeeded: Stripe's fee is charged on the settled amount. */
async function chargeBalance(chargeId: string, amount: number, currency: string): Promise<Stripe.BalanceTransaction> {
  const settlement = await settledAmount(amount, currency);
  const fee = givingSettings(settlement.currency.toUpperCase()).fee;
  const stripeFee = Math.round((settlement.amount * fee.percentBps) / 10_000) + fee.fixed;
  return saveObject(
    balanceTransactionObject({
      id: sandboxId("txn", false),
      source: chargeId,
      amount: settlement.amount,
      currency: settlement.currency,
      exchangeRate: settlement.exchangeRate,
      fee: stripeFee,
      type: "charge",
      description: null,
    }),
  );
}

function methodDetails(attempt: PaymentAttempt): PaymentMethodDetails {
  if (attempt.kind === "bank") return bankDebitDetails(attempt.account.type, attempt.account.last4);
  const card = testCard(attempt.number);
  return cardDetails({ brand: card?.brand ?? "visa", last4: card?.last4 ?? attempt.number.slice(-4) });
}

/** One attempt to pay a PaymentIntent, as the donor makes it on the checkout page. */
export async function attemptPayment(
  paymentIntentId: string,
  attempt: PaymentAttempt,
  billing: { email: string; name: string },
): Promise<AttemptResult> {
  const intent = await getObject<Stripe.PaymentIntent>(paymentIntentId);
  if (!intent) throw new Error(`No such sandbox PaymentIntent: ${paymentIntentId}`);
  const card = attempt.kind === "card" ? testCard(attempt.number) : null;
  const declined = card?.outcome === "declined";
  const status = declined ? "failed" : attempt.kind === "bank" ? "pending" : "succeeded";
  const chargeId = sandboxId("ch", false);
  const balance = status === "succeeded" ? await chargeBalance(chargeId, intent.amount, intent.currency) : null;
  const failure = declined ? { code: "card_declined", message: "Your card was declined.", declineCode: card?.declineCode } : null;
  const charge = await saveObject(
    chargeObject({
      id: chargeId,
      intent,
      status,
      balanceTransaction: balance?.id ?? null,
      billing,
      details: methodDetails(attempt),
      failure,
    }),
  );
  const paymentIntent = await saveObject({
    ...intent,
    latest_charge: chargeId,
    amount_received: status === "succeeded" ? intent.amount : 0,
    payment_method: charge.payment_method,
    status: declined ? "requires_payment_method" : status === "pending" ? "processing" : "succeeded",
    last_payment_error: failure
      ? {
          type: "card_error",
          code: "card_declined",
          decline_code: failure.declineCode ?? "generic_decline",
          message: failure.message,
          charge: chargeId,
        }
      : null,
  } satisfies Stripe.PaymentIntent);
  return { status: declined ? "failed" : status === "pending" ? "processing" : "succeeded", paymentIntent, charge };
}

/**
 * The bank's answer to a pending debit, days after the donor paid: the
 * charge succeeds (and gets its balance transaction) or fails with the test
 * account's failure code.
 */
export async function settleBankDebit(
  paymentIntentId: string,
  failureCode: string | null,
): Promise<{ succeeded: boolean; paymentIntent: Stripe.PaymentIntent; charge: Stripe.Charge }> {
  const intent = await getObject<Stripe.PaymentIntent>(paymentIntentId);
  if (!intent || intent.status !== "processing") throw new Error(`${paymentIntentId} is not a bank debit waiting for the bank`);
  const pending = await getObject<Stripe.Charge>(String(intent.latest_charge));
  if (!pending) throw new Error(`${paymentIntentId} has no pending charge`);
  if (failureCode === null) {
    const balance = await chargeBalance(pending.id, pending.amount, pending.currency);
    const charge = await saveObject({
      ...pending,
      status: "succeeded",
      paid: true,
      amount_captured: pending.amount,
      balance_transaction: balance.id,
    } satisfies Stripe.Charge);
    const paymentIntent = await saveObject({
      ...intent,
      status: "succeeded",
      amount_received: pending.amount,
    } satisfies Stripe.PaymentIntent);
    return { succeeded: true, paymentIntent, charge };
  }
  const message = `The bank debit failed (${failureCode.replace(/_/g, " ")}).`;
  const charge = await saveObject({
    ...pending,
    status: "failed",
    captured: false,
    failure_code: failureCode,
    failure_message: message,
  } satisfies Stripe.Charge);
  const paymentIntent = await saveObject({
    ...intent,
    status: "requires_payment_method",
    last_payment_error: {
      type: "invalid_request_error",
      code: failureCode as Stripe.PaymentIntent.LastPaymentError.Code,
      message,
      charge: charge.id,
    },
  } satisfies Stripe.PaymentIntent);
  return { succeeded: false, paymentIntent, charge };
}

/** A PaymentIntent paid at once by the card on file (monthly instalments). */
export async function chargeCardOnFile(plan: PaymentPlan): Promise<AttemptResult> {
  const intent = await createPaymentIntent(plan);
  return attemptPayment(intent.id, { kind: "card", number: "4242424242424242" }, { email: "", name: "" });
}

/** Balance transactions of money going back (a refund) or returning (a failed refund), in the settlement currency. */
export async function refundBalance(
  source: string,
  amount: number,
  currency: string,
  type: "refund" | "refund_failure",
): Promise<Stripe.BalanceTransaction> {
  const settlement = await settledAmount(amount, currency);
  const sign = type === "refund" ? -1 : 1;
  return saveObject(
    balanceTransactionObject({
      id: sandboxId("txn", false),
      source,
      amount: sign * settlement.amount,
      currency: settlement.currency,
      exchangeRate: settlement.exchangeRate,
      fee: 0,
      type,
      description: type === "refund" ? "REFUND FOR CHARGE" : "REFUND FAILURE",
    }),
  );
}
