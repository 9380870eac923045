import type { FeePolicy } from "~/giving/fees";
import { env } from "~/utils/env.server";
import { minorUnitDigits } from "~/utils/money";

/**
 * Giving limits, the fee-cover formula and the checkout rate limit, from the
 * (already validated) environment, expressed in a campaign's currency.
 */
export interface GivingSettings {
  minAmount: number;
  maxAmount: number;
  fee: FeePolicy;
  rateLimit: { max: number; windowMs: number };
}

/** "25000.00" in minor units of the currency (extra decimals are truncated). */
function toMinor(value: string, currency: string): number {
  const digits = minorUnitDigits(currency);
  const [whole = "0", fraction = ""] = value.split(".");
  return Number(whole) * 10 ** digits + (digits ? Number((fraction + "0000").slice(0, digits)) : 0);
}

function basisPoints(percent: string): number {
  const [whole = "0", fraction = ""] = percent.split(".");
  return Number(whole) * 100 + Number((fraction + "00").slice(0, 2));
}

export function givingSettings(currency: string): GivingSettings {
  const e = env();
  return {
    minAmount: toMinor(e.GIFT_MIN, currency),
    maxAmount: toMinor(e.GIFT_MAX, currency),
    fee: { percentBps: basisPoints(e.FEE_PERCENT), fixed: toMinor(e.FEE_FIXED, currency) },
    rateLimit: { max: e.CHECKOUT_RATE_LIMIT, windowMs: e.CHECKOUT_RATE_WINDOW_MINUTES * 60_000 },
  };
}
