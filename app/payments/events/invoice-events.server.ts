import { campaignTitleIn } from "~/campaigns/campaign-language";
import { siteLanguage } from "~/i18n/language.server";
import { env } from "~/utils/env.server";
import { paymentFailedEmail } from "~/email/templates/payment-failed.server";
import { linkPledge, markPastDue, pledgeAndDonor, recordDonation } from "~/donations/ledger.data.server";
import { queueEmail } from "~/email/outbox.data.server";
import { queueReceipt } from "~/email/receipts.data.server";

import { defineHandler, pledgeIdFrom } from "~/payments/events/handler.server";
import { cardLinkUrl } from "~/portal/card-link-url.server";
import { syncRecurringGift } from "~/payments/events/recurring-gift.server";
import { InvoiceSchema, invoiceSubscriptionId } from "~/payments/events/schemas.server";
import { currentSubscription, invoicePaymentIntentId, paymentDetails, toDate } from "~/payments/events/stripe-state.server";

/**
 * Monthly instalments. Every paid invoice of a Lantern subscription, the
 * first included, becomes exactly one Donation keyed by the invoice id,
 * whether it arrives before or after checkout.session.completed.
 */
export const invoiceEvents = defineHandler({
  types: ["invoice.paid", "invoice.payment_failed"],

  async prepare(event) {
    const invoice = InvoiceSchema.parse(event.data.object);
    const subscriptionId = invoiceSubscriptionId(invoice);
    if (!subscriptionId) return null;
    const subscription = await currentSubscription(subscriptionId);
    const pledgeId = pledgeIdFrom(
      subscription.metadata,
      invoice.parent?.subscription_details?.metadata,
      invoice.subscription_details?.metadata,
    );
    if (!pledgeId) return null;
    let payment = null;
    if (event.type === "invoice.paid" && invoice.amount_paid > 0) {
      const paymentIntentId = await invoicePaymentIntentId(invoice);
      payment = paymentIntentId ? await paymentDetails(paymentIntentId) : null;
    }
    return { invoice, subscription, pledgeId, payment };
  },

  async apply(tx, { invoice, subscription, pledgeId, payment }, event, context) {
    // The pledge, and its donor by the invoice's email (else the pledge's), with the pledge's name and language.
    const found = await pledgeAndDonor(tx, pledgeId, {
      email: invoice.customer_email,
      stripeCustomerId: invoice.customer ?? subscription.customer,
    });
    if (!found) throw new Error(`Subscription ${subscription.id} names pledge ${pledgeId}, which does not exist`);
    const { pledge, donor } = found;
    const gift = await syncRecurringGift(tx, subscription, pledge, donor.id);

    if (event.type === "invoice.payment_failed") {
      await markPastDue(tx, subscription.id, new Date(event.created * 1000));
      const campaign = await tx.campaign.findUniqueOrThrow({
        where: { id: pledge.campaignId },
        select: { title: true, translations: true },
      });
      const lang = siteLanguage(pledge.language);
      const queued = await queueEmail(
        tx,
        paymentFailedEmail({
          lang,
          invoiceId: invoice.id,
          to: donor.email ?? pledge.email,
          donorName: donor.name,
          donorId: donor.id,
          amount: invoice.amount_paid > 0 ? invoice.amount_paid : gift.amount + gift.coveredFee,
          currency: invoice.currency.toUpperCase(),
          campaignTitle: campaignTitleIn(campaign, lang, env().DEFAULT_LANGUAGE),
          organisationName: context.organisation.name,
          // A signed link, valid 7 days, that opens the donor's portal on Stripe's card update, in their language.
          manageUrl: cardLinkUrl(donor.id, lang),
        }),
      );
      return `monthly gift ${subscription.id} past due${queued ? ", donor notice queued" : ""}`;
    }

    if (invoice.amount_paid <= 0) return `invoice ${invoice.id} paid nothing (no donation)`;
    const { donation, created } = await recordDonation(tx, {
      pledge,
      donorId: donor.id,
      frequency: gift.frequency === "yearly" ? "yearly" : "monthly",
      recurringGiftId: gift.id,
      stripePaymentIntentId: payment?.paymentIntentId ?? null,
      stripeInvoiceId: invoice.id,
      stripeChargeId: payment?.charge?.id ?? null,
      currency: invoice.currency,
      grossAmount: invoice.amount_paid,
      // The fee covered inside this gift's instalments now (the donor may have changed the amount since the pledge).
      coveredFee: gift.coveredFee,
      fees: payment?.charge?.fees ?? { stripeFee: null, settlement: null },
      refundedAmount: payment?.charge?.amountRefunded ?? 0,
      paymentMethodBrand: payment?.charge?.brand ?? null,
      paymentMethodLast4: payment?.charge?.last4 ?? null,
      paidAt: toDate(invoice.status_transitions?.paid_at, new Date(event.created * 1000)),
    });
    const receipt = created ? await queueReceipt(tx, donation.id, context) : null;
    await linkPledge(tx, pledge.id, { donorId: donor.id, status: "completed" });
    return `${created ? `recorded (receipt ${receipt})` : "already had"} monthly donation ${donation.id} (${invoice.id})`;
  },
});
