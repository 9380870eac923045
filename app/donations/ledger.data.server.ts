import type { Prisma } from "~/db/db.server";
import type { DisputeStatus, DonationStatus, GiftFrequency, Pledge, RecurringStatus } from "~/generated/prisma/client";
import type { GiftFees } from "~/payments/settlement";

/**
 * The donation ledger's writes. Every function takes the transaction the
 * webhook event is being applied in, so an event's effects (and the record
 * that it was applied) commit together or not at all. Uniqueness (payment
 * intent, invoice, subscription) is enforced by the database, never by a
 * read-then-write check.
 */
type Tx = Prisma.TransactionClient;

export async function findPledgeForUpdate(tx: Tx, pledgeId: string): Promise<Pledge | null> {
  return tx.pledge.findUnique({ where: { id: pledgeId } });
}

/** The donor for an email (lower-cased), created on first gift. */
export async function upsertDonor(
  tx: Tx,
  input: {
    email: string;
    name: string;
    stripeCustomerId: string | null;
    /** The language of the gift being recorded: the donor's from now on (statements, manage links). */
    language?: string;
  },
) {
  const email = input.email.trim().toLowerCase();
  const donor = await tx.donor.upsert({
    where: { email },
    create: { email, name: input.name, ...(input.language ? { language: input.language } : {}) },
    update: input.language ? { language: input.language } : {},
  });
  if (input.stripeCustomerId && donor.stripeCustomerId !== input.stripeCustomerId) {
    // A customer id already linked to another donor stays where it is.
    const taken = await tx.donor.findUnique({ where: { stripeCustomerId: input.stripeCustomerId } });
    if (!taken) {
      return tx.donor.update({ where: { id: donor.id }, data: { stripeCustomerId: input.stripeCustomerId } });
    }
  }
  return donor;
}

export async function linkPledge(
  tx: Tx,
  pledgeId: string,
  data: { donorId: string; status?: "completed" | "failed" | "open"; failureReason?: string | null; checkoutSessionId?: string },
): Promise<void> {
  const pledge = await tx.pledge.findUnique({ where: { id: pledgeId } });
  if (!pledge) return;
  // A completed pledge never goes back to open or failed.
  const status = pledge.status === "completed" ? "completed" : data.status;
  await tx.pledge.update({
    where: { id: pledgeId },
    data: {
      donorId: data.donorId,
      ...(status ? { status } : {}),
      ...(data.failureReason !== undefined && status !== "completed" ? { failureReason: data.failureReason } : {}),
      ...(data.checkoutSessionId && !pledge.checkoutSessionId ? { checkoutSessionId: data.checkoutSessionId } : {}),
    },
  });
}

/**
 * A Checkout Session expired unpaid: its pledge is abandoned, unless it was
 * paid or failed meanwhile, or it has moved on to a newer session (a retry).
 * Returns whether the pledge was marked.
 */
export async function markPledgeExpired(tx: Tx, pledgeId: string, checkoutSessionId: string): Promise<boolean> {
  const { count } = await tx.pledge.updateMany({
    where: {
      id: pledgeId,
      status: { in: ["pending", "open", "checkout_failed"] },
      OR: [{ checkoutSessionId }, { checkoutSessionId: null }],
    },
    data: { status: "expired", failureReason: "The Checkout Session expired without payment" },
  });
  return count === 1;
}

export interface DonationInput {
  pledge: Pledge;
  donorId: string;
  frequency: GiftFrequency;
  recurringGiftId?: string | null;
  stripePaymentIntentId: string | null;
  stripeInvoiceId: string | null;
  stripeChargeId: string | null;
  currency: string;
  grossAmount: number;
  coveredFee: number;
  /** Stripe's fee in the gift's currency and the settled balance transaction (see payments/settlement.ts). */
  fees: GiftFees;
  refundedAmount: number;
  paymentMethodBrand: string | null;
  paymentMethodLast4: string | null;
  paidAt: Date;
}

export class ForeignPaymentError extends Error {
  override name = "ForeignPaymentError";
}

/**
 * Records one successful charge. A second call for the same payment intent or
 * invoice changes nothing but filling in what was not known the first time
 * (the fee, the charge). Returns the row and whether this call created it.
 */
