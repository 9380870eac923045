import crypto from "node:crypto";

import type { Prisma } from "~/db/db.server";
import type { StaffRole } from "~/generated/prisma/client";
import {
  extendStaffSession,
  findStaffSession,
  insertStaffSession,
  revokeStaffSession,
  revokeStaffSessionsOf,
} from "~/staff/staff-sessions.data.server";
import { env } from "~/utils/env.server";

/**
 * Server-side staff sessions. The browser holds a random token; the row's id
 * is the token's SHA-256, so a leaked database does not hand out sessions.
 * A session ends after STAFF_SESSION_IDLE_HOURS without use, at sign-out, or
 * when its account is disabled.
 */
export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  sessionId: string;
}

/** How often a busy session's expiry is pushed forward (fewer writes). */
const TOUCH_EVERY_MS = 60_000;

function sessionIdOf(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

function idleMs(): number {
  return env().STAFF_SESSION_IDLE_HOURS * 3_600_000;
}

/** Opens a new session in the caller's transaction; returns the cookie token. */
export async function openStaffSession(
  tx: Prisma.TransactionClient,
  userId: string,
  client: { ip: string; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; sessionId: string }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const sessionId = sessionIdOf(token);
  await insertStaffSession(tx, {
    id: sessionId,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + idleMs()),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, sessionId };
}

/** The staff member a live session token belongs to, or null. */
export async function staffMemberForToken(token: string, now = new Date()): Promise<StaffMember | null> {
  const session = await findStaffSession(sessionIdOf(token));
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await extendStaffSession(session.id, now, new Date(now.getTime() + idleMs()));
  }
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id };
}

export async function endStaffSession(tx: Prisma.TransactionClient, sessionId: string, now = new Date()): Promise<void> {
  await revokeStaffSession(tx, sessionId, now);
}

/** Ends every open session of an account (disabling it, changing its role or password). */
export async function endAllStaffSessions(tx: Prisma.TransactionClient, userId: string, now = new Date()): Promise<number> {
  return revokeStaffSessionsOf(tx, userId, now);
}
