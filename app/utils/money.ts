/**
 * Money is an integer number of minor units plus an ISO 4217 currency code.
 * These helpers format and parse it without ever going through a float.
 */
export interface Money {
  amount: number;
  currency: string;
}

const ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);

/** How many minor units make one major unit (100 for USD, 1 for JPY). */
export function minorUnitDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

export function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new TypeError(`Money must be an integer number of minor units, got ${amount}`);
  }
}

/** Building an Intl.NumberFormat is costly; pages format dozens of amounts, so each is built once. */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, currency: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${locale}/${currency}/${minDigits}/${maxDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    formats.set(key, format);
  }
  return format;
}

/** "$1,234.50" style, for display. */
export function formatMoney(amount: number, currency: string, locale = "en-US"): string {
  assertMinorUnits(amount);
  const digits = minorUnitDigits(currency);
  const { whole, fraction } = splitMinor(amount, digits);
  // Intl takes a string with an exact decimal, so no float rounding happens.
  const decimal = `${amount < 0 ? "-" : ""}${whole}${digits ? `.${fraction}` : ""}`;
  return numberFormat(locale, currency.toUpperCase(), digits, digits).format(decimal as unknown as number);
}

/** "1234.50": a plain decimal string (CSV cells, form values). */
export function toDecimalString(amount: number, currency: string): string {
  assertMinorUnits(amount);
  const digits = minorUnitDigits(currency);
  const { whole, fraction } = splitMinor(amount, digits);
  return `${amount < 0 ? "-" : ""}${whole}${digits ? `.${fraction}` : ""}`;
}

/** Compact whole-unit display for presets and goals: "$50", "$50.50". */
export function formatMoneyShort(amount: number, currency: string, locale = "en-US"): string {
  const digits = minorUnitDigits(currency);
  if (digits > 0 && amount % 10 ** digits === 0) {
    return numberFormat(locale, currency.toUpperCase(), 0, 0).format(String(amount / 10 ** digits) as unknown as number);
  }
  return formatMoney(amount, currency, locale);
}

/**
 * How people write a currency next to an amount, besides its ISO code. "$"
 * belongs to both dollar currencies the site takes; "US$" or "CA$" to one.
 * Other currencies fall back to what Intl prints for them.
 */
const CURRENCY_MARKS: Record<string, string[]> = {
  USD: ["US$", "$"],
  CAD: ["CA$", "C$", "$"],
  EUR: ["€"],
  GBP: ["£"],
};

function marksOf(currency: string): string[] {
  const code = currency.toUpperCase();
  const marks = CURRENCY_MARKS[code] ?? (["symbol", "narrowSymbol"] as const).map((display) => intlSymbol(code, display));
  // Longest first, so "US$" is taken whole rather than as "$" after "US".
  return [code, ...marks].filter((mark, i, all) => mark !== "" && all.indexOf(mark) === i).sort((a, b) => b.length - a.length);
}

function intlSymbol(code: string, currencyDisplay: "symbol" | "narrowSymbol"): string {
  try {
    const parts = new Intl.NumberFormat("en-US", { style: "currency", currency: code, currencyDisplay }).formatToParts(0);
    return parts.find((part) => part.type === "currency")?.value ?? "";
  } catch {
    return "";
  }
}

/** ISO 4217 codes Intl knows, to tell "EUR 50" (another currency) from "fifty" (not an amount). */
let knownCodes: Set<string> | undefined;
function isCurrencyCode(word: string): boolean {
  knownCodes ??= new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : []);
  return knownCodes.has(word.toUpperCase());
}

export type MoneyInput = { ok: true; amount: number } | { ok: false; reason: "format" | "other_currency" };

/**
 * Reads what a person typed ("50", "50.5", "1,250.00", "$25", "25 USD") as an
 * amount in `currency`, in minor units. The currency's own symbol or code may
 * stand before or after the number; another currency's ("€50" for a USD
 * campaign) is refused as such, never read as the campaign's.
 */
