import type Stripe from "stripe";

import type { Pledge } from "~/generated/prisma/client";
import { stripe } from "~/payments/stripe.server";
import { env } from "~/utils/env.server";

/**
 * Creates the Stripe Checkout Session for a pledge: a one-time payment, or a
 * monthly subscription with an inline price. The pledge id is the
 * idempotency key and travels in the metadata of the session, the
 * PaymentIntent and the Subscription, so every later webhook finds it.
 */
export async function createCheckoutSession(
  pledge: Pledge,
  campaign: { slug: string; title: string },
  /** A returning donor's Stripe customer: reused so all their gifts (and the billing portal) stay on one customer. */
  stripeCustomerId: string | null = null,
): Promise<{ id: string; url: string }> {
  const appUrl = env().APP_URL;
  const total = pledge.amount + pledge.coveredFee;
  const metadata = { pledge_id: pledge.id, campaign_slug: campaign.slug };
  const monthly = pledge.frequency === "monthly";
  const name = `${monthly ? "Monthly gift" : "Gift"} to ${campaign.title}`;

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
          ...(monthly ? { recurring: { interval: "month" as const } } : {}),
        },
      },
    ],
    metadata,
    success_url: `${appUrl}/give/thank-you?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${appUrl}/campaigns/${campaign.slug}?pledge=${pledge.id}#give`,
    ...(monthly
      ? { subscription_data: { metadata, description: name } }
      : { submit_type: "donate" as const, payment_intent_data: { metadata, description: name } }),
  };

  const session = await stripe().checkout.sessions.create(params, { idempotencyKey: pledge.id });
  if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
  return { id: session.id, url: session.url };
}
