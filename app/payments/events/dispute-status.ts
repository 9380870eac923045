import type { DisputeStatus } from "~/generated/prisma/enums";

import { unknownStripeValue } from "~/payments/events/unknown-values";

/**
 * What a Stripe dispute status means for a gift:
 * - an inquiry (`warning_needs_response`, `warning_under_review`) flags the
 *   gift but is not a dispute: no money was withdrawn;
 * - `warning_closed` (the inquiry ended) and `prevented` (Stripe stopped the
 *   dispute before it began) clear the flag;
 * - a chargeback and its appeal are open until `won` or `lost`; only `lost`
 *   takes money out of the totals.
 * A status Stripe adds later is treated as an open dispute: the gift is
 * flagged for staff and still counts, which is safe either way.
 */
export type DisputeFlag = DisputeStatus | null;

const FLAGS: Record<string, DisputeFlag> = {
  warning_needs_response: "inquiry",
  warning_under_review: "inquiry",
  warning_closed: null,
  prevented: null,
  needs_response: "open",
  under_review: "open",
  appeal_needs_response: "open",
  appeal_under_review: "open",
  won: "won",
  lost: "lost",
};

export function disputeFlag(stripeStatus: string, disputeId: string): DisputeFlag {
  if (stripeStatus in FLAGS) return FLAGS[stripeStatus] ?? null;
  unknownStripeValue("dispute status", stripeStatus, disputeId, "an open dispute");
  return "open";
}
