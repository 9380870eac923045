import crypto from "node:crypto";

import Stripe from "stripe";

import { coveredFeeFor } from "~/giving/fees";
import { parseDonationForm, type DonationField, type FieldErrors } from "~/giving/donation-form.server";
import { givingSettings } from "~/giving/settings.server";
import {
  createPledge,
  findRetryablePledge,
  markCheckoutFailed,
  markCheckoutOpen,
} from "~/models/pledges.server";
import { stripeCustomerFor } from "~/models/donors.server";
import { hitRateLimit } from "~/models/rate-limit.server";
import { createCheckoutSession } from "~/payments/checkout.server";
import { formatMoney } from "~/utils/money";

export type GiveOutcome =
  | { kind: "checkout"; url: string; pledgeId: string }
  | {
      kind: "refused";
      status: 400 | 422 | 429 | 502;
      errors: FieldErrors;
      values: Record<DonationField, string>;
    };

interface GiveCampaign {
  id: string;
  slug: string;
  title: string;
  currency: string;
  presetAmounts: number[];
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
export async function startGift(campaign: GiveCampaign, form: FormData, clientIp: string): Promise<GiveOutcome> {
  const settings = givingSettings(campaign.currency);
  const parsed = parseDonationForm(form, campaign, settings);
  if (!parsed.ok) {
    return { kind: "refused", status: parsed.bot ? 400 : 422, errors: parsed.errors, values: parsed.values };
  }
  const gift = parsed.value;

  const limit = await hitRateLimit(ipKey(clientIp), settings.rateLimit.max, settings.rateLimit.windowMs);
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    return {
      kind: "refused",
      status: 429,
      errors: {
        form: `Too many attempts to give from your connection. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again. No payment was taken.`,
      },
      values: parsed.values,
    };
  }

  const coveredFee = gift.coverFee ? coveredFeeFor(gift.amount, settings.fee) : 0;
  const pledge =
    (gift.retryPledgeId && (await findRetryablePledge(gift.retryPledgeId, campaign.id, gift, coveredFee))) ||
    (await createPledge(campaign, gift, coveredFee));

  try {
    const session = await createCheckoutSession(pledge, campaign, await stripeCustomerFor(pledge.email));
    await markCheckoutOpen(pledge.id, session.id);
    return { kind: "checkout", url: session.url, pledgeId: pledge.id };
  } catch (error) {
    const reason =
      error instanceof Stripe.errors.StripeError ? `${error.type}: ${error.message}` : error instanceof Error ? error.message : String(error);
    await markCheckoutFailed(pledge.id, reason, error instanceof Stripe.errors.StripeError && !(error instanceof Stripe.errors.StripeConnectionError));
    console.error(`Checkout for pledge ${pledge.id} failed: ${reason}`);
    return {
      kind: "refused",
      status: 502,
      errors: {
        form: `We could not reach our payment processor just now, so nothing was charged. Your details are still here: please try again in a moment. (${formatMoney(pledge.amount + pledge.coveredFee, pledge.currency)} ${pledge.frequency === "monthly" ? "monthly" : "once"})`,
      },
      values: { ...parsed.values, pledgeId: pledge.id },
    };
  }
}
