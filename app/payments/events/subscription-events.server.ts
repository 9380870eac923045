import { pledgeAndDonor } from "~/donations/ledger.data.server";
import { queueEmail } from "~/email/outbox.data.server";
import { giftEndedEmail } from "~/email/templates/gift-change.server";
import { campaignTitleIn } from "~/campaigns/campaign-language";
import { publicUrl, siteLanguage } from "~/i18n/language.server";
import { env } from "~/utils/env.server";

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

  async apply(tx, { subscription, pledgeId }, event, context) {
    // The pledge, and its donor by the pledge's email, name and language.
    const found = await pledgeAndDonor(tx, pledgeId, { email: null, stripeCustomerId: subscription.customer });
    if (!found) throw new Error(`Subscription ${subscription.id} names pledge ${pledgeId}, which does not exist`);
    const { pledge, donor } = found;
    const gift = await syncRecurringGift(tx, subscription, pledge, donor.id);
    // (An erased donor has no address left to tell.)
    if (gift.status === "canceled" && subscription.cancellation_details?.reason === "payment_failed" && donor.email) {
      // Stripe gave up after the last retry: the second notice, once per gift (its dedupe key).
      const campaign = await tx.campaign.findUniqueOrThrow({
        where: { id: gift.campaignId },
        select: { title: true, slug: true, translations: true },
      });
      // In the language the gift was made in, like its receipts and the first notice.
      const lang = siteLanguage(pledge.language);
      const queued = await queueEmail(
        tx,
        giftEndedEmail({
          lang,
          subscriptionId: subscription.id,
          to: donor.email,
          donorId: donor.id,
          donorName: donor.name,
          amount: gift.amount + gift.coveredFee,
          currency: gift.currency,
          campaignTitle: campaignTitleIn(campaign, lang, env().DEFAULT_LANGUAGE),
          campaignUrl: publicUrl(`/campaigns/${campaign.slug}`, lang),
          organisationName: context.organisation.name,
        }),
      );
      return `monthly gift ${subscription.id} ended after failed payments${queued ? ", donor notice queued" : ""}`;
    }
    return `monthly gift ${subscription.id} is ${gift.status}`;
  },
});
