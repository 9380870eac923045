import { siteLanguage } from "~/i18n/language.server";
import { refundNoticeEmail } from "~/email/templates/refund-notice.server";
import { findDonationByCharge, setDispute, setRefundedAmount } from "~/donations/ledger.data.server";
import { queueEmail } from "~/email/outbox.data.server";

import { defineHandler } from "~/payments/events/handler.server";
import { ChargeSchema, DisputeSchema, RefundSchema } from "~/payments/events/schemas.server";
import { currentCharge, currentDispute } from "~/payments/events/stripe-state.server";
import { disputeFlag } from "~/payments/events/dispute-status";

/**
 * Refunds (also those made in Stripe's dashboard) and disputes. Amounts come
 * from the charge and dispute as Stripe has them now: absolute figures, so
 * repeated or reordered events agree. A charge Lantern has not recorded
 * (yet) is left alone: recording it later reads its refunds then.
 */
export const refundEvents = defineHandler({
  types: ["charge.refunded", "charge.refund.updated", "refund.created", "refund.updated", "refund.failed"],

  async prepare(event) {
    const object = event.data.object;
    const chargeId = object.object === "charge" ? ChargeSchema.parse(object).id : (RefundSchema.parse(object).charge ?? null);
    if (!chargeId) return null;
    return { charge: await currentCharge(chargeId) };
  },

  async apply(tx, { charge }, event, context) {
    const donation = await findDonationByCharge(tx, { chargeId: charge.id, paymentIntentId: charge.payment_intent ?? null });
    if (!donation) return `charge ${charge.id} is not a recorded gift (left alone)`;
    const { previousRefunded, donation: updated } = await setRefundedAmount(tx, donation.id, charge.amount_refunded);
    if (updated.refundedAmount !== previousRefunded) {
      // Up (a refund) or down (a refund that failed or was cancelled): the donor's deductible amount changed.
      const donor = await tx.donor.findUniqueOrThrow({ where: { id: updated.donorId } });
      // An erased donor has no address left to tell. Written in the language the
      // donor gave in, though the event says nothing of it.
      if (donor.email) {
        const pledge = updated.pledgeId
          ? await tx.pledge.findUnique({ where: { id: updated.pledgeId }, select: { language: true } })
          : null;
        await queueEmail(
          tx,
          refundNoticeEmail({
            lang: siteLanguage(pledge?.language ?? donor.language),
            donationId: updated.id,
            donorId: donor.id,
            eventId: event.id,
            to: donor.email,
            donorName: donor.name,
            receiptNumber: updated.receiptNumber,
            grossAmount: updated.grossAmount,
            previousRefundedAmount: previousRefunded,
            refundedAmount: updated.refundedAmount,
            currency: updated.currency,
            organisation: context.organisation,
          }),
        );
      }
    }
    return `donation ${donation.id} refunded ${updated.refundedAmount} of ${updated.grossAmount} (${updated.status})`;
  },
});

export const disputeEvents = defineHandler({
  types: ["charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_reinstated"],

  async prepare(event) {
    const fromEvent = DisputeSchema.parse(event.data.object);
    return { dispute: await currentDispute(fromEvent.id) };
  },

  async apply(tx, { dispute }) {
    const donation = await findDonationByCharge(tx, { chargeId: dispute.charge, paymentIntentId: dispute.payment_intent ?? null });
    if (!donation) return `dispute ${dispute.id} is not about a recorded gift (left alone)`;
    const updated = await setDispute(tx, donation.id, {
      id: dispute.id,
      status: disputeFlag(dispute.status, dispute.id),
      amount: dispute.amount,
      currency: dispute.currency,
    });
    return `donation ${donation.id} dispute ${updated.disputeStatus ?? "cleared"}`;
  },
});
