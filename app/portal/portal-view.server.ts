import crypto from "node:crypto";

import { campaignTitleIn } from "~/campaigns/campaign-language";
import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { formatPortalDate, formatPortalTime } from "~/portal/messages";
import type { PortalDonor } from "~/portal/portal-session.server";
import { donorGifts, donorProfile, donorRecurringGifts } from "~/portal/portal.data.server";
import { env } from "~/utils/env.server";
import { formatMoney, toDecimalString } from "~/utils/money";

/**
 * The donor portal page as the browser gets it: every sentence already
 * written in the page's language (the catalogue's `portal` section),
 * nothing to compute in the browser, so the page works as plain HTML forms.
 */
const STATUSES = ["active", "past_due", "unpaid", "incomplete", "paused", "canceled"] as const;

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

export async function portalPage(donor: PortalDonor, lang: Language, now = new Date()) {
  const t = translator(lang);
  const locale = localeOf(lang);
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const date = (value: Date) => formatPortalDate(value, lang);
  const title = (campaign: { title: string; translations: unknown }) => campaignTitleIn(campaign, lang, env().DEFAULT_LANGUAGE);
  const [profile, gifts, recurring] = await Promise.all([
    donorProfile(donor.donorId),
    donorGifts(donor.donorId),
    donorRecurringGifts(donor.donorId),
  ]);
  if (!profile) return null;
  const recurringGifts: RecurringGiftView[] = recurring.map((gift) => {
    const running = gift.status !== "canceled";
    const paused = running && gift.pausedUntil !== null && gift.pausedUntil > now;
    const when = !running
      ? gift.canceledAt
        ? t("portal.cancelledOn", { date: date(gift.canceledAt) })
        : null
      : paused
        ? t("portal.pausedUntil", { date: date(gift.pausedUntil!) })
        : gift.currentPeriodEnd
          ? t("portal.nextCharge", { date: date(gift.currentPeriodEnd) })
          : null;
    const status = paused ? "paused" : STATUSES.find((known) => known === gift.status);
    const line = { amount: money(gift.amount + gift.coveredFee, gift.currency), campaign: title(gift.campaign) };
    return {
      id: gift.id,
      line: t(gift.frequency === "yearly" ? "portal.giftLineYearly" : "portal.giftLineMonthly", line),
      coveredFee: gift.coveredFee > 0 ? t("portal.coveredFeeNote", { fee: money(gift.coveredFee, gift.currency) }) : null,
      status: status ? t(`portal.status.${status}`) : gift.status,
      running,
      paused,
      when,
      amountInput: toDecimalString(gift.amount, gift.currency),
      currency: gift.currency,
    };
  });
  const giftViews: GiftView[] = gifts.map((gift) => ({
    id: gift.id,
    date: date(gift.paidAt),
    gift: t(gift.frequency === "yearly" ? "portal.giftYearly" : gift.frequency === "monthly" ? "portal.giftMonthly" : "portal.giftOnce", {
      campaign: title(gift.campaign),
    }),
    amount: money(gift.grossAmount, gift.currency),
    refund:
      gift.refundedAmount <= 0
        ? null
        : gift.refundedAmount >= gift.grossAmount
          ? t("portal.fullyRefunded")
          : t("portal.refunded", { amount: money(gift.refundedAmount, gift.currency) }),
    receiptNumber: gift.receiptNumber,
  }));
  const years = [...new Set(gifts.map((gift) => gift.paidAt.getUTCFullYear()))].sort((a, b) => b - a);
  return {
    name: profile.name,
    sessionNote: t("portal.sessionNote", { until: formatPortalTime(donor.expiresAt, lang) }),
    receiptPreference: profile.receiptPreference,
    canUpdateCard: Boolean(profile.stripeCustomerId) && recurringGifts.some((gift) => gift.running),
    recurringGifts,
    gifts: giftViews,
    statementYears: years,
    // One key per page view: the forms carry it, and a double submit reaches Stripe once (idempotency).
    formKey: crypto.randomUUID(),
  };
}
