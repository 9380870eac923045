import crypto from "node:crypto";

import type Stripe from "stripe";

import type { Pledge } from "~/generated/prisma/client";
import { campaignTitleIn } from "~/campaigns/campaign-language";
import { translator } from "~/i18n/i18n";
import { siteLanguage } from "~/i18n/language.server";
import { localisedPath } from "~/i18n/paths";
import { stripe } from "~/payments/stripe.server";
import { env } from "~/utils/env.server";

/** The languages Stripe's Checkout and billing portal speak (its `locale` parameter), of those a site may have. */
const STRIPE_LOCALES = [
  "bg",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "es",
  "et",
  "fi",
  "fil",
  "fr",
  "hr",
  "hu",
  "id",
  "it",
  "ja",
  "ko",
  "lt",
  "lv",
  "ms",
  "mt",
  "nb",
  "nl",
  "pl",
  "pt",
  "ro",
  "ru",
  "sk",
  "sl",
  "sv",
  "th",
  "tr",
  "vi",
  "zh",
] as const satisfies readonly Stripe.Checkout.SessionCreateParams.Locale[];

/** Stripe's locale for a site language; "auto" (the browser's) for one Stripe does not speak. */
export function stripeLocale(lang: string): (typeof STRIPE_LOCALES)[number] | "auto" {
  return STRIPE_LOCALES.find((locale) => locale === lang) ?? "auto";
}

/**
 * Creates the Stripe Checkout Session for a pledge: a one-time payment, or a
 * monthly subscription with an inline price. The pledge id travels in the
 * metadata of the session, the PaymentIntent and the Subscription, so every
 * later webhook finds it, and is the root of the idempotency key.
 */
export async function createCheckoutSession(
  pledge: Pledge,
  /** With its translations, the line item Checkout shows is titled in the donor's language. */
  campaign: { slug: string; title: string; translations?: unknown },
  /** A returning donor's Stripe customer: reused so all their gifts (and the billing portal) stay on one customer. */
  stripeCustomerId: string | null = null,
): Promise<{ id: string; url: string }> {
  const appUrl = env().APP_URL;
  const lang = siteLanguage(pledge.language);
  const t = translator(lang);
  const path = (to: string) => `${appUrl}${localisedPath(to, lang, env().DEFAULT_LANGUAGE)}`;
  const total = pledge.amount + pledge.coveredFee;
  const metadata = { pledge_id: pledge.id, campaign_slug: campaign.slug };
  const monthly = pledge.frequency !== "once";
  const interval = pledge.frequency === "yearly" ? ("year" as const) : ("month" as const);
  const name = t(pledge.frequency === "yearly" ? "checkout.yearlyGiftTo" : monthly ? "checkout.monthlyGiftTo" : "checkout.giftTo", {
    campaign: campaignTitleIn({ title: campaign.title, translations: campaign.translations ?? null }, lang, env().DEFAULT_LANGUAGE),
  });

  const params: Stripe.Checkout.SessionCreateParams = {
    mode: monthly ? "subscription" : "payment",
    ...(stripeCustomerId ? { customer: stripeCustomerId } : { customer_email: pledge.email }),
    client_reference_id: pledge.id,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: pledge.currency.toLowerCase(),
          unit_amount: total,
          product_data: { name },
          ...(monthly ? { recurring: { interval } } : {}),
        },
      },
    ],
    metadata,
    // Checkout's button says "Donate", in subscription mode too (allowed there since API version 2025).
    submit_type: "donate",
    // Checkout, and the pages the donor comes back to, speak the language the donor gave in.
    locale: stripeLocale(lang),
    success_url: `${path("/give/thank-you")}?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${path(`/campaigns/${campaign.slug}`)}?pledge=${pledge.id}#give`,
    ...(monthly ? { subscription_data: { metadata, description: name } } : { payment_intent_data: { metadata, description: name } }),
  };

  const session = await stripe().checkout.sessions.create(params, { idempotencyKey: checkoutIdempotencyKey(pledge, params) });
  if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
  return { id: session.id, url: session.url };
}

/**
 * Stripe replays the first answer to a key for 24 hours, errors included,
 * and refuses the same key with other parameters (400 idempotency_error).
 * So the key is derived from the pledge, the number of attempts Stripe has
 * already answered with an error, and what is sent: a double-submitted form
 * or the SDK's own network retry reuses the key and gets the same session,
 * while a retry after a Stripe error, or the same pledge sent with other
 * parameters (a new amount, a customer found missing), gets a new one.
 */
export function checkoutIdempotencyKey(
  pledge: Pick<Pledge, "id" | "checkoutFailures">,
  params: Stripe.Checkout.SessionCreateParams,
): string {
  const digest = crypto.createHash("sha256").update(canonicalJson(params)).digest("base64url").slice(0, 24);
  return `checkout-${pledge.id}-${pledge.checkoutFailures}-${digest}`;
}

/** JSON with object keys sorted, so equal parameters always hash alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
