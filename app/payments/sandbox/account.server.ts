import { getObject, saveObject } from "~/payments/sandbox/store.server";
import { stripe } from "~/payments/stripe.server";

/**
 * What a real Stripe account varies and the sandbox lets you choose, kept
 * with the sandbox's objects so every instance sees the same settings:
 * - the settlement currency: charges in another currency are converted into
 *   it on their balance transaction, with `exchange_rate` (a EUR campaign on
 *   a USD account);
 * - the API version webhook events are rendered at (an endpoint made in the
 *   dashboard uses the account's version, which may be years older than the
 *   SDK's).
 */
export interface SandboxAccount {
  /** Lower-case ISO code, e.g. "usd". */
  settlementCurrency: string;
  /** e.g. "2026-10-28.endive", or "2025-02-24.acacia" for events in the older shape. */
  eventsApiVersion: string;
}

const SETTINGS_ID = "sandbox_account_settings";

/** A nonprofit in the United States: its balance is in US dollars. */
const DEFAULT_SETTLEMENT_CURRENCY = "usd";

/** The SDK's pinned version: what a new account has. */
export function currentApiVersion(): string {
  return stripe().getApiField("version") ?? "2026-10-28.endive";
}

type StoredSettings = { id: string; object: "sandbox_settings" } & Partial<SandboxAccount>;

export async function sandboxAccount(): Promise<SandboxAccount> {
  const stored = await getObject<StoredSettings>(SETTINGS_ID);
  return {
    settlementCurrency: stored?.settlementCurrency ?? DEFAULT_SETTLEMENT_CURRENCY,
    eventsApiVersion: stored?.eventsApiVersion ?? currentApiVersion(),
  };
}

/** Changes some settings (as an account owner would in Stripe's dashboard). */
export async function configureSandboxAccount(changes: Partial<SandboxAccount>): Promise<SandboxAccount> {
  const next = { ...(await sandboxAccount()), ...changes };
  next.settlementCurrency = next.settlementCurrency.toLowerCase();
  await saveObject({ id: SETTINGS_ID, object: "sandbox_settings", ...next });
  return next;
}

/**
 * The sandbox's fixed market: US dollars per unit of each currency it knows.
 * Real rates move; fixed ones keep test figures reproducible.
 */
const USD_PER_UNIT: Record<string, string> = { usd: "1", eur: "1.0825", gbp: "1.271", cad: "0.7315" };

/**
 * The rate from one currency to another (amount in `from` × rate = amount in
 * `to`), to six decimal places as Stripe gives it; null for an unknown currency.
 * A rate is not money: it is a plain number on Stripe's objects too.
 */
export function exchangeRate(from: string, to: string): string | null {
  const source = USD_PER_UNIT[from.toLowerCase()];
  const target = USD_PER_UNIT[to.toLowerCase()];
  if (!source || !target) return null;
  return (Number(source) / Number(target)).toFixed(6);
}
