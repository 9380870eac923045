import { db } from "~/db/db.server";

/** The DonorSession rows; tokens, their hashing and the lifetime live in ~/portal/portal-session.server. */

export async function insertDonorSession(row: { id: string; donorId: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db().donorSession.create({ data: row, select: { id: true } });
}

/** A session, whatever its state. */
export function findDonorSession(id: string) {
  return db().donorSession.findUnique({ where: { id }, select: { id: true, donorId: true, expiresAt: true, revokedAt: true } });
}

export async function revokeDonorSession(id: string, at: Date): Promise<void> {
  await db().donorSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
}
