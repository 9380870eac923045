import crypto from "node:crypto";

import { db } from "~/db/db.server";
import type { StaffRole } from "~/generated/prisma/client";
import { hashPassword } from "~/staff/password.server";
import { staffCookie } from "~/staff/session-cookie.server";
import { openStaffSession } from "~/staff/sessions.server";

/** The password of accounts made with `withPassword`. */
export const STAFF_PASSWORD = "lantern keeps the ledger";

export interface SignedInStaff {
  user: { id: string; email: string; name: string; role: StaffRole };
  sessionId: string;
  /** The Cookie header value of this staff member's browser. */
  cookie: string;
  /** The same, as request headers. */
  headers: { Cookie: string };
}

/**
 * A staff account with a session opened the way sign-in opens one. The
 * password hash is a placeholder (cheap) unless `withPassword` asks for a
 * real scrypt hash of STAFF_PASSWORD, for tests that sign in with the form.
 */
export async function signedInStaff(
  role: StaffRole = "admin",
  options: { email?: string; name?: string; withPassword?: boolean } = {},
): Promise<SignedInStaff> {
  const suffix = crypto.randomBytes(4).toString("hex");
  const user = await db().staffUser.create({
    data: {
      email: options.email ?? `${role}-${suffix}@example.org`,
      name: options.name ?? `Test ${role} ${suffix}`,
      role,
      passwordHash: options.withPassword ? await hashPassword(STAFF_PASSWORD) : "placeholder-not-a-scrypt-hash",
    },
    select: { id: true, email: true, name: true, role: true },
  });
  const { token, sessionId } = await db().$transaction((tx) => openStaffSession(tx, user.id, { ip: "127.0.0.1", userAgent: "vitest" }));
  const cookie = (await staffCookie().serialize(token)).split(";")[0] ?? "";
  return { user, sessionId, cookie, headers: { Cookie: cookie } };
}

/** Just the request headers of a new signed-in staff member with `role`. */
export async function staffCookieHeader(role: StaffRole = "admin"): Promise<{ Cookie: string }> {
  return (await signedInStaff(role)).headers;
}
