/**
 * Stripe adds enum values over time (its SDK types say so with `OtherString`).
 * An event carrying one must not fail forever: the handler maps it to a safe
 * state and says so here, once per occurrence, for whoever reads the logs.
 */
export function unknownStripeValue(field: string, value: string, objectId: string, treatedAs: string): void {
  console.warn(`Stripe sent an unknown ${field} "${value}" on ${objectId}; Lantern treats it as ${treatedAs}.`);
}
