import { findPledgeForUpdate, upsertDonor } from "~/donations/ledger.data.server";

import { defineHandler, pledgeIdFrom } from "~/payments/events/handler.server";
import { syncRecurringGift } from "~/payments/events/recurring-gift.server";
import { SubscriptionSchema } from "~/payments/events/schemas.server";
import { currentSubscription } from "~/payments/events/stripe-state.server";

/**
 * A monthly gift's status and amount follow Stripe. The state applied is the
 * subscription as Stripe has it now, so an old event delivered late cannot
 * bring back a state that has since changed.
 */
export const subscriptionEvents = defineHandler({
  types: ["customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"],

  async prepare(event) {
    const fromEvent = SubscriptionSchema.parse(event.data.object);
    const pledgeId = pledgeIdFrom(fromEvent.metadata);
    if (!pledgeId) return null;
    return { subscription: await currentSubscription(fromEvent.id), pledgeId };
  },

  async apply(tx, { subscription, pledgeId }) {
    const pledge = await findPledgeForUpdate(tx, pledgeId);
    if (!pledge) throw new Error(`Subscription ${subscription.id} names pledge ${pledgeId}, which does not exist`);
    const donor = await upsertDonor(tx, {
      email: pledge.email,
      name: pledge.name,
      stripeCustomerId: subscription.customer,
      language: pledge.language,
    });
    const gift = await syncRecurringGift(tx, subscription, pledge, donor.id);
    return `monthly gift ${subscription.id} is ${gift.status}`;
  },
});
