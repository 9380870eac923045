import { db, type Prisma } from "~/db/db.server";

/**
 * Runs `work` in one database transaction, for services that combine several
 * data-layer calls (each taking the `tx` handed to `work`) into one change
 * that either happens whole or not at all.
 */
export function inTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db().$transaction(work);
}
