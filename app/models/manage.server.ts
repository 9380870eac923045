import crypto from "node:crypto";

import { db } from "~/db.server";
import { manageLinkEmail } from "~/email/manage-link.server";
import { getOrganisation } from "~/models/organisation.server";
import { queueEmail } from "~/models/outbox.server";
import { hitRateLimit } from "~/models/rate-limit.server";
import { stripe } from "~/payments/stripe.server";
import { env, sessionSecret } from "~/utils/env.server";
import { createSignedToken, verifySignedToken } from "~/utils/signed-link.server";

/** Monthly donors manage their gift without an account, through emailed one-time links. */
const PURPOSE = "manage-gifts";
export const MANAGE_LINK_TTL_MS = 30 * 60_000;
const LIMITS = { perIp: { max: 5, windowMs: 15 * 60_000 }, perEmail: { max: 3, windowMs: 60 * 60_000 } };

function hashed(prefix: string, value: string): string {
  return `${prefix}:${crypto.createHash("sha256").update(value).digest("hex").slice(0, 32)}`;
}

/**
 * Queues a link for `email` when it has monthly gifts. The caller answers the
 * same way whatever happens, so nobody can learn whether an address gave.
 * Returns false only when a rate limit refused the request.
 */
export async function requestManageLink(email: string, clientIp: string): Promise<boolean> {
  const normalised = email.trim().toLowerCase();
  const byIp = await hitRateLimit(hashed("manage-ip", clientIp), LIMITS.perIp.max, LIMITS.perIp.windowMs);
  const byEmail = await hitRateLimit(hashed("manage-email", normalised), LIMITS.perEmail.max, LIMITS.perEmail.windowMs);
  if (!byIp.allowed || !byEmail.allowed) return false;

  const donor = await db().donor.findUnique({
    where: { email: normalised },
    include: { _count: { select: { recurringGifts: true } } },
  });
  if (!donor?.stripeCustomerId || donor._count.recurringGifts === 0) return true;

  const { token, nonce } = createSignedToken(PURPOSE, donor.id, MANAGE_LINK_TTL_MS, sessionSecret());
  const organisation = await getOrganisation();
  await db().$transaction((tx) =>
    queueEmail(
      tx,
      manageLinkEmail({
        nonce,
        to: donor.email,
        donorId: donor.id,
        donorName: donor.name,
        url: `${env().APP_URL}/give/manage/${token}`,
        organisationName: organisation.name,
      }),
    ),
  );
  return true;
}

export type LinkState = { ok: true; donorId: string; nonce: string } | { ok: false; reason: "invalid" | "expired" | "used" };

/** Checks a link without using it up (the page shows a button first). */
export async function checkManageLink(token: string): Promise<LinkState> {
  const check = verifySignedToken(token, PURPOSE, sessionSecret());
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
