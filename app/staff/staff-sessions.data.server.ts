import { db, type Prisma } from "~/db/db.server";

/** The StaffSession rows; tokens, their hashing and the idle rule live in ~/staff/sessions.server. */

export interface StaffSessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string;
  userAgent: string | null;
}

export async function insertStaffSession(tx: Prisma.TransactionClient, row: StaffSessionRow): Promise<void> {
  await tx.staffSession.create({ data: row });
}

/** A session with the account it belongs to, whatever its state. */
export function findStaffSession(id: string) {
  return db().staffSession.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
}

/** Pushes an open session's expiry on after a request. */
export async function extendStaffSession(id: string, seenAt: Date, expiresAt: Date): Promise<void> {
  await db().staffSession.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: seenAt, expiresAt } });
}

export async function revokeStaffSession(tx: Prisma.TransactionClient, id: string, at: Date): Promise<void> {
  await tx.staffSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
}

/** Ends every open session of an account; returns how many were open. */
export async function revokeStaffSessionsOf(tx: Prisma.TransactionClient, userId: string, at: Date): Promise<number> {
  const { count } = await tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
  return count;
}
