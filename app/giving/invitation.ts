import { minorUnitDigits } from "~/utils/money";

/**
 * The monthly amount suggested instead of a one-time gift, by the campaign's
 * rule "third": a third of the one-time amount, rounded to a whole unit of
 * the currency (a dollar, a euro, a yen), never below the gift minimum.
 */
export function suggestedMonthlyAmount(oneTime: number, currency: string, minAmount: number): number {
  const unit = 10 ** minorUnitDigits(currency);
  return Math.max(minAmount, Math.round(oneTime / 3 / unit) * unit);
}
