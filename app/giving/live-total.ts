import type { TFunction } from "i18next";

import { coveredFeeFor, type FeePolicy } from "~/giving/fees";
import { translator } from "~/i18n/i18n";
import { formatMoney, parseMoneyInput } from "~/utils/money";

/**
 * The donation form's running total ("Total $51.44 each month (includes
 * $1.44 for fees)"), worked out from the form as it stands. Plain functions
 * of the form's data, so any script that enhances the form can use them.
 */
export interface GiftChoice {
  /** A preset amount in minor units, "other", or "" (nothing chosen). */
  amount: string;
  customAmount: string;
  coverFee: boolean;
  monthly: boolean;
}

export function readGiftChoice(form: FormData): GiftChoice {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    amount: text("amount"),
    customAmount: text("customAmount"),
    coverFee: text("coverFee") === "on",
    monthly: text("frequency") === "monthly",
  };
}

/** The gift in minor units, or null while the amount is not a usable number. */
export function chosenAmount(choice: GiftChoice, currency: string): number | null {
  if (choice.amount === "other") return parseMoneyInput(choice.customAmount, currency);
  return Number(choice.amount) || null;
}

/** The sentence to show under the fee choice, or null while there is no amount to total. */
export function liveTotalText(choice: GiftChoice, currency: string, fee: FeePolicy, t: TFunction = translator("en")): string | null {
  const amount = chosenAmount(choice, currency);
  if (!amount) return null;
  const coveredFee = choice.coverFee ? coveredFeeFor(amount, fee) : 0;
  const locale = t("language.locale");
  const total = t(choice.monthly ? "form.totalMonthly" : "form.total", { total: formatMoney(amount + coveredFee, currency, locale) });
  return `${total}${coveredFee ? t("form.totalFees", { fee: formatMoney(coveredFee, currency, locale) }) : ""}`;
}
