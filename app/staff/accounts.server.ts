import type { TFunction } from "i18next";
import { z } from "zod";

import type { Prisma } from "~/db/db.server";
import type { StaffRole } from "~/generated/prisma/client";
import { recordAudit, type Actor } from "~/staff/audit.data.server";
import {
  countActiveAdmins,
  insertStaffUser,
  listStaffUsers,
  lockActiveAdminIds,
  setStaffUserDisabled,
  setStaffUserRole,
  staffEmailTaken,
} from "~/staff/staff-users.data.server";
import { inTransaction } from "~/db/transaction.data.server";
import { newPasswordSchema } from "~/staff/password-policy.server";
import { hashPassword } from "~/staff/password.server";
import { endAllStaffSessions } from "~/staff/sessions.server";
import { staffTranslator } from "~/staff/staff-language.server";
import { singleLineText } from "~/utils/text";

/** Staff accounts: created by an admin or from the command line, never deleted (the audit log names them). */
export const StaffRoleSchema = z.enum(["admin", "viewer"]);

/** A new account's fields, their messages in the language of `t` (the site's default: staff pages speak it). */
export function newStaffSchema(t: TFunction = staffTranslator()) {
  const NAME_MAX = 120;
  return z
    .object({
      email: singleLineText(t("formErrors.singleLine"))
        .toLowerCase()
        .max(254)
        .pipe(z.email(t("staff.accounts.errors.email"))),
      name: singleLineText(t("formErrors.singleLine"))
        .min(1, t("staff.accounts.errors.nameRequired"))
        .max(NAME_MAX, t("staff.accounts.errors.tooLong", { max: NAME_MAX })),
      role: z.enum(StaffRoleSchema.options, { error: t("staff.accounts.errors.role") }),
      password: z.string(),
    })
    .superRefine((account, ctx) => {
      const checked = newPasswordSchema({ email: account.email, name: account.name }, t).safeParse(account.password);
      for (const issue of checked.success ? [] : checked.error.issues) {
        ctx.addIssue({ code: "custom", path: ["password"], message: issue.message });
      }
    });
}

export type NewStaff = z.infer<ReturnType<typeof newStaffSchema>>;

export class StaffEmailTaken extends Error {
  constructor(email: string) {
    super(staffTranslator()("staff.accounts.errors.emailTaken", { email }));
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

/**
 * Refuses to disable or demote the last active admin. The active admins' rows
 * are locked first: two admins disabling or demoting each other at once then
 * take turns, and the second sees the first's change, so the site can never
 * be left without an admin.
 */
async function refuseRemovingLastAdmin(tx: Prisma.TransactionClient, userId: string, change: "disable" | "demote"): Promise<void> {
  const admins = await lockActiveAdminIds(tx);
  if (admins.length === 1 && admins[0] === userId) {
    throw new StaffChangeRefused(
      staffTranslator()(change === "disable" ? "staff.accounts.errors.lastAdminDisable" : "staff.accounts.errors.lastAdminDemote"),
    );
  }
}

export async function createStaffAccount(account: NewStaff, actor: Actor): Promise<{ id: string }> {
  const passwordHash = await hashPassword(account.password);
  return inTransaction(async (tx) => {
    if (await staffEmailTaken(tx, account.email)) throw new StaffEmailTaken(account.email);
    const user = await insertStaffUser(tx, { email: account.email, name: account.name, role: account.role, passwordHash });
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
  change: (
    tx: Prisma.TransactionClient,
  ) => Promise<{ action: "staff.disable" | "staff.enable" | "staff.role"; details: Prisma.InputJsonValue } | null>,
): Promise<boolean> {
  return inTransaction(async (tx) => {
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
    throw new StaffChangeRefused(staffTranslator()("staff.accounts.errors.ownAccount"));
  }
  return changeAccount(userId, actor, async (tx) => {
    if (disabled) await refuseRemovingLastAdmin(tx, userId, "disable");
    const changed = await setStaffUserDisabled(tx, userId, disabled);
    return changed ? { action: disabled ? "staff.disable" : "staff.enable", details: { disabled } } : null;
  });
}

/**
 * A role change ends the account's sessions, so the new role applies from the
 * next sign-in. The last active admin cannot be made a viewer (StaffChangeRefused).
 */
export function setStaffRole(userId: string, role: StaffRole, actor: Actor): Promise<boolean> {
  return changeAccount(userId, actor, async (tx) => {
    if (role !== "admin") await refuseRemovingLastAdmin(tx, userId, "demote");
    return (await setStaffUserRole(tx, userId, role)) ? { action: "staff.role", details: { role } } : null;
  });
}

export const listStaffAccounts = listStaffUsers;

/** Admins who can still sign in; the last one cannot be disabled or demoted. */
export const activeAdminCount = countActiveAdmins;
