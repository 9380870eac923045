import { db } from "~/db.server";
import type { DonationRequest } from "~/giving/donation-form.server";
import type { Pledge } from "~/generated/prisma/client";

/** Stores what the donor asked for, before any call to Stripe. */
export async function createPledge(
  campaign: { id: string; currency: string },
  request: DonationRequest,
  coveredFee: number,
): Promise<Pledge> {
  return db().pledge.create({
    data: {
      campaignId: campaign.id,
      frequency: request.frequency,
      amount: request.amount,
      coveredFee,
      currency: campaign.currency,
      email: request.email,
      name: request.name,
      anonymous: request.anonymous,
      dedicationKind: request.dedicationKind,
      dedicationName: request.dedicationName,
      comment: request.comment,
    },
  });
}

/**
 * An earlier pledge for exactly the same gift whose Checkout Session could not
 * be created: reusing it reuses its Stripe idempotency key, so a retry can
 * never create a second payment for the same intent.
 */
export async function findRetryablePledge(
  pledgeId: string,
  campaignId: string,
  request: DonationRequest,
  coveredFee: number,
): Promise<Pledge | null> {
  const pledge = await db().pledge.findUnique({ where: { id: pledgeId } });
  if (!pledge) return null;
  const same =
    pledge.campaignId === campaignId &&
    (pledge.status === "checkout_failed" || pledge.status === "pending") &&
    pledge.frequency === request.frequency &&
    pledge.amount === request.amount &&
    pledge.coveredFee === coveredFee &&
    pledge.email === request.email &&
    pledge.name === request.name &&
    pledge.anonymous === request.anonymous &&
    pledge.dedicationKind === request.dedicationKind &&
    pledge.dedicationName === request.dedicationName &&
    pledge.comment === request.comment;
  return same ? pledge : null;
}

export async function markCheckoutOpen(pledgeId: string, checkoutSessionId: string): Promise<void> {
  await db().pledge.update({
    where: { id: pledgeId },
    data: { status: "open", checkoutSessionId, failureReason: null },
  });
}

export async function markCheckoutFailed(pledgeId: string, reason: string): Promise<void> {
  await db().pledge.update({
    where: { id: pledgeId },
    data: { status: "checkout_failed", failureReason: reason.slice(0, 1_000) },
  });
}

export async function findPledge(id: string): Promise<Pledge | null> {
  return db().pledge.findUnique({ where: { id } });
}

/** The pledge behind a Checkout Session, with what the thank-you page shows. */
export async function findPledgeByCheckoutSession(checkoutSessionId: string) {
  return db().pledge.findUnique({
    where: { checkoutSessionId },
    include: {
      campaign: { select: { title: true, slug: true } },
      _count: { select: { donations: true } },
    },
  });
}