export async function recordDonation(tx: Tx, input: DonationInput) {
  const refunded = Math.min(input.refundedAmount, input.grossAmount);
  const { count } = await tx.donation.createMany({
    skipDuplicates: true,
    data: [
      {
        campaignId: input.pledge.campaignId,
        donorId: input.donorId,
        pledgeId: input.pledge.id,
        recurringGiftId: input.recurringGiftId ?? null,
        frequency: input.frequency,
        stripePaymentIntentId: input.stripePaymentIntentId,
        stripeInvoiceId: input.stripeInvoiceId,
        stripeChargeId: input.stripeChargeId,
        currency: input.currency.toUpperCase(),
        grossAmount: input.grossAmount,
        coveredFee: Math.min(input.coveredFee, input.grossAmount),
        stripeFee: input.fees.stripeFee,
        netAmount: input.fees.stripeFee === null ? null : input.grossAmount - input.fees.stripeFee,
        ...settlementColumns(input.fees),
        refundedAmount: refunded,
        status: refundStatus(refunded, input.grossAmount),
        anonymous: input.pledge.anonymous,
        publicComment: input.pledge.comment,
        paymentMethodBrand: input.paymentMethodBrand,
        paymentMethodLast4: input.paymentMethodLast4,
        paidAt: input.paidAt,
      },
    ],
  });
  const where = input.stripeInvoiceId
    ? { stripeInvoiceId: input.stripeInvoiceId }
    : { stripePaymentIntentId: input.stripePaymentIntentId ?? "" };
  const donation = await tx.donation.findUniqueOrThrow({ where });
  if (count === 0 && donation.pledgeId !== input.pledge.id) {
    // A pledge is completed only by its own payment, never by one already recorded for another.
    throw new ForeignPaymentError(
      `Payment ${input.stripeInvoiceId ?? input.stripePaymentIntentId} is already recorded for pledge ${donation.pledgeId}, not ${input.pledge.id}; refused`,
    );
  }
  if (count === 0) {
    const fill: Prisma.DonationUpdateInput = {};
    if (donation.stripeFee === null && input.fees.stripeFee !== null) {
      fill.stripeFee = input.fees.stripeFee;
      fill.netAmount = donation.grossAmount - input.fees.stripeFee;
    }
    if (donation.settlementCurrency === null && input.fees.settlement) Object.assign(fill, settlementColumns(input.fees));
    if (!donation.stripeChargeId && input.stripeChargeId) fill.stripeChargeId = input.stripeChargeId;
    if (!donation.recurringGiftId && input.recurringGiftId) fill.recurringGift = { connect: { id: input.recurringGiftId } };
    if (Object.keys(fill).length > 0)
      return { donation: await tx.donation.update({ where: { id: donation.id }, data: fill }), created: false };
  }
  return { donation, created: count === 1 };
}

function settlementColumns(fees: GiftFees) {
  const settled = fees.settlement;
  if (!settled) return {};
  return {
    settlementCurrency: settled.currency,
    settlementAmount: settled.amount,
    settlementFee: settled.fee,
    settlementNet: settled.net,
    exchangeRate: settled.exchangeRate,
  };
}

function refundStatus(refunded: number, gross: number): DonationStatus {
  if (refunded <= 0) return "succeeded";
  return refunded >= gross ? "refunded" : "partially_refunded";
}

/** The status a donation shows, from its refunds and any dispute. */
function donationStatus(refunded: number, gross: number, dispute: DisputeStatus | null): DonationStatus {
  if (dispute === "open" || dispute === "lost") return "disputed";
  return refundStatus(refunded, gross);
}

export async function findDonationByCharge(tx: Tx, ids: { chargeId: string | null; paymentIntentId: string | null }) {
  if (ids.chargeId) {
    const byCharge = await tx.donation.findUnique({ where: { stripeChargeId: ids.chargeId } });
    if (byCharge) return byCharge;
  }
  if (ids.paymentIntentId) return tx.donation.findUnique({ where: { stripePaymentIntentId: ids.paymentIntentId } });
  return null;
}

/** Reads a donation and locks its row until the transaction ends, so a change and what it was changed from agree. */
async function lockedDonation(tx: Tx, donationId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Donation" WHERE "id" = ${donationId}::uuid FOR UPDATE`;
  return tx.donation.findUniqueOrThrow({ where: { id: donationId } });
}

/**
 * Sets the refunded total to what Stripe says the charge has refunded now:
 * an absolute figure, so refund events in any order or repeated agree, and a
 * refund that fails or is cancelled (Stripe lowers `amount_refunded` again)
 * gives the gift back. Returns the refunded total before and the row after.
 */
export async function setRefundedAmount(tx: Tx, donationId: string, amountRefunded: number) {
  const donation = await lockedDonation(tx, donationId);
  const refunded = Math.min(Math.max(amountRefunded, 0), donation.grossAmount);
  if (refunded === donation.refundedAmount) return { previousRefunded: refunded, donation };
  const updated = await tx.donation.update({
    where: { id: donationId },
    data: { refundedAmount: refunded, status: donationStatus(refunded, donation.grossAmount, donation.disputeStatus) },
  });
  return { previousRefunded: donation.refundedAmount, donation: updated };
}

export class DisputeAmountError extends Error {
  override name = "DisputeAmountError";
}

