import type { RecurringStatus } from "~/generated/prisma/enums";

/** Stripe's subscription statuses, as the ledger keeps them. */
export function recurringStatus(status: string): RecurringStatus {
  switch (status) {
    case "active":
    case "trialing":
      return "active";
    case "past_due":
      return "past_due";
    case "unpaid":
      return "unpaid";
    case "paused":
      return "paused";
    case "canceled":
    case "incomplete_expired":
      return "canceled";
    default:
      return "incomplete";
  }
}
