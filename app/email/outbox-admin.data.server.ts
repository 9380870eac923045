import { db, type Prisma } from "~/db/db.server";
import type { EmailStatus } from "~/generated/prisma/client";
import { recordAudit, type Actor } from "~/staff/audit.data.server";
import { newestFirstPage } from "~/db/keyset-page.data.server";
import type { Keyset } from "~/utils/keyset.server";

/** The outbox as staff see it, and the one thing they may do to it: retry a message that gave up. */
export const OUTBOX_PAGE_SIZE = 50;
export const EMAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const satisfies readonly EmailStatus[];

/** What staff see of an email, in the outbox and on a donation's page. */
export const EMAIL_SUMMARY_SELECT = {
  id: true,
  kind: true,
  toAddress: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
  sentAt: true,
  createdAt: true,
} as const satisfies Prisma.EmailMessageSelect;

export async function outboxPage(options: { status?: EmailStatus; before?: Keyset } = {}) {
  return newestFirstPage(OUTBOX_PAGE_SIZE, options.before, (page) =>
    db().emailMessage.findMany({
      where: { ...(options.status ? { status: options.status } : {}), ...page.where },
      orderBy: page.orderBy,
      take: page.take,
      select: EMAIL_SUMMARY_SELECT,
    }),
  );
}

export type RetryOutcome = "retried" | "not_failed" | "not_found";

/**
 * Puts a message that gave up back in the queue, due now. Its attempt count
 * is kept: the sender makes one more attempt, and if that fails too the
 * message is failed again at once with the new error (EMAIL_MAX_ATTEMPTS is
 * already reached), instead of starting hours of backoff over.
 */
export async function retryFailedEmail(id: string, actor: Actor): Promise<RetryOutcome> {
  return db().$transaction(async (tx) => {
    const message = await tx.emailMessage.findUnique({ where: { id }, select: { status: true, attempts: true, lastError: true } });
    if (!message) return "not_found";
    const { count } = await tx.emailMessage.updateMany({
      where: { id, status: "failed" },
      data: { status: "pending", nextAttemptAt: new Date() },
    });
    if (count === 0) return "not_failed";
    await recordAudit(tx, {
      ...actor,
      action: "email.retry",
      target: { type: "email", id },
      details: { attempts: message.attempts, lastError: message.lastError?.slice(0, 300) ?? null },
    });
    return "retried";
  });
}
