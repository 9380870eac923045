import { db } from "~/db/db.server";
import type { DonationRequest } from "~/giving/donation-form.server";
import type { Pledge } from "~/generated/prisma/client";

/** Stores what the donor asked for, before any call to Stripe. */
export async function createPledge(
  campaign: { id: string; currency: string },
  request: DonationRequest,
  coveredFee: number,
  /** The language the donor gave in; every email about this gift is written in it. */
  language: string,
): Promise<Pledge> {
  return db().pledge.create({
    data: {
      language,
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
 * be created: the retry continues that pledge instead of leaving it behind.
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

/**
 * The Checkout Session could not be created. `stripeAnswered` counts the
 * failure toward the next idempotency key: Stripe keeps an answered error
 * for the key, whereas after a lost connection the same key must be sent
 * again (Stripe may have made the session, and then answers with it).
 */
export async function markCheckoutFailed(pledgeId: string, reason: string, stripeAnswered: boolean): Promise<void> {
  await db().pledge.update({
    where: { id: pledgeId },
    data: {
      status: "checkout_failed",
      failureReason: reason.slice(0, 1_000),
      ...(stripeAnswered ? { checkoutFailures: { increment: 1 } } : {}),
    },
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
      campaign: { select: { title: true, slug: true, translations: true } },
      _count: { select: { donations: true } },
    },
  });
}

/** The invitation to give monthly is shown for this pledge (once: only a pledge never invited is marked). */
export async function markInvited(pledgeId: string, invitedAmount: number): Promise<boolean> {
  const { count } = await db().pledge.updateMany({
    where: { id: pledgeId, invitation: null, frequency: "once" },
    data: { invitation: "shown", invitedAmount },
  });
  return count === 1;
}

/**
 * The donor's answer, once: accepted turns the pledge into a monthly gift of
 * the suggested amount (and covered fee); declined leaves it as it was.
 * Returns the pledge after, or null when it was not waiting for an answer.
 */
export async function answerInvitation(
  pledgeId: string,
  answer: { accepted: true; amount: number; coveredFee: number } | { accepted: false },
): Promise<Pledge | null> {
  const { count } = await db().pledge.updateMany({
    where: { id: pledgeId, invitation: "shown", status: "pending" },
    data: answer.accepted
      ? { invitation: "accepted", frequency: "monthly", amount: answer.amount, coveredFee: answer.coveredFee }
      : { invitation: "declined" },
  });
  return count === 1 ? db().pledge.findUnique({ where: { id: pledgeId } }) : null;
}

/** A pledge with what its Checkout needs of its campaign. */
export function findPledgeWithCampaign(id: string) {
  return db().pledge.findUnique({
    where: { id },
    include: { campaign: { select: { id: true, slug: true, title: true, currency: true, presetAmounts: true, translations: true } } },
  });
}
