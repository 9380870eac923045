import { db, type Prisma } from "~/db/db.server";

/** One request for a manage link: the address typed, never looked up here. */
export async function recordManageLinkRequest(email: string): Promise<void> {
  await db().manageLinkRequest.create({ data: { email }, select: { id: true } });
}

/**
 * Takes the oldest waiting requests, at most `limit`, and deletes them in the
 * caller's transaction: rows are claimed with SKIP LOCKED, so several
 * instances never take the same one, and a rollback puts them back.
 */
export function claimManageLinkRequests(tx: Prisma.TransactionClient, limit: number): Promise<Array<{ email: string; requestedAt: Date }>> {
  return tx.$queryRaw<Array<{ email: string; requestedAt: Date }>>`
    DELETE FROM "ManageLinkRequest" WHERE "id" IN (
      SELECT "id" FROM "ManageLinkRequest" ORDER BY "requestedAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING "email", "requestedAt"`;
}

/** Of these emails, the donors who have given (a recorded gift, or a recurring gift): each has a giving page. */
export async function givingDonorsByEmail(
  tx: Prisma.TransactionClient,
  emails: string[],
): Promise<Array<{ id: string; email: string; name: string; language: string }>> {
  const donors = await tx.donor.findMany({
    where: { email: { in: emails }, OR: [{ donations: { some: {} } }, { recurringGifts: { some: {} } }] },
    select: { id: true, email: true, name: true, language: true },
  });
  return donors.flatMap((donor) => (donor.email ? [{ ...donor, email: donor.email }] : []));
}
