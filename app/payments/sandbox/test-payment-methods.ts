/**
 * Stripe's test card and bank numbers that the sandbox understands, with
 * what Stripe does for each. Anything else is refused as Stripe's page would.
 */
export type CardOutcome = "succeeds" | "declined" | "refund_fails";

export const TEST_CARDS: Record<string, { outcome: CardOutcome; brand: string; last4: string; declineCode?: string }> = {
  "4242424242424242": { outcome: "succeeds", brand: "visa", last4: "4242" },
  "4000000000000002": { outcome: "declined", brand: "visa", last4: "0002", declineCode: "generic_decline" },
  "4000000000009995": { outcome: "declined", brand: "visa", last4: "9995", declineCode: "insufficient_funds" },
  // The charge succeeds; a refund of it later fails (refund.failed).
  "4000000000005126": { outcome: "refund_fails", brand: "visa", last4: "5126" },
};

/** A bank debit is "processing" for days; its outcome arrives later (the sandbox dashboard releases it). */
export interface TestBankAccount {
  type: "us_bank_account" | "sepa_debit";
  currency: "usd" | "eur";
  last4: string;
  /** null: the debit succeeds; otherwise Stripe's failure code. */
  failureCode: string | null;
}

const US_ROUTING = "110000000";

/** ACH Direct Debit (routing number 110000000) and SEPA Direct Debit test numbers. */
export const TEST_BANK_ACCOUNTS: Record<string, TestBankAccount> = {
  "000123456789": { type: "us_bank_account", currency: "usd", last4: "6789", failureCode: null },
  "000111111113": { type: "us_bank_account", currency: "usd", last4: "1113", failureCode: "account_closed" },
  "000111111116": { type: "us_bank_account", currency: "usd", last4: "1116", failureCode: "no_account" },
  "000222222227": { type: "us_bank_account", currency: "usd", last4: "2227", failureCode: "insufficient_funds" },
  "000333333335": { type: "us_bank_account", currency: "usd", last4: "3335", failureCode: "debit_not_authorized" },
  DE89370400440532013000: { type: "sepa_debit", currency: "eur", last4: "3000", failureCode: null },
  DE62370400440532013001: { type: "sepa_debit", currency: "eur", last4: "3001", failureCode: "insufficient_funds" },
};

export const TEST_BANK_ROUTING_NUMBER = US_ROUTING;

export function testBankAccount(number: string): TestBankAccount | null {
  return TEST_BANK_ACCOUNTS[number.replace(/[\s-]/g, "").toUpperCase()] ?? null;
}

export function testCard(number: string) {
  return TEST_CARDS[number.replace(/[\s-]/g, "")] ?? null;
}
