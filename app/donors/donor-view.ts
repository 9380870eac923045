import { formatMoney } from "~/utils/money";

/** "$1,250.00 · €40.00": a donor's giving in each currency, in the page's locale, or a dash. */
export function lifetimeText(lifetime: Array<{ currency: string; amount: number }>, locale: string): string {
  return lifetime.length ? lifetime.map((entry) => formatMoney(entry.amount, entry.currency, locale)).join(" · ") : "—";
}
