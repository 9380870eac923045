import crypto from "node:crypto";

import { db } from "~/db.server";
import type { StaffRole } from "~/generated/prisma/client";
import { staffCookie } from "~/staff/session-cookie.server";
import { openStaffSession } from "~/staff/sessions.server";

export interface SignedInStaff {
  user: { id: string; email: string; name: string; role: StaffRole };
  /** The request headers of this staff member's browser. */
  headers: { Cookie: string };
}

/**
 * A staff account with an open session, as after signing in. The password
 * hash is a placeholder (these tests never sign in with a password), which
 * keeps each account cheap to create.
 */
export async function signedInStaff(role: StaffRole, overrides: { email?: string; name?: string } = {}): Promise<SignedInStaff> {
  const suffix = crypto.randomBytes(4).toString("hex");
  const user = await db().staffUser.create({
    data: {
      email: overrides.email ?? `${role}-${suffix}@example.org`,
      name: overrides.name ?? `Test ${role} ${suffix}`,
      role,
      passwordHash: "placeholder-not-a-scrypt-hash",
    },
    select: { id: true, email: true, name: true, role: true },
  });
  const { token } = await db().$transaction((tx) => openStaffSession(tx, user.id, { ip: "127.0.0.1", userAgent: "vitest" }));
  const cookie = await staffCookie().serialize(token);
  return { user, headers: { Cookie: cookie.split(";")[0] ?? cookie } };
}
