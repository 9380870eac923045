import crypto from "node:crypto";

import { coveredFeeFor } from "~/giving/fees";
import { parseDonationForm } from "~/giving/donation-form.server";
import type { DonationErrors, DonationValues } from "~/giving/donation-fields";
import { givingSettings } from "~/giving/settings.server";
import { suggestedMonthlyAmount } from "~/giving/invitation";
import { createPledge, findRetryablePledge, markCheckoutFailed, markCheckoutOpen, markInvited } from "~/giving/pledges.data.server";
import { forgetStripeCustomer, stripeCustomerFor } from "~/giving/donors.data.server";
import { hitRateLimit } from "~/db/rate-limit.data.server";
import type { Pledge } from "~/generated/prisma/client";
import { createCheckoutSession } from "~/payments/checkout.server";
import { describeStripeError, isMissingCustomer, isStripeAnswer } from "~/payments/stripe-errors";
import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { localisedPath } from "~/i18n/paths";
import { env } from "~/utils/env.server";
import { formatMoney } from "~/utils/money";

export type GiveOutcome =
  | { kind: "checkout"; url: string; pledgeId: string }
  /** The step between the form and Checkout: the invitation to give monthly instead. */
  | { kind: "invite"; url: string; pledgeId: string }
  | {
      kind: "refused";
      status: 400 | 422 | 429 | 502;
      errors: DonationErrors;
      values: DonationValues;
    };

interface GiveCampaign {
  id: string;
  slug: string;
  title: string;
  /** The campaign's words in other languages: Checkout names the gift in the donor's. */
  translations?: unknown;
  currency: string;
  presetAmounts: number[];
  monthlyInvitation?: "off" | "third";
}

/** Rate-limit keys hold a hash, never the donor's address. */
function ipKey(ip: string): string {
  return `checkout:${crypto.createHash("sha256").update(ip).digest("hex").slice(0, 32)}`;
}

/**
 * A donor pressed "Give": validate, apply the per-IP limit, store the pledge,
 * and open a Stripe Checkout Session for it. Business rules of giving live
 * here; the route only turns the outcome into a response.
 */
export async function startGift(
  campaign: GiveCampaign,
  form: FormData,
  clientIp: string,
  lang: Language = env().DEFAULT_LANGUAGE,
): Promise<GiveOutcome> {
  const settings = givingSettings(campaign.currency);
  const t = translator(lang);
  const parsed = parseDonationForm(form, campaign, settings, t);
  if (!parsed.ok) {
    return { kind: "refused", status: parsed.status, errors: parsed.errors, values: parsed.values };
  }
  const gift = parsed.value;

  const limit = await hitRateLimit(ipKey(clientIp), settings.rateLimit.max, settings.rateLimit.windowMs);
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    return {
      kind: "refused",
      status: 429,
      errors: { form: t("formErrors.rateLimited", { count: minutes }) },
      values: parsed.values,
    };
  }

  const coveredFee = gift.coverFee ? coveredFeeFor(gift.amount, settings.fee) : 0;
  const pledge =
    (gift.retryPledgeId && (await findRetryablePledge(gift.retryPledgeId, campaign.id, gift, coveredFee))) ||
    (await createPledge(campaign, gift, coveredFee, lang));

  if (campaign.monthlyInvitation === "third" && pledge.frequency === "once" && pledge.invitation === null) {
    const suggested = suggestedMonthlyAmount(pledge.amount, pledge.currency, settings.minAmount);
    // The invitation speaks the form's language.
    const url = localisedPath(`/give/invite/${pledge.id}`, lang, env().DEFAULT_LANGUAGE);
    if (await markInvited(pledge.id, suggested)) return { kind: "invite", url, pledgeId: pledge.id };
  }

  const checkout = await checkoutForPledge(pledge, campaign);
  if (checkout.ok) return { kind: "checkout", url: checkout.url, pledgeId: pledge.id };
  return {
    kind: "refused",
    status: 502,
    errors: {
      form: t("formErrors.processorDown", {
        amount: formatMoney(pledge.amount + pledge.coveredFee, pledge.currency, localeOf(lang)),
        frequency: t(
          pledge.frequency === "monthly"
            ? "formErrors.processorDownMonthly"
            : pledge.frequency === "yearly"
              ? "formErrors.processorDownYearly"
              : "formErrors.processorDownOnce",
        ),
      }),
    },
    values: { ...parsed.values, pledgeId: pledge.id },
  };
}

/**
 * Opens the pledge's Checkout Session and records it (or records why Stripe
 * refused): after the form, or after the invitation to give monthly.
 */
export async function checkoutForPledge(pledge: Pledge, campaign: GiveCampaign): Promise<{ ok: true; url: string } | { ok: false }> {
  try {
    const session = await openCheckout(pledge, campaign);
    await markCheckoutOpen(pledge.id, session.id);
    return { ok: true, url: session.url };
  } catch (error) {
    const reason = describeStripeError(error);
    await markCheckoutFailed(pledge.id, reason, isStripeAnswer(error));
    console.error(`Checkout for pledge ${pledge.id} failed: ${reason}`);
    return { ok: false };
  }
}

/**
 * Checkout for a pledge, on the donor's Stripe customer when they have one.
 * A stored customer Stripe no longer has (deleted in its dashboard, or an id
 * from test mode under a live key) would fail every later gift of that
 * donor: it is forgotten, and Checkout starts again from the donor's email.
 */
async function openCheckout(pledge: Pledge, campaign: GiveCampaign) {
  const customerId = await stripeCustomerFor(pledge.email);
  try {
    return await createCheckoutSession(pledge, campaign, customerId);
  } catch (error) {
    if (!customerId || !isMissingCustomer(error)) throw error;
    console.warn(
      `Stripe has no customer ${customerId} any more; it is forgotten and Checkout for pledge ${pledge.id} starts from the donor's email.`,
    );
    await forgetStripeCustomer(customerId);
    return createCheckoutSession(pledge, campaign, null);
  }
}
