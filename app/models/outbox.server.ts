import type { Prisma } from "~/db.server";

/** An email about to be queued: rendered, addressed, with its dedupe key. */
export interface OutgoingEmail {
  dedupeKey: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  donorId?: string | null;
  donationId?: string | null;
}

/**
 * Queues an email in the outbox inside the caller's transaction. The dedupe
 * key is unique, so the same email can never be queued twice; returns whether
 * this call queued it.
 */
export async function queueEmail(tx: Prisma.TransactionClient, email: OutgoingEmail): Promise<boolean> {
  const { count } = await tx.emailMessage.createMany({
    skipDuplicates: true,
    data: [
      {
        dedupeKey: email.dedupeKey,
        kind: email.kind,
        toAddress: email.to,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        donorId: email.donorId ?? null,
        donationId: email.donationId ?? null,
      },
    ],
  });
  return count === 1;
}
