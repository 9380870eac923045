import { coveredFeeFor, type FeePolicy } from "~/giving/fees";
import { formatMoney, parseMoneyInput } from "~/utils/money";

/**
 * The donation form's running total ("Total $51.44 each month (includes
 * $1.44 for fees)"), worked out from the form as it stands. Plain functions
 * of the form's data, so any script that enhances the form can use them.
 * The words come from the page's catalogue (live-total-words.ts on the
 * server, carried to the browser in the form's data-total-words), so this
 * file, bundled into the page module, carries no catalogue of its own.
 */
export interface LiveTotalWords {
  /** The BCP 47 locale money is written in. */
  locale: string;
  /** "Total {{total}}", "Total {{total}} each month", "... each year" and " (includes {{fee}} for fees)" in the page's language. */
  total: string;
  totalMonthly: string;
  totalYearly: string;
  fees: string;
}

export interface GiftChoice {
  /** A preset amount in minor units, "other", or "" (nothing chosen). */
  amount: string;
  customAmount: string;
  coverFee: boolean;
  monthly: boolean;
  yearly: boolean;
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
    yearly: text("frequency") === "yearly",
  };
}

/** The gift in minor units, or null while the amount is not a usable number. */
export function chosenAmount(choice: GiftChoice, currency: string): number | null {
  if (choice.amount === "other") return parseMoneyInput(choice.customAmount, currency);
  return Number(choice.amount) || null;
}

/** The sentence to show under the fee choice, or null while there is no amount to total. */
export function liveTotalText(choice: GiftChoice, currency: string, fee: FeePolicy, words: LiveTotalWords): string | null {
  const amount = chosenAmount(choice, currency);
  if (!amount) return null;
  const coveredFee = choice.coverFee ? coveredFeeFor(amount, fee) : 0;
  const total = fill(choice.monthly ? words.totalMonthly : choice.yearly ? words.totalYearly : words.total, {
    total: formatMoney(amount + coveredFee, currency, words.locale),
  });
  return `${total}${coveredFee ? fill(words.fees, { fee: formatMoney(coveredFee, currency, words.locale) }) : ""}`;
}

/** Puts values into a catalogue's "{{name}}" places. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (place, name: string) => values[name] ?? place);
}
