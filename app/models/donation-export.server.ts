import { db, type Prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/models/audit.server";

/**
 * Notes in the audit log that a staff member exported donations, with the
 * filters used. Written before the first row is sent: an export that fails
 * half-way has still been recorded.
 */
export async function recordDonationsExport(actor: Actor, filters: Prisma.InputJsonObject): Promise<void> {
  await db().$transaction((tx) =>
    recordAudit(tx, { ...actor, action: "donations.export", target: { type: "donations", id: "csv" }, details: { filters } }),
  );
}
