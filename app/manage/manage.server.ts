import { isLinkUsed, claimLinkOnce } from "~/db/used-links.data.server";
import { donorById } from "~/giving/donors.data.server";
import { openPortalSession } from "~/portal/portal-session.server";
import { sessionSecret } from "~/utils/env.server";
import { verifySignedToken } from "~/utils/signed-link.server";

/**
 * Donors reach their giving pages (app/portal) without an account, through
 * emailed one-time links (requested through manage-link-requests.server.ts).
 * Using a link opens a short portal session in that browser.
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

export type RedeemResult = { ok: true; setCookie: string } | { ok: false; reason: "invalid" | "expired" | "used" | "no_gift" };

/**
 * Uses the link up (the unique nonce row makes it work once, even when
 * clicked twice at the same moment) and opens a portal session for its donor;
 * returns the cookie that carries it.
 */
export async function redeemManageLink(token: string): Promise<RedeemResult> {
  const state = await checkManageLink(token);
  if (!state.ok) return state;
  const donor = await donorById(state.donorId);
  if (!donor) return { ok: false, reason: "no_gift" };
  if (!(await claimLinkOnce(state.nonce))) return { ok: false, reason: "used" };
  return { ok: true, setCookie: await openPortalSession(donor.id) };
}
