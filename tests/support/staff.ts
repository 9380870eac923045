import crypto from "node:crypto";

import { db } from "~/db.server";
import type { StaffRole } from "~/generated/prisma/client";
import { staffCookie } from "~/staff/session-cookie.server";
import { openStaffSession } from "~/staff/sessions.server";

/**
 * A signed-in staff member for tests: a StaffUser row, a real session opened
 * the way sign-in opens one, and the `Cookie` header a browser would send.
 * The password hash is a placeholder: these accounts never sign in by form.
 */
export async function signedInStaff(role: StaffRole = "admin") {
  const tag = crypto.randomBytes(4).toString("hex");
  const user = await db().staffUser.create({
    data: { email: `${role}-${tag}@staff.example.org`, name: `Test ${role} ${tag}`, role, passwordHash: "not-a-password-hash" },
  });
  const { token } = await db().$transaction((tx) => openStaffSession(tx, user.id, { ip: "192.0.2.10", userAgent: "tests" }));
  const setCookie = await staffCookie().serialize(token);
  return { user, cookie: setCookie.split(";")[0] ?? "" };
}

/** Just the `Cookie` header of a new signed-in staff member with `role`. */
export async function staffCookieHeader(role: StaffRole = "admin"): Promise<{ Cookie: string }> {
  const { cookie } = await signedInStaff(role);
  return { Cookie: cookie };
}
