import crypto from "node:crypto";

import { formatPortalDate, formatPortalTime, portalMessages, type Interval } from "~/portal/messages";
import type { PortalDonor } from "~/portal/portal-session.server";
import { donorGifts, donorProfile, donorRecurringGifts } from "~/portal/portal.data.server";
import { formatMoney, toDecimalString } from "~/utils/money";

/**
 * The donor portal page as the browser gets it: every sentence already
 * written (from portalMessages), nothing to compute in the browser, so the
 * page works as plain HTML forms.
 */
const m = portalMessages;

export interface RecurringGiftView {
  id: string;
  line: string;
  coveredFee: string | null;
  status: string;
  running: boolean;
  paused: boolean;
  /** When the next instalment is due, or until when it is paused, or when it was cancelled. */
  when: string | null;
  /** The amount field's starting value (the gift without any covered fee), e.g. "25.00". */
  amountInput: string;
  currency: string;
}

export interface GiftView {
  id: string;
  date: string;
  gift: string;
  amount: string;
  refund: string | null;
  receiptNumber: string | null;
}

export async function portalPage(donor: PortalDonor, now = new Date()) {
  const [profile, gifts, recurring] = await Promise.all([
    donorProfile(donor.donorId),
    donorGifts(donor.donorId),
    donorRecurringGifts(donor.donorId),
  ]);
  if (!profile) return null;
  const recurringGifts: RecurringGiftView[] = recurring.map((gift) => {
    const interval: Interval = gift.frequency === "yearly" ? "yearly" : "monthly";
    const running = gift.status !== "canceled";
    const paused = running && gift.pausedUntil !== null && gift.pausedUntil > now;
    const when = !running
      ? gift.canceledAt
        ? m.cancelledOn(formatPortalDate(gift.canceledAt))
        : null
      : paused
        ? m.pausedUntil(formatPortalDate(gift.pausedUntil!))
        : gift.currentPeriodEnd
          ? m.nextCharge(formatPortalDate(gift.currentPeriodEnd))
          : null;
    return {
      id: gift.id,
      line: m.giftLine(formatMoney(gift.amount + gift.coveredFee, gift.currency), interval, gift.campaign.title),
      coveredFee: gift.coveredFee > 0 ? m.coveredFeeNote(formatMoney(gift.coveredFee, gift.currency)) : null,
      status: paused ? (m.statusLabels.paused ?? "Paused") : (m.statusLabels[gift.status] ?? gift.status),
      running,
      paused,
      when,
      amountInput: toDecimalString(gift.amount, gift.currency),
      currency: gift.currency,
    };
  });
  const giftViews: GiftView[] = gifts.map((gift) => ({
    id: gift.id,
    date: formatPortalDate(gift.paidAt),
    gift: m.giftKind(gift.frequency, gift.campaign.title),
    amount: formatMoney(gift.grossAmount, gift.currency),
    refund:
      gift.refundedAmount <= 0
        ? null
        : gift.refundedAmount >= gift.grossAmount
          ? m.fullyRefunded
          : m.refunded(formatMoney(gift.refundedAmount, gift.currency)),
    receiptNumber: gift.receiptNumber,
  }));
  const years = [...new Set(gifts.map((gift) => gift.paidAt.getUTCFullYear()))].sort((a, b) => b - a);
  return {
    name: profile.name,
    sessionNote: m.sessionNote(formatPortalTime(donor.expiresAt)),
    receiptPreference: profile.receiptPreference,
    canUpdateCard: Boolean(profile.stripeCustomerId) && recurringGifts.some((gift) => gift.running),
    recurringGifts,
    gifts: giftViews,
    statementYears: years,
    // One key per page view: the forms carry it, and a double submit reaches Stripe once (idempotency).
    formKey: crypto.randomUUID(),
  };
}