export function readMoneyInput(input: string, currency: string): MoneyInput {
  let text = input.trim();
  const marks = marksOf(currency).map((mark) => mark.toUpperCase());
  // One mark may lead ("$50") and one may follow ("50 USD", "$50 USD").
  const before = marks.find((mark) => text.toUpperCase().startsWith(mark));
  if (before) text = text.slice(before.length).trim();
  const after = marks.find((mark) => text.toUpperCase().endsWith(mark));
  if (after) text = text.slice(0, text.length - after.length).trim();
  const words = text.split(/[\s\d.,]+/).filter(Boolean);
  if (/\p{Sc}/u.test(text) || words.some(isCurrencyCode)) return { ok: false, reason: "other_currency" };

  const digits = minorUnitDigits(currency);
  const cleaned = text.replace(/,(?=\d{3}(\D|$))/g, "");
  const pattern = digits ? new RegExp(`^(\\d{1,12})(?:\\.(\\d{1,${digits}}))?$`) : /^(\d{1,12})$/;
  const match = pattern.exec(cleaned);
  if (!match) return { ok: false, reason: "format" };
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  const amount = Number(whole) * 10 ** digits + (digits ? Number(fraction) : 0);
  return Number.isSafeInteger(amount) ? { ok: true, amount } : { ok: false, reason: "format" };
}

/** The amount a person typed in `currency`, in minor units; null when it is not one (see readMoneyInput). */
export function parseMoneyInput(input: string, currency: string): number | null {
  const read = readMoneyInput(input, currency);
  return read.ok ? read.amount : null;
}

/** "US Dollar (USD)": how a refusal names the currency a campaign takes. */
export function currencyLabel(currency: string, locale = "en"): string {
  const code = currency.toUpperCase();
  try {
    const name = new Intl.DisplayNames(locale, { type: "currency" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function splitMinor(amount: number, digits: number): { whole: string; fraction: string } {
  const absolute = Math.abs(amount);
  const base = 10 ** digits;
  return {
    whole: String(Math.floor(absolute / base)),
    fraction: String(absolute % base).padStart(digits, "0"),
  };
}

/** A decimal rate ("1.0825", "0.000731", "2e-7") as an exact fraction of integers. */
function rateFraction(rate: string): { numerator: bigint; denominator: bigint } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(rate.trim());
  if (!match) throw new RangeError(`Not an exchange rate: ${rate}`);
  const digits = `${match[1] ?? ""}${match[2] ?? ""}`;
  const exponent = Number(match[3] ?? 0) - (match[2]?.length ?? 0);
  let numerator = BigInt(digits);
  let denominator = 1n;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator = 10n ** BigInt(-exponent);
  if (numerator === 0n) throw new RangeError(`An exchange rate cannot be zero: ${rate}`);
  return { numerator, denominator };
}

/** numerator / denominator rounded half away from zero, for integers. */
function divideRounded(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return Number(negative ? -quotient : quotient);
}

/**
 * Converts an amount between currencies with a rate in major units, the way
 * Stripe states it on a balance transaction: an amount in `from` times `rate`
 * is the amount in `to`. `direction: "back"` goes the other way (divides).
 * Exact integer arithmetic, rounded half away from zero to a minor unit.
 */
export function convertMinorUnits(
  amount: number,
  currencies: { from: string; to: string },
  rate: string,
  direction: "forward" | "back" = "forward",
): number {
  assertMinorUnits(amount);
  const { numerator, denominator } = rateFraction(rate);
  const [source, target] = direction === "forward" ? [currencies.from, currencies.to] : [currencies.to, currencies.from];
  const scale = minorUnitDigits(target) - minorUnitDigits(source);
  let top = BigInt(amount) * (direction === "forward" ? numerator : denominator);
  let bottom = direction === "forward" ? denominator : numerator;
  if (scale >= 0) top *= 10n ** BigInt(scale);
  else bottom *= 10n ** BigInt(-scale);
  return divideRounded(top, bottom);
}
