import { db } from "~/db/db.server";
import { recordAudit, type Actor } from "~/staff/audit.data.server";
import { queueReceiptCopy, receiptContext } from "~/email/receipts.data.server";

export class DonationNotFound extends Error {
  constructor(donationId: string) {
    super(`No donation ${donationId}`);
    this.name = "DonationNotFound";
  }
}

/**
 * A staff member sends a gift's receipt again: a fresh copy to the donor's
 * current email, queued in the outbox, with its audit row, in one transaction.
 */
export async function resendReceipt(donationId: string, actor: Actor) {
  const context = await receiptContext();
  return db().$transaction(async (tx) => {
    const exists = await tx.donation.findUnique({ where: { id: donationId }, select: { id: true } });
    if (!exists) throw new DonationNotFound(donationId);
    const copy = await queueReceiptCopy(tx, donationId, context);
    await recordAudit(tx, {
      ...actor,
      action: "receipt.resend",
      target: { type: "donation", id: donationId },
      details: { receiptNumber: copy.receiptNumber, to: copy.to, emailId: copy.emailId },
    });
    return copy;
  });
}
