import { describe, expect, it } from "vitest";

import { formatMoney, formatMoneyShort, parseMoneyInput, toDecimalString } from "~/utils/money";

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
});
