import { describe, expect, it } from "vitest";

import {
  convertMinorUnits,
  currencyLabel,
  formatMoney,
  formatMoneyShort,
  parseMoneyInput,
  readMoneyInput,
  toDecimalString,
} from "~/utils/money";

describe("money", () => {
  it("formats minor units without floats", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(-250, "USD")).toBe("-$2.50");
    expect(formatMoney(5000, "JPY")).toBe("¥5,000");
    expect(formatMoney(9_007_199_254_740_991, "USD")).toBe("$90,071,992,547,409.91");
  });

  it("shortens whole amounts only", () => {
    expect(formatMoneyShort(5_000_000, "USD")).toBe("$50,000");
    expect(formatMoneyShort(2550, "USD")).toBe("$25.50");
  });

  it("writes plain decimals", () => {
    expect(toDecimalString(1005, "USD")).toBe("10.05");
    expect(toDecimalString(-1, "USD")).toBe("-0.01");
    expect(toDecimalString(700, "JPY")).toBe("700");
  });

  it("refuses non-integer amounts", () => {
    expect(() => formatMoney(10.5, "USD")).toThrow(/integer number of minor units/);
  });

  it("parses typed amounts exactly", () => {
    expect(parseMoneyInput("50", "USD")).toBe(5000);
    expect(parseMoneyInput("0.29", "USD")).toBe(29);
    expect(parseMoneyInput("1,250.5", "USD")).toBe(125050);
    expect(parseMoneyInput("$25", "USD")).toBe(2500);
    expect(parseMoneyInput("10.001", "USD")).toBeNull();
    expect(parseMoneyInput("-5", "USD")).toBeNull();
    expect(parseMoneyInput("abc", "USD")).toBeNull();
    expect(parseMoneyInput("1.5", "JPY")).toBeNull();
  });

  it("converts with a balance transaction's exchange rate, exactly, both ways", () => {
    // Stripe's own example: 10.00 EUR settles as 12.34 USD at 1.234.
    const eurToUsd = { from: "EUR", to: "USD" };
    expect(convertMinorUnits(1_000, eurToUsd, "1.234")).toBe(1_234);
    expect(convertMinorUnits(1_234, eurToUsd, "1.234", "back")).toBe(1_000);
    // A USD fee of 1.49 is 1.38 EUR at 1.0825 (1.3764... rounds down), 1.39 at 1.0717.
    expect(convertMinorUnits(149, eurToUsd, "1.0825", "back")).toBe(138);
    expect(convertMinorUnits(149, eurToUsd, "1.0717", "back")).toBe(139);
    // Half a minor unit rounds away from zero.
    expect(convertMinorUnits(1, { from: "USD", to: "EUR" }, "0.5")).toBe(1);
    // Currencies with other minor units: 1,000 JPY at 0.0067 USD is 6.70 USD.
    expect(convertMinorUnits(1_000, { from: "JPY", to: "USD" }, "0.0067")).toBe(670);
    expect(convertMinorUnits(670, { from: "JPY", to: "USD" }, "0.0067", "back")).toBe(1_000);
    expect(convertMinorUnits(100, { from: "USD", to: "EUR" }, "9e-1")).toBe(90);
    expect(() => convertMinorUnits(100, eurToUsd, "0")).toThrow(RangeError);
    expect(() => convertMinorUnits(100, eurToUsd, "-1.2")).toThrow(RangeError);
  });
});

describe("an amount typed with a currency", () => {
  it("takes the campaign's own symbol or code, before or after the number", () => {
    for (const typed of ["$50", "$ 50", "50$", "US$50", "USD 50", "50 usd", "$50 USD", "50.00"])
      expect(readMoneyInput(typed, "USD"), typed).toEqual({ ok: true, amount: 5000 });
    for (const typed of ["€50", "50 €", "EUR 50"]) expect(readMoneyInput(typed, "EUR"), typed).toEqual({ ok: true, amount: 5000 });
    for (const typed of ["£50", "GBP50"]) expect(readMoneyInput(typed, "GBP"), typed).toEqual({ ok: true, amount: 5000 });
    for (const typed of ["$50", "CA$50", "C$ 50", "50 CAD"])
      expect(readMoneyInput(typed, "CAD"), typed).toEqual({ ok: true, amount: 5000 });
  });

  it("refuses another currency's symbol or code instead of reading it as the campaign's", () => {
    for (const typed of ["€50", "50€", "£50", "50 £", "¥50", "₹50", "EUR 50", "50 gbp", "CA$50", "R$50", "$€50"]) {
      expect(readMoneyInput(typed, "USD"), typed).toEqual({ ok: false, reason: "other_currency" });
    }
    for (const typed of ["$50", "US$50", "£50"])
      expect(readMoneyInput(typed, "EUR"), typed).toEqual({ ok: false, reason: "other_currency" });
    expect(readMoneyInput("US$50", "CAD")).toEqual({ ok: false, reason: "other_currency" });
    expect(parseMoneyInput("€50", "USD")).toBeNull();
  });

  it("still tells a malformed amount from a foreign one", () => {
    for (const typed of ["fifty", "50 dollars", "$-5", "5.001", ""])
      expect(readMoneyInput(typed, "USD"), typed).toEqual({ ok: false, reason: "format" });
  });

  it("names the currency for a refusal", () => {
    expect(currencyLabel("USD")).toBe("US Dollar (USD)");
    expect(currencyLabel("gbp")).toBe("British Pound (GBP)");
  });
});
