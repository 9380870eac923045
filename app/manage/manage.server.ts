import { isLinkUsed, claimLinkOnce } from "~/db/used-links.data.server";
import { donorById, forgetStripeCustomer } from "~/giving/donors.data.server";
import type { Language } from "~/i18n/catalogues";
import { localisedPath } from "~/i18n/paths";
import { stripeLocale } from "~/payments/checkout.server";
import { describeStripeError, isMissingCustomer } from "~/payments/stripe-errors";
import { stripe } from "~/payments/stripe.server";
import { env, sessionSecret } from "~/utils/env.server";
import { verifySignedToken } from "~/utils/signed-link.server";

/**
 * Monthly donors manage their gift without an account, through emailed
 * one-time links (requested through manage-link-requests.server.ts).
 */
export const MANAGE_LINK_PURPOSE = "manage-gifts";
export const MANAGE_LINK_TTL_MS = 30 * 60_000;

export type LinkState = { ok: true; donorId: string; nonce: string } | { ok: false; reason: "invalid" | "expired" | "used" };

/** Checks a link without using it up (the page shows a button first). */
export async function checkManageLink(token: string): Promise<LinkState> {
  const check = verifySignedToken(token, MANAGE_LINK_PURPOSE, sessionSecret());
  if (!check.ok) return check;
  if (await isLinkUsed(check.payload.nonce)) return { ok: false, reason: "used" };
  return { ok: true, donorId: check.payload.subject, nonce: check.payload.nonce };
}

export type RedeemResult = { ok: true; url: string } | { ok: false; reason: "invalid" | "expired" | "used" | "no_gift" | "unavailable" };

/**
 * Opens Stripe's billing portal for the donor's customer, then uses the link
 * up (the unique nonce row makes it work once, even when clicked twice at the
 * same moment) and returns the portal's URL. The portal session comes first:
 * when Stripe fails, the link is still unused and the donor can try again.
 */
export async function redeemManageLink(token: string, lang: Language = env().DEFAULT_LANGUAGE): Promise<RedeemResult> {
  const state = await checkManageLink(token);
  if (!state.ok) return state;
  const donor = await donorById(state.donorId);
  if (!donor?.stripeCustomerId) return { ok: false, reason: "no_gift" };
  let url: string;
  try {
    const session = await stripe().billingPortal.sessions.create({
      customer: donor.stripeCustomerId,
      // The portal and the page it returns to speak the language the donor is reading in.
      locale: stripeLocale(lang),
      return_url: `${env().APP_URL}${localisedPath("/give/manage", lang, env().DEFAULT_LANGUAGE)}?done=1`,
    });
    url = session.url;
  } catch (error) {
    if (isMissingCustomer(error)) {
      // Deleted in Stripe's dashboard: its subscriptions went with it.
      await forgetStripeCustomer(donor.stripeCustomerId);
      return { ok: false, reason: "no_gift" };
    }
    console.error(`The billing portal for donor ${donor.id} could not be opened; the link stays usable: ${describeStripeError(error)}`);
    return { ok: false, reason: "unavailable" };
  }
  if (!(await claimLinkOnce(state.nonce))) return { ok: false, reason: "used" };
  return { ok: true, url };
}
