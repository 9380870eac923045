import type { Prisma } from "~/db/db.server";
import type { Pledge } from "~/generated/prisma/client";
import { upsertRecurringGift } from "~/donations/ledger.data.server";

import { recurringStatus } from "~/payments/events/recurring-status.server";
import type { Subscription } from "~/payments/events/schemas.server";
import { subscriptionTerms } from "~/payments/events/stripe-state.server";

/** Brings a pledge's RecurringGift in line with the subscription as Stripe has it now. */
export function syncRecurringGift(tx: Prisma.TransactionClient, subscription: Subscription, pledge: Pledge, donorId: string) {
  const terms = subscriptionTerms(subscription);
  return upsertRecurringGift(tx, {
    stripeSubscriptionId: subscription.id,
    pledge,
    donorId,
    grossAmount: terms.grossAmount,
    coveredFee: terms.coveredFee,
    pausedUntil: terms.pausedUntil,
    currency: terms.currency,
    status: recurringStatus(subscription.status, subscription.id),
    currentPeriodEnd: terms.currentPeriodEnd,
    canceledAt: terms.canceledAt,
    // The subscription was read from Stripe just now, so this is its newest state.
    observedAt: new Date(),
  });
}
