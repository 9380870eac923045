import crypto from "node:crypto";

import { db } from "~/db.server";
import type { StaffRole } from "~/generated/prisma/enums";
import { hashPassword } from "~/staff/password.server";
import { staffCookie } from "~/staff/session-cookie.server";
import { openStaffSession } from "~/staff/sessions.server";

export const STAFF_PASSWORD = "lantern keeps the ledger";

/** A staff account (password STAFF_PASSWORD) with a signed-in session; `cookie` goes in a Cookie header. */
export async function signedInStaff(role: StaffRole = "admin", email = `${role}-${crypto.randomBytes(4).toString("hex")}@example.org`) {
  const user = await db().staffUser.create({
    data: { email, name: `Test ${role}`, role, passwordHash: await hashPassword(STAFF_PASSWORD) },
  });
  const { token, sessionId } = await db().$transaction((tx) => openStaffSession(tx, user.id, { ip: "127.0.0.1", userAgent: "vitest" }));
  const setCookie = await staffCookie().serialize(token);
  return { user, sessionId, cookie: setCookie.split(";")[0] ?? "" };
}
