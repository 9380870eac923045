import type { RecurringStatus } from "~/generated/prisma/enums";

import { unknownStripeValue } from "~/payments/events/unknown-values";

/**
 * Stripe's subscription statuses, as the ledger keeps them. A status Stripe
 * adds later maps to null: the monthly gift keeps the status it had (a new
 * one starts as incomplete), and its payments are still recorded from
 * invoice.paid, so the ledger stays right.
 */
const STATUSES: Record<string, RecurringStatus> = {
  active: "active",
  trialing: "active",
  past_due: "past_due",
  unpaid: "unpaid",
  paused: "paused",
  canceled: "canceled",
  incomplete_expired: "canceled",
  incomplete: "incomplete",
};

export function recurringStatus(status: string, subscriptionId: string): RecurringStatus | null {
  const known = STATUSES[status];
  if (known) return known;
  unknownStripeValue("subscription status", status, subscriptionId, "no change to the monthly gift's status");
  return null;
}
