import { db } from "~/db/db.server";
import { queueEmail } from "~/email/outbox.data.server";

/** Queues `count` receipts-like messages (test:0, test:1, ...) in one transaction. */
export async function queueTestEmails(count: number): Promise<void> {
  await db().$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await queueEmail(tx, {
        dedupeKey: `test:${i}`,
        kind: "receipt",
        to: `d${i}@example.org`,
        subject: `Receipt ${i}`,
        text: `Text ${i}`,
        html: `<p>Html ${i}</p>`,
      });
    }
  });
}

/** Makes every waiting message due now (instead of waiting out the backoff). */
export async function makeDue(): Promise<void> {
  await db().emailMessage.updateMany({ where: { status: "pending" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}
