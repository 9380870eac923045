import { z } from "zod";

import { db, type Prisma } from "~/db.server";
import type { StaffRole } from "~/generated/prisma/client";
import { recordAudit } from "~/models/audit.server";
import { newPasswordSchema } from "~/staff/password-policy";
import { hashPassword } from "~/staff/password.server";
import { endAllStaffSessions } from "~/staff/sessions.server";
import { singleLineText } from "~/utils/text";

/** Staff accounts: created by an admin or from the command line, never deleted (the audit log names them). */
export const StaffRoleSchema = z.enum(["admin", "viewer"], { error: "Choose admin or viewer." });

export const NewStaffSchema = z
  .object({
    email: singleLineText().toLowerCase().max(254).pipe(z.email("Enter an email address like name@example.org.")),
    name: singleLineText().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
    role: StaffRoleSchema,
    password: z.string(),
  })
  .superRefine((account, ctx) => {
    const checked = newPasswordSchema({ email: account.email, name: account.name }).safeParse(account.password);
    for (const issue of checked.success ? [] : checked.error.issues) {
      ctx.addIssue({ code: "custom", path: ["password"], message: issue.message });
    }
  });

export type NewStaff = z.infer<typeof NewStaffSchema>;

export class StaffEmailTaken extends Error {
  constructor(email: string) {
    super(`A staff account for ${email} already exists.`);
    this.name = "StaffEmailTaken";
  }
}

/** A change the rules forbid; the message says why, in words for the admin who asked. */
export class StaffChangeRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StaffChangeRefused";
  }
}

interface Actor {
  actorId: string | null;
  ip?: string;
}

/**
 * Locks the rows of every active admin and returns their ids. Two admins
 * disabling or demoting each other at once then take turns, and the second
 * sees the first's change, so the site can never be left without an admin.
 */
async function lockActiveAdmins(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text AS "id" FROM "StaffUser" WHERE "role" = 'admin' AND "disabledAt" IS NULL ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

async function refuseRemovingLastAdmin(tx: Prisma.TransactionClient, userId: string, change: "disable" | "demote"): Promise<void> {
  const admins = await lockActiveAdmins(tx);
  if (admins.length === 1 && admins[0] === userId) {
    throw new StaffChangeRefused(
      `This is the only active admin, so it cannot be ${change === "disable" ? "disabled" : "made a viewer"}: nobody could manage accounts any more. Make another account an admin first.`,
    );
  }
}

export async function createStaffAccount(account: NewStaff, actor: Actor): Promise<{ id: string }> {
  const passwordHash = await hashPassword(account.password);
  return db().$transaction(async (tx) => {
    const existing = await tx.staffUser.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) throw new StaffEmailTaken(account.email);
    const user = await tx.staffUser.create({
      data: { email: account.email, name: account.name, role: account.role, passwordHash },
      select: { id: true },
    });
    await recordAudit(tx, {
      ...actor,
      action: "staff.create",
      target: { type: "staff", id: user.id },
      details: { email: account.email, role: account.role },
    });
    return user;
  });
}

async function changeAccount(
  userId: string,
  actor: Actor,
  change: (tx: Prisma.TransactionClient) => Promise<{ action: "staff.disable" | "staff.enable" | "staff.role"; details: Prisma.InputJsonValue } | null>,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const result = await change(tx);
    if (!result) return false;
    await endAllStaffSessions(tx, userId);
    await recordAudit(tx, { ...actor, action: result.action, target: { type: "staff", id: userId }, details: result.details });
    return true;
  });
}

/**
 * Disabling ends every session of the account at once. Refused for the
 * actor's own account and for the last active admin (StaffChangeRefused).
 */
export async function setStaffDisabled(userId: string, disabled: boolean, actor: Actor): Promise<boolean> {
  if (disabled && actor.actorId === userId) {
    throw new StaffChangeRefused("You cannot disable your own account. Another admin can do it if it is needed.");
  }
  return changeAccount(userId, actor, async (tx) => {
    if (disabled) await refuseRemovingLastAdmin(tx, userId, "disable");
    const { count } = await tx.staffUser.updateMany({
      where: { id: userId, disabledAt: disabled ? null : { not: null } },
      data: { disabledAt: disabled ? new Date() : null },
    });
    return count === 0 ? null : { action: disabled ? "staff.disable" : "staff.enable", details: { disabled } };
  });
}

/**
 * A role change ends the account's sessions, so the new role applies from the
 * next sign-in. The last active admin cannot be made a viewer (StaffChangeRefused).
 */
export function setStaffRole(userId: string, role: StaffRole, actor: Actor): Promise<boolean> {
  return changeAccount(userId, actor, async (tx) => {
    if (role !== "admin") await refuseRemovingLastAdmin(tx, userId, "demote");
    const { count } = await tx.staffUser.updateMany({ where: { id: userId, role: { not: role } }, data: { role } });
    return count === 0 ? null : { action: "staff.role", details: { role } };
  });
}

export async function listStaffAccounts() {
  return db().staffUser.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, lastSignInAt: true, createdAt: true },
  });
}

/** Admins who can still sign in; the last one cannot be disabled or demoted. */
export async function activeAdminCount(): Promise<number> {
  return db().staffUser.count({ where: { role: "admin", disabledAt: null } });
}
