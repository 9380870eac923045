import { queueReceipt } from "~/email/receipts.data.server";
import { ForeignPaymentError, linkPledge, pledgeAndDonor, recordDonation } from "~/donations/ledger.data.server";

import { defineHandler, pledgeIdFrom } from "~/payments/events/handler.server";
import { syncRecurringGift } from "~/payments/events/recurring-gift.server";
import { CheckoutSessionSchema, type CheckoutSession, type ParsedEvent } from "~/payments/events/schemas.server";
import { currentSubscription, paymentDetails, type PaymentDetails } from "~/payments/events/stripe-state.server";
import { unknownStripeValue } from "~/payments/events/unknown-values";

/**
 * checkout.session.completed and the delayed-payment outcomes: link the
 * pledge and donor; a paid one-time payment becomes a Donation; a monthly
 * gift gets its RecurringGift (its payments arrive as invoice.paid).
 */
export const checkoutEvents = defineHandler({
  types: ["checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed"],

  async prepare(event) {
    const session = CheckoutSessionSchema.parse(event.data.object);
    const pledgeId = pledgeIdFrom(session.metadata, session.client_reference_id ?? undefined);
    if (!pledgeId) return null;
    if (session.mode !== "payment" && session.mode !== "subscription") {
      // Lantern makes only these two; anything else (setup, or a mode Stripe adds later) is not a gift.
      if (session.mode !== "setup")
        unknownStripeValue("Checkout mode", session.mode, session.id, "not a gift (acknowledged, nothing recorded)");
      return null;
    }
    const paid = isPaid(session) && event.type !== "checkout.session.async_payment_failed";
    const payment: PaymentDetails | null =
      session.mode === "payment" && paid && session.payment_intent ? await paymentDetails(session.payment_intent) : null;
    const subscription = session.mode === "subscription" && session.subscription ? await currentSubscription(session.subscription) : null;
    return { session, pledgeId, paid, payment, subscription };
  },

  async apply(tx, { session, pledgeId, paid, payment, subscription }, event, context) {
    // The pledge, and its donor by the email Stripe has (else the pledge's), with the pledge's name and language.
    const found = await pledgeAndDonor(tx, pledgeId, {
      email: session.customer_details?.email ?? session.customer_email,
      stripeCustomerId: session.customer ?? payment?.customerId ?? null,
    });
    if (!found) throw new Error(`Checkout Session ${session.id} names pledge ${pledgeId}, which does not exist`);
    const { pledge, donor } = found;

    if (event.type === "checkout.session.async_payment_failed") {
      await linkPledge(tx, pledge.id, {
        donorId: donor.id,
        status: "failed",
        failureReason: "The delayed payment failed",
        checkoutSessionId: session.id,
      });
      return `pledge ${pledge.id} failed (delayed payment)`;
    }

    const paymentPledge = payment ? pledgeIdFrom(payment.metadata) : subscription ? pledgeIdFrom(subscription.metadata) : null;
    if (paymentPledge && paymentPledge !== pledge.id) {
      // A pledge is completed only by its own payment (or monthly gift), whatever the session says.
      const paidWith = payment?.paymentIntentId ?? subscription?.id;
      throw new ForeignPaymentError(
        `Checkout Session ${session.id} names pledge ${pledge.id} but ${paidWith} is pledge ${paymentPledge}'s; refused`,
      );
    }

    if (session.mode === "subscription") {
      if (subscription) {
        await syncRecurringGift(tx, subscription, pledge, donor.id);
      }
      await linkPledge(tx, pledge.id, { donorId: donor.id, status: paid ? "completed" : "open", checkoutSessionId: session.id });
      return `monthly gift ${subscription?.id ?? "(no subscription)"} linked to pledge ${pledge.id}`;
    }

    if (!paid || !payment) {
      await linkPledge(tx, pledge.id, { donorId: donor.id, status: "open", checkoutSessionId: session.id });
      return `pledge ${pledge.id} waits for its delayed payment`;
    }

    const { donation, created } = await recordDonation(tx, {
      pledge,
      donorId: donor.id,
      frequency: "once",
      stripePaymentIntentId: payment.paymentIntentId,
      stripeInvoiceId: null,
      stripeChargeId: payment.charge?.id ?? null,
      currency: payment.currency,
      grossAmount: payment.amount,
      coveredFee: pledge.coveredFee,
      fees: payment.charge?.fees ?? { stripeFee: null, settlement: null },
      refundedAmount: payment.charge?.amountRefunded ?? 0,
      paymentMethodBrand: payment.charge?.brand ?? null,
      paymentMethodLast4: payment.charge?.last4 ?? null,
      paidAt: paidAt(event, payment),
    });
    const receipt = created ? await queueReceipt(tx, donation.id, context) : null;
    await linkPledge(tx, pledge.id, { donorId: donor.id, status: "completed", checkoutSessionId: session.id });
    return `${created ? `recorded (receipt ${receipt})` : "already had"} donation ${donation.id} (${payment.paymentIntentId})`;
  },
});

/**
 * When the donor's money was paid, which dates the gift and its receipt
 * year: a card's charge is paid when it is made; a bank debit is paid days
 * after its charge was made, when Stripe reports the delayed payment's
 * success. Not when the PaymentIntent was created (that can be a declined
 * first attempt, long before).
 */
function paidAt(event: ParsedEvent, payment: PaymentDetails): Date {
  const eventTime = new Date(event.created * 1000);
  if (event.type === "checkout.session.async_payment_succeeded") return eventTime;
  return payment.charge?.createdAt ?? eventTime;
}

/**
 * Only `paid` means the money is there. `unpaid` waits for a delayed payment,
 * `no_payment_required` has nothing to record; a status Stripe adds later is
 * treated as not paid yet: the gift is recorded when Stripe says it is paid.
 */
function isPaid(session: CheckoutSession): boolean {
  if (session.payment_status === "paid") return true;
  if (session.payment_status !== "unpaid" && session.payment_status !== "no_payment_required") {
    unknownStripeValue("Checkout payment status", session.payment_status, session.id, "not paid yet");
  }
  return false;
}