/**
 * Applies a dispute's current state (see payments/events/dispute-status.ts):
 * `null` clears an inquiry's flag. A real dispute's state is never replaced
 * by an inquiry's (those come from another dispute object of the charge). An
 * amount Stripe reports below zero, above the gift or in another currency is
 * refused: the error is recorded on the event and nothing changes.
 */
export async function setDispute(
  tx: Tx,
  donationId: string,
  dispute: { id: string; status: DisputeStatus | null; amount: number; currency: string },
) {
  const donation = await lockedDonation(tx, donationId);
  if (!Number.isSafeInteger(dispute.amount) || dispute.amount < 0 || dispute.amount > donation.grossAmount) {
    throw new DisputeAmountError(`Dispute ${dispute.id} reports ${dispute.amount} for a gift of ${donation.grossAmount}; refused`);
  }
  if (dispute.currency.toUpperCase() !== donation.currency) {
    throw new DisputeAmountError(
      `Dispute ${dispute.id} is in ${dispute.currency.toUpperCase()}, the gift in ${donation.currency}; refused`,
    );
  }
  const realDispute = donation.disputeStatus === "open" || donation.disputeStatus === "won" || donation.disputeStatus === "lost";
  const status = realDispute && (dispute.status === null || dispute.status === "inquiry") ? donation.disputeStatus : dispute.status;
  return tx.donation.update({
    where: { id: donationId },
    data: {
      disputeStatus: status,
      disputedAmount: status === null ? 0 : dispute.amount,
      status: donationStatus(donation.refundedAmount, donation.grossAmount, status),
    },
  });
}

export interface RecurringGiftState {
  stripeSubscriptionId: string;
  pledge: Pledge;
  donorId: string;
  /** Charged per month, covered fee included. */
  grossAmount: number | null;
  /** The covered fee inside that gross, when Stripe's metadata says (a donor's change); null: the pledge's. */
  coveredFee?: number | null;
  /** Collection paused until then (null: collecting). */
  pausedUntil?: Date | null;
  currency: string;
  status: RecurringStatus | null;
  currentPeriodEnd: Date | null;
  canceledAt: Date | null;
  /** When Stripe produced this state (the event's `created`); older never wins. */
  observedAt: Date;
}

/**
 * Creates or updates the RecurringGift of a subscription. State from an event
 * older than the newest one applied is ignored, so late deliveries never undo
 * a cancellation.
 */
export async function upsertRecurringGift(tx: Tx, state: RecurringGiftState) {
  const coveredFee = state.coveredFee ?? state.pledge.coveredFee;
  const amount = state.grossAmount === null ? state.pledge.amount : Math.max(0, state.grossAmount - coveredFee);
  await tx.recurringGift.createMany({
    skipDuplicates: true,
    data: [
      {
        stripeSubscriptionId: state.stripeSubscriptionId,
        pledgeId: state.pledge.id,
        campaignId: state.pledge.campaignId,
        donorId: state.donorId,
        amount,
        coveredFee,
        currency: state.currency.toUpperCase(),
        frequency: state.pledge.frequency === "yearly" ? "yearly" : "monthly",
        status: state.status ?? "incomplete",
        currentPeriodEnd: state.currentPeriodEnd,
        pausedUntil: state.pausedUntil ?? null,
        canceledAt: state.canceledAt,
        stripeStateAt: state.status ? state.observedAt : null,
      },
    ],
  });
  const gift = await tx.recurringGift.findUniqueOrThrow({ where: { stripeSubscriptionId: state.stripeSubscriptionId } });
  if (!state.status) return gift;
  if (gift.stripeStateAt && gift.stripeStateAt.getTime() > state.observedAt.getTime()) return gift;
  return tx.recurringGift.update({
    where: { id: gift.id },
    data: {
      status: state.status,
      amount,
      coveredFee,
      ...(state.pausedUntil !== undefined ? { pausedUntil: state.pausedUntil } : {}),
      currentPeriodEnd: state.currentPeriodEnd ?? gift.currentPeriodEnd,
      canceledAt: state.canceledAt ?? (state.status === "canceled" ? (gift.canceledAt ?? state.observedAt) : null),
      stripeStateAt: state.observedAt,
    },
  });
}

export async function findRecurringGift(tx: Tx, stripeSubscriptionId: string) {
  return tx.recurringGift.findUnique({ where: { stripeSubscriptionId }, include: { pledge: true } });
}

/** Marks a subscription past due after a failed payment, unless newer state says otherwise. */
export async function markPastDue(tx: Tx, stripeSubscriptionId: string, observedAt: Date) {
  const gift = await tx.recurringGift.findUnique({ where: { stripeSubscriptionId } });
  if (!gift || (gift.stripeStateAt && gift.stripeStateAt.getTime() > observedAt.getTime()) || gift.status === "canceled") return gift;
  return tx.recurringGift.update({ where: { id: gift.id }, data: { status: "past_due", stripeStateAt: observedAt } });
}
