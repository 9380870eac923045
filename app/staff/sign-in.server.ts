import { z } from "zod";

import { db } from "~/db.server";
import { recordAudit } from "~/models/audit.server";
import { hitRateLimit } from "~/models/rate-limit.server";
import { PASSWORD_MAX_LENGTH } from "~/staff/password-policy";
import { verifyAgainstDecoy, verifyPassword } from "~/staff/password.server";
import { endStaffSession, openStaffSession } from "~/staff/sessions.server";
import { env } from "~/utils/env.server";
import { singleLineText } from "~/utils/text";

export const SignInSchema = z.object({
  email: singleLineText().toLowerCase().max(254).pipe(z.email("Enter your email address.")),
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
});

export type SignInResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; reason: "mismatch" | "rate_limited"; retryAfterSeconds?: number };

/** One answer for an unknown email, a wrong password and a disabled account. */
export const MISMATCH_MESSAGE = "That email and password do not match an active staff account.";

/**
 * Checks a sign-in attempt. Every attempt counts against the client's
 * address and against the account named, whether or not it exists.
 */
export async function signIn(
  credentials: z.infer<typeof SignInSchema>,
  client: { ip: string; userAgent: string | null },
): Promise<SignInResult> {
  const { STAFF_SIGNIN_RATE_LIMIT: max, STAFF_SIGNIN_RATE_WINDOW_MINUTES: minutes } = env();
  const windowMs = minutes * 60_000;
  const byIp = await hitRateLimit(`staff-sign-in:ip:${client.ip}`, max, windowMs);
  const byAccount = await hitRateLimit(`staff-sign-in:account:${credentials.email}`, max, windowMs);
  if (!byIp.allowed || !byAccount.allowed) {
    return { ok: false, reason: "rate_limited", retryAfterSeconds: Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds) };
  }

  const user = await db().staffUser.findUnique({ where: { email: credentials.email } });
  const matches =
    user && !user.disabledAt
      ? await verifyPassword(credentials.password, user.passwordHash)
      : await verifyAgainstDecoy(credentials.password);
  if (!user || !matches) return { ok: false, reason: "mismatch" };

  const { token } = await db().$transaction(async (tx) => {
    const opened = await openStaffSession(tx, user.id, client);
    await tx.staffUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "staff.sign_in", target: { type: "staff", id: user.id }, ip: client.ip });
    return opened;
  });
  return { ok: true, token, userId: user.id };
}

export async function signOut(staff: { id: string; sessionId: string }, ip: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await endStaffSession(tx, staff.sessionId);
    await recordAudit(tx, { actorId: staff.id, action: "staff.sign_out", target: { type: "staff", id: staff.id }, ip });
  });
}
