import { setTimeout as sleep } from "node:timers/promises";

import type { TFunction } from "i18next";
import { z } from "zod";

import { signInAlertEmail } from "~/email/templates/sign-in-alert.server";
import { recordAudit } from "~/staff/audit.data.server";
import { getOrganisation } from "~/organisation/organisation.data.server";
import { queueEmail } from "~/email/outbox.data.server";
import { countRateLimitHits, hitRateLimit, windowStartOf } from "~/db/rate-limit.data.server";
import { findStaffUserByEmail, markSignedIn } from "~/staff/staff-users.data.server";
import { inTransaction } from "~/db/transaction.data.server";
import { PASSWORD_MAX_LENGTH } from "~/staff/password-policy.server";
import { verifyAgainstDecoy, verifyPassword } from "~/staff/password.server";
import { endStaffSession, openStaffSession } from "~/staff/sessions.server";
import { staffTranslator } from "~/staff/staff-language.server";
import { env, type Env } from "~/utils/env.server";
import { singleLineText } from "~/utils/text";

/** The sign-in form, its messages in the language of `t`. */
export function signInSchema(t: TFunction = staffTranslator()) {
  return z.object({
    email: singleLineText(t("formErrors.singleLine"))
      .toLowerCase()
      .max(254)
      .pipe(z.email(t("staff.signIn.emailRequired"))),
    password: z.string().min(1, t("staff.signIn.passwordRequired")).max(PASSWORD_MAX_LENGTH, t("staff.signIn.passwordTooLong")),
  });
}

export type SignInResult =
  { ok: true; token: string; userId: string } | { ok: false; reason: "mismatch" | "rate_limited"; retryAfterSeconds?: number };

/** One answer for an unknown email, a wrong password and a disabled account. */
export function mismatchMessage(t: TFunction = staffTranslator()): string {
  return t("staff.signIn.mismatch");
}

/**
 * How sign-in resists guessing without letting anyone lock a staff member
 * out (OWASP's guidance on brute force and account lockout):
 * - refused (429) past `perAccountAndAddress` attempts on one account from one
 *   address, or `perAddress` attempts from one address on any accounts: these
 *   stop a guesser, and never touch the owner on their own connection;
 * - never refused per account: past `slowAfter` failures on an account (from
 *   all addresses together) each attempt on it waits before its password is
 *   checked, one second doubling with every further failure up to
 *   `maxPauseMs`, and the staff member is emailed once per window.
 */
export interface SignInLimits {
  windowMs: number;
  perAccountAndAddress: number;
  perAddress: number;
  slowAfter: number;
  maxPauseMs: number;
}

export function signInLimits(e: Env = env()): SignInLimits {
  return {
    windowMs: e.STAFF_SIGNIN_RATE_WINDOW_MINUTES * 60_000,
    perAccountAndAddress: e.STAFF_SIGNIN_RATE_LIMIT,
    perAddress: e.STAFF_SIGNIN_ADDRESS_LIMIT,
    slowAfter: e.STAFF_SIGNIN_SLOWDOWN_AFTER,
    maxPauseMs: e.STAFF_SIGNIN_SLOWDOWN_MAX_SECONDS * 1000,
  };
}

/** How long an attempt waits when the account has seen `failures` wrong passwords in this window. */
export function signInPauseMs(failures: number, limits: Pick<SignInLimits, "slowAfter" | "maxPauseMs">): number {
  if (failures < limits.slowAfter) return 0;
  return Math.min(limits.maxPauseMs, 1000 * 2 ** Math.min(failures - limits.slowAfter, 16));
}

/**
 * Checks a sign-in attempt. Counters are keyed by the email as typed
 * (lower-cased), whether or not an account has it, so the answers and their
 * timing do not tell which emails are staff accounts.
 */
export async function signIn(
  credentials: z.infer<ReturnType<typeof signInSchema>>,
  client: { ip: string; userAgent: string | null },
  limits: SignInLimits = signInLimits(),
): Promise<SignInResult> {
  const byAddress = await hitRateLimit(`staff-sign-in:ip:${client.ip}`, limits.perAddress, limits.windowMs);
  const byPair = await hitRateLimit(
    `staff-sign-in:account-ip:${credentials.email}:${client.ip}`,
    limits.perAccountAndAddress,
    limits.windowMs,
  );
  if (!byAddress.allowed || !byPair.allowed) {
    const retryAfterSeconds = Math.max(byAddress.allowed ? 0 : byAddress.retryAfterSeconds, byPair.allowed ? 0 : byPair.retryAfterSeconds);
    return { ok: false, reason: "rate_limited", retryAfterSeconds };
  }

  const failuresKey = `staff-sign-in:failures:${credentials.email}`;
  const pauseMs = signInPauseMs(await countRateLimitHits(failuresKey, limits.windowMs), limits);
  if (pauseMs > 0) await sleep(pauseMs);

  const user = await findStaffUserByEmail(credentials.email);
  const active = user && !user.disabledAt ? user : null;
  const matches = active ? await verifyPassword(credentials.password, active.passwordHash) : await verifyAgainstDecoy(credentials.password);
  if (!active || !matches) {
    const failures = await hitRateLimit(failuresKey, limits.slowAfter, limits.windowMs);
    // Exactly one attempt sees the count reach the threshold (the increment is atomic).
    if (active && failures.count === limits.slowAfter) await alertStaffMember(active, failures.count, limits.windowMs);
    return { ok: false, reason: "mismatch" };
  }

  const { token } = await inTransaction(async (tx) => {
    const opened = await openStaffSession(tx, active.id, client);
    await markSignedIn(tx, active.id);
    await recordAudit(tx, { actorId: active.id, action: "staff.sign_in", target: { type: "staff", id: active.id }, ip: client.ip });
    return opened;
  });
  return { ok: true, token, userId: active.id };
}

async function alertStaffMember(user: { id: string; email: string; name: string }, failures: number, windowMs: number): Promise<void> {
  console.warn(
    `Staff sign-in: ${failures} wrong passwords for ${user.email} in this window; attempts on it are slowed and its owner is emailed.`,
  );
  const organisation = await getOrganisation();
  const email = signInAlertEmail({
    userId: user.id,
    to: user.email,
    staffName: user.name,
    failures,
    windowMinutes: Math.round(windowMs / 60_000),
    windowStart: windowStartOf(new Date(), windowMs),
    organisationName: organisation.name,
  });
  await inTransaction((tx) => queueEmail(tx, email));
}

export async function signOut(staff: { id: string; sessionId: string }, ip: string): Promise<void> {
  await inTransaction(async (tx) => {
    await endStaffSession(tx, staff.sessionId);
    await recordAudit(tx, { actorId: staff.id, action: "staff.sign_out", target: { type: "staff", id: staff.id }, ip });
  });
}
