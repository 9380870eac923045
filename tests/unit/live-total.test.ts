import { describe, expect, it } from "vitest";

import { chosenAmount, liveTotalText as liveTotalIn, readGiftChoice, type GiftChoice } from "~/giving/live-total";
import type { FeePolicy } from "~/giving/fees";
import { liveTotalWords } from "~/giving/live-total-words";
import { translator } from "~/i18n/i18n";

const ENGLISH = liveTotalWords(translator("en"));
const liveTotalText = (choice: GiftChoice, currency: string, fee: FeePolicy) => liveTotalIn(choice, currency, fee, ENGLISH);

const FEE = { percentBps: 220, fixed: 30 };
const choice = (over: Partial<GiftChoice>): GiftChoice => ({
  amount: "",
  customAmount: "",
  coverFee: false,
  monthly: false,
  yearly: false,
  ...over,
});

describe("the donation form's running total", () => {
  it("reads the form's own field names", () => {
    const form = new FormData();
    form.set("amount", "other");
    form.set("customAmount", "12.50");
    form.set("coverFee", "on");
    form.set("frequency", "monthly");
    expect(readGiftChoice(form)).toEqual({ amount: "other", customAmount: "12.50", coverFee: true, monthly: true, yearly: false });
    expect(readGiftChoice(new FormData())).toEqual(choice({}));
  });

  it("takes a preset in minor units, or the amount typed as “other”, exactly", () => {
    expect(chosenAmount(choice({ amount: "5000" }), "USD")).toBe(5_000);
    expect(chosenAmount(choice({ amount: "other", customAmount: "$1,234.56" }), "USD")).toBe(123_456);
    expect(chosenAmount(choice({ amount: "other", customAmount: "12.345" }), "USD")).toBeNull();
    expect(chosenAmount(choice({ amount: "other", customAmount: "5000" }), "JPY")).toBe(5_000);
    expect(chosenAmount(choice({}), "USD")).toBeNull();
  });

  it("adds the fee a donor covers, by the same gross-up as the checkout", () => {
    expect(liveTotalText(choice({ amount: "5000" }), "USD", FEE)).toBe("Total $50.00");
    expect(liveTotalText(choice({ amount: "5000", coverFee: true }), "USD", FEE)).toBe("Total $51.44 (includes $1.44 for fees)");
    expect(liveTotalText(choice({ amount: "other", customAmount: "0.01", coverFee: true, monthly: true }), "USD", FEE)).toBe(
      "Total $0.32 each month (includes $0.31 for fees)",
    );
    expect(liveTotalText(choice({ amount: "12000", yearly: true }), "USD", FEE)).toBe("Total $120.00 each year");
    expect(liveTotalText(choice({ amount: "other", customAmount: "20", coverFee: true }), "EUR", { percentBps: 140, fixed: 25 })).toBe(
      "Total €20.54 (includes €0.54 for fees)",
    );
  });

  it("says nothing while there is no usable amount", () => {
    expect(liveTotalText(choice({}), "USD", FEE)).toBeNull();
    expect(liveTotalText(choice({ amount: "other", customAmount: "" }), "USD", FEE)).toBeNull();
    expect(liveTotalText(choice({ amount: "other", customAmount: "lots" }), "USD", FEE)).toBeNull();
    expect(liveTotalText(choice({ amount: "other", customAmount: "0" }), "USD", FEE)).toBeNull();
  });
});

describe("the live total in Spanish", () => {
  it("takes its words and the way money is written from the page's catalogue", () => {
    const words = liveTotalWords(translator("es"));
    expect(liveTotalIn(choice({ amount: "5000", coverFee: true, monthly: true }), "USD", FEE, words)).toBe(
      `Total ${new Intl.NumberFormat("es-US", { style: "currency", currency: "USD" }).format(51.44)} cada mes (incluye ${new Intl.NumberFormat("es-US", { style: "currency", currency: "USD" }).format(1.44)} de comisiones)`,
    );
  });
});
