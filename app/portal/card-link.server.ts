import { donorById } from "~/giving/donors.data.server";
import type { Language } from "~/i18n/catalogues";
import { localisedPath } from "~/i18n/paths";
import { cardUpdateUrl } from "~/portal/gift-changes.server";
import { CARD_LINK_PURPOSE } from "~/portal/card-link-url.server";
import { openPortalSession } from "~/portal/portal-session.server";
import { env, sessionSecret } from "~/utils/env.server";
import { verifySignedToken } from "~/utils/signed-link.server";

/**
 * The link in a failed-payment notice: signed, valid for 7 days, for one
 * donor. It may be used more than once in those days (the donor may come
 * back to it after a second failed attempt); each use opens a new portal
 * session and goes on to Stripe's card update. The page shows a button
 * first, so a mail scanner fetching the link opens nothing.
 */
export type CardLinkState = { ok: true; donorId: string } | { ok: false; reason: "invalid" | "expired" };

export function checkCardLink(token: string): CardLinkState {
  const check = verifySignedToken(token, CARD_LINK_PURPOSE, sessionSecret());
  return check.ok ? { ok: true, donorId: check.payload.subject } : check;
}

/**
 * Uses the link: a portal session for its donor, then Stripe's card update
 * (or, when Stripe cannot open it just now, the portal page, where the
 * donor can try again), in the language of the link's page.
 */
export async function redeemCardLink(
  token: string,
  ip: string,
  lang: Language,
): Promise<{ ok: true; setCookie: string; to: string } | { ok: false; reason: "invalid" | "expired" }> {
  const state = checkCardLink(token);
  if (!state.ok) return state;
  const donor = await donorById(state.donorId);
  if (!donor) return { ok: false, reason: "invalid" };
  const setCookie = await openPortalSession(donor.id);
  const card = await cardUpdateUrl({ donorId: donor.id }, ip, lang);
  return { ok: true, setCookie, to: "url" in card ? card.url : localisedPath("/give/portal", lang, env().DEFAULT_LANGUAGE) };
}
