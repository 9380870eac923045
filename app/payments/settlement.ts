import { convertMinorUnits } from "~/utils/money";

/**
 * A charge's balance transaction is in the account's settlement currency,
 * which may differ from the gift's (a EUR gift to a USD account): its fee
 * is then converted back to the gift's currency with the balance
 * transaction's own exchange rate, so a gift's fee and net are always in the
 * gift's currency and staff totals never add one currency to another.
 */
export interface BalanceFigures {
  currency: string;
  amount: number;
  fee: number;
  net: number;
  /** Gift currency × rate = settlement currency (Stripe's `exchange_rate`); null when none was needed. */
  exchangeRate: number | null;
}

export interface Settlement {
  currency: string;
  amount: number;
  fee: number;
  net: number;
  exchangeRate: string | null;
}

export interface GiftFees {
  /** Stripe's fee in the gift's currency; null while unknown. */
  stripeFee: number | null;
  settlement: Settlement | null;
}

export function feesInGiftCurrency(balance: BalanceFigures | null, giftCurrency: string): GiftFees {
  if (!balance) return { stripeFee: null, settlement: null };
  const sameCurrency = balance.currency.toUpperCase() === giftCurrency.toUpperCase();
  const rate = balance.exchangeRate === null ? null : String(balance.exchangeRate);
  const settlement: Settlement = {
    currency: balance.currency.toUpperCase(),
    amount: balance.amount,
    fee: balance.fee,
    net: balance.net,
    exchangeRate: sameCurrency ? null : rate,
  };
  if (sameCurrency) return { stripeFee: balance.fee, settlement };
  if (!rate) {
    console.warn(
      `A balance transaction in ${settlement.currency} for a ${giftCurrency.toUpperCase()} gift has no exchange rate; its fee stays unknown in the gift's currency.`,
    );
    return { stripeFee: null, settlement };
  }
  const stripeFee = convertMinorUnits(balance.fee, { from: giftCurrency, to: balance.currency }, rate, "back");
  return { stripeFee, settlement };
}
