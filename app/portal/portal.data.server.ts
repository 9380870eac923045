import { db, type Prisma } from "~/db/db.server";
import type { ReceiptPreference } from "~/generated/prisma/client";

/**
 * What a donor's giving pages read. Every query is keyed by the session's
 * donor id: a gift, receipt or recurring gift of another donor is never
 * found, whatever ids a request names.
 */

export function donorProfile(donorId: string) {
  return db().donor.findUnique({
    where: { id: donorId },
    select: { id: true, email: true, name: true, receiptPreference: true, stripeCustomerId: true, language: true },
  });
}

/** Every gift of the donor, newest first, with what its receipt and refunds say. */
export function donorGifts(donorId: string) {
  return db().donation.findMany({
    where: { donorId },
    orderBy: [{ paidAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      frequency: true,
      grossAmount: true,
      coveredFee: true,
      refundedAmount: true,
      currency: true,
      status: true,
      receiptNumber: true,
      paidAt: true,
      recurringGiftId: true,
      campaign: { select: { title: true, translations: true } },
    },
  });
}

/** The donor's recurring gifts, those still running first. */
export function donorRecurringGifts(donorId: string) {
  return db().recurringGift.findMany({
    where: { donorId },
    orderBy: [{ canceledAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      stripeSubscriptionId: true,
      frequency: true,
      amount: true,
      coveredFee: true,
      currency: true,
      status: true,
      currentPeriodEnd: true,
      pausedUntil: true,
      canceledAt: true,
      campaign: { select: { title: true, translations: true } },
    },
  });
}

/** One recurring gift, only when it is this donor's. */
export function recurringGiftOfDonor(donorId: string, giftId: string) {
  return db().recurringGift.findFirst({
    where: { id: giftId, donorId },
    select: {
      id: true,
      stripeSubscriptionId: true,
      pledgeId: true,
      frequency: true,
      amount: true,
      coveredFee: true,
      currency: true,
      status: true,
      pausedUntil: true,
      campaign: { select: { title: true, translations: true } },
    },
  });
}

/** One gift, only when it is this donor's. */
export function donationOfDonor(donorId: string, donationId: string) {
  return db().donation.findFirst({ where: { id: donationId, donorId }, select: { id: true, receiptNumber: true } });
}

/** Keeps the donor's reason for cancelling, for staff (in the change's transaction). */
export async function keepCancelReason(tx: Prisma.TransactionClient, giftId: string, reason: string | null): Promise<void> {
  await tx.recurringGift.update({ where: { id: giftId }, data: { cancelReason: reason }, select: { id: true } });
}

export async function setReceiptPreference(tx: Prisma.TransactionClient, donorId: string, preference: ReceiptPreference): Promise<void> {
  await tx.donor.update({ where: { id: donorId }, data: { receiptPreference: preference }, select: { id: true } });
}
