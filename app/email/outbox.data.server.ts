import crypto from "node:crypto";

import { db, type Prisma } from "~/db/db.server";
import { markedAsTest } from "~/email/templates/test-marking.server";
import { env } from "~/utils/env.server";

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
  /** About a sandbox gift (a TEST- receipt): marked as a test even if the site is live now. */
  test?: boolean;
  /** The language it is written in: a test marking is written in it too (the default language's when unset). */
  lang?: string;
}

/**
 * Queues an email in the outbox inside the caller's transaction. The dedupe
 * key is unique, so the same email can never be queued twice; returns whether
/**
 * Queues an email in the outbox inside the caller's transaction. The dedupe
 * key is unique, so the same email can never be queued twice; returns whether
 * this call queued it. In sandbox mode every email is marked as a test here,
 * the one door every email goes through.
 *
 * A plain INSERT ... ON CONFLICT DO NOTHING rather than Prisma's createMany:
 * Prisma keeps no query plan for createMany and compiles it anew on every
 * call, rendered bodies included, which cost more than the insert itself for
 * every receipt a webhook queues.
 */
export async function queueEmail(tx: Prisma.TransactionClient, outgoing: OutgoingEmail): Promise<boolean> {
  const email = env().sandbox || outgoing.test ? markedAsTest(outgoing) : outgoing;
  const now = new Date();
  const inserted = await tx.$executeRaw`
    INSERT INTO "EmailMessage" ("id", "dedupeKey", "kind", "toAddress", "subject", "textBody", "htmlBody",
                                "donorId", "donationId", "nextAttemptAt", "createdAt", "updatedAt")
    VALUES (${crypto.randomUUID()}::uuid, ${email.dedupeKey}, ${email.kind}, ${email.to}, ${email.subject}, ${email.text}, ${email.html},
            ${email.donorId ?? null}::uuid, ${email.donationId ?? null}::uuid, ${now}, ${now}, ${now})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return inserted === 1;
}

export interface ClaimedEmail {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attempts: number;
}

/**
 * Claims up to `limit` messages that are due. Rows are locked with SKIP LOCKED,
 * so several server instances never claim the same message. A claim is a
 * lease: the message is pushed `leaseMs` into the future, so one whose sender
 * died mid-send becomes due again by itself.
 */
export async function claimDueEmails(limit: number, leaseMs: number): Promise<ClaimedEmail[]> {
  return db().$queryRaw<ClaimedEmail[]>`
    UPDATE "EmailMessage" m
       SET "status" = 'sending', "attempts" = m."attempts" + 1,
           "nextAttemptAt" = now() + (${leaseMs} * interval '1 millisecond'), "updatedAt" = now()
     WHERE m."id" IN (
       SELECT "id" FROM "EmailMessage"
        WHERE "status" IN ('pending', 'sending') AND "nextAttemptAt" <= now()
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
     RETURNING m."id"::text AS "id", m."toAddress", m."subject", m."textBody", m."htmlBody", m."attempts"`;
}

export async function markEmailSent(id: string): Promise<void> {
  await db().emailMessage.update({ where: { id }, data: { status: "sent", sentAt: new Date(), lastError: null } });
}

/** After a failed attempt: retry later with exponential backoff, or give up. */
export async function markEmailFailed(
  id: string,
  attempts: number,
  error: string,
  policy: { maxAttempts: number; baseDelayMs: number },
): Promise<"retry" | "failed"> {
  const giveUp = attempts >= policy.maxAttempts;
  await db().emailMessage.update({
    where: { id },
    data: {
      status: giveUp ? "failed" : "pending",
      lastError: error.slice(0, 2_000),
      nextAttemptAt: new Date(Date.now() + policy.baseDelayMs * 2 ** (attempts - 1)),
    },
  });
  return giveUp ? "failed" : "retry";
}
