import { db, type Prisma } from "~/db/db.server";
import type { StaffRole } from "~/generated/prisma/client";

/** The StaffUser rows: accounts are never deleted (the audit log names them), only disabled. */

export function findStaffUserByEmail(email: string) {
  return db().staffUser.findUnique({ where: { email } });
}

export async function staffEmailTaken(tx: Prisma.TransactionClient, email: string): Promise<boolean> {
  return Boolean(await tx.staffUser.findUnique({ where: { email }, select: { id: true } }));
}

export function insertStaffUser(
  tx: Prisma.TransactionClient,
  account: { email: string; name: string; role: StaffRole; passwordHash: string },
): Promise<{ id: string }> {
  return tx.staffUser.create({ data: account, select: { id: true } });
}

export async function markSignedIn(tx: Prisma.TransactionClient, userId: string, at = new Date()): Promise<void> {
  await tx.staffUser.update({ where: { id: userId }, data: { lastSignInAt: at } });
}

/**
 * Locks the rows of every active admin and returns their ids, so that two
 * changes that could each remove the last admin take turns.
 */
export async function lockActiveAdminIds(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text AS "id" FROM "StaffUser" WHERE "role" = 'admin' AND "disabledAt" IS NULL ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** Disables or enables an account; false when it already was. */
export async function setStaffUserDisabled(tx: Prisma.TransactionClient, userId: string, disabled: boolean): Promise<boolean> {
  const { count } = await tx.staffUser.updateMany({
    where: { id: userId, disabledAt: disabled ? null : { not: null } },
    data: { disabledAt: disabled ? new Date() : null },
  });
  return count > 0;
}

/** Gives an account a role; false when it already had it. */
export async function setStaffUserRole(tx: Prisma.TransactionClient, userId: string, role: StaffRole): Promise<boolean> {
  const { count } = await tx.staffUser.updateMany({ where: { id: userId, role: { not: role } }, data: { role } });
  return count > 0;
}

/** Active accounts first, then by name. */
export function listStaffUsers() {
  return db().staffUser.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, lastSignInAt: true, createdAt: true },
  });
}

export function countActiveAdmins(): Promise<number> {
  return db().staffUser.count({ where: { role: "admin", disabledAt: null } });
}
