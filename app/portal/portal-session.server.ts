import crypto from "node:crypto";

import { redirect, type Cookie } from "@remix-run/node";

import { requestLanguage } from "~/i18n/language.server";
import { localisedPath } from "~/i18n/paths";
import { findDonorSession, insertDonorSession, revokeDonorSession } from "~/portal/portal-sessions.data.server";
import { siteCookie } from "~/utils/site-cookie.server";

/**
 * A donor's session on their giving pages. The emailed link (used once)
 * opens it; the browser then holds a random token in a signed cookie, and
 * the row (id = the token's SHA-256) says whose session it is, until when,
 * and whether it was ended. It lasts PORTAL_SESSION_MS from the link, never
 * longer, and is for one donor only: every page and action reads that
 * donor's id from the row, never from the request.
 */
export const PORTAL_SESSION_MS = 30 * 60_000;

let cookie: Cookie | undefined;
function portalCookie(): Cookie {
  cookie ??= siteCookie("lantern_portal", { maxAge: PORTAL_SESSION_MS / 1000 });
  return cookie;
}

/** For tests that change APP_URL or SESSION_SECRET. */
export function resetPortalCookie(): void {
  cookie = undefined;
}

function sessionIdOf(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export interface PortalDonor {
  donorId: string;
  sessionId: string;
  expiresAt: Date;
}

/** Opens a session for the donor; returns the Set-Cookie header that carries it. */
export async function openPortalSession(donorId: string, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await insertDonorSession({
    id: sessionIdOf(token),
    donorId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + PORTAL_SESSION_MS),
  });
  return portalCookie().serialize(token);
}

/** The donor of the request's live session, or null (none, expired, ended, or a cookie not signed by us). */
export async function portalDonor(request: Request, now = new Date()): Promise<PortalDonor | null> {
  const token: unknown = await portalCookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || token.length < 32 || token.length > 100) return null;
  const session = await findDonorSession(sessionIdOf(token));
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  return { donorId: session.donorId, sessionId: session.id, expiresAt: session.expiresAt };
}

/** The portal's pages need a session: without one the donor is sent to ask for a new link (in the page's language). */
export async function requirePortalDonor(request: Request): Promise<PortalDonor> {
  const donor = await portalDonor(request);
  if (!donor) throw redirect(manageAddress(request, "?ended=1"), 303);
  return donor;
}

/** The page that asks for a new link, in the language of the request's page. */
export function manageAddress(request: Request, search = ""): string {
  const { lang, defaultLanguage } = requestLanguage(request);
  return localisedPath(`/give/manage${search}`, lang, defaultLanguage);
}

/** Ends the session (the donor signs out); returns the Set-Cookie header that clears the cookie. */
export async function endPortalSession(donor: PortalDonor, now = new Date()): Promise<string> {
  await revokeDonorSession(donor.sessionId, now);
  return portalCookie().serialize("", { maxAge: 0 });
}
