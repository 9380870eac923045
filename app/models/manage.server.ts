import { db } from "~/db.server";
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
  const used = await db().usedLink.findUnique({ where: { nonce: check.payload.nonce } });
  if (used) return { ok: false, reason: "used" };
  return { ok: true, donorId: check.payload.subject, nonce: check.payload.nonce };
}

/**
 * Uses the link up (the unique nonce row makes it work once, even when
 * clicked twice at the same moment) and opens Stripe's billing portal for
 * the donor's customer. Returns the portal URL.
 */
export async function redeemManageLink(token: string): Promise<{ ok: true; url: string } | { ok: false; reason: "invalid" | "expired" | "used" }> {
  const state = await checkManageLink(token);
  if (!state.ok) return state;
  const { count } = await db().usedLink.createMany({ data: [{ nonce: state.nonce }], skipDuplicates: true });
  if (count === 0) return { ok: false, reason: "used" };
  const donor = await db().donor.findUnique({ where: { id: state.donorId } });
  if (!donor?.stripeCustomerId) return { ok: false, reason: "invalid" };
  const session = await stripe().billingPortal.sessions.create({
    customer: donor.stripeCustomerId,
    return_url: `${env().APP_URL}/give/manage?done=1`,
  });
  return { ok: true, url: session.url };
}
