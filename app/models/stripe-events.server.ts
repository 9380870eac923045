import { db, type Prisma } from "~/db.server";
import type { ParsedEvent } from "~/payments/events/schemas.server";

/**
 * StripeEvent rows are the guard that makes each event count once. The
 * claim is an INSERT ... ON CONFLICT on the event id followed by a row lock:
 * a concurrent delivery of the same event waits on the database until the
 * first one commits, then sees it processed.
 */
export async function claimEvent(tx: Prisma.TransactionClient, event: ParsedEvent): Promise<{ alreadyProcessed: boolean }> {
  await tx.$executeRaw`
    INSERT INTO "StripeEvent" ("id", "type", "livemode", "stripeCreatedAt", "objectId", "payload", "receivedAt", "attempts")
    VALUES (${event.id}, ${event.type}, ${event.livemode}, ${new Date(event.created * 1000)}, ${event.data.object.id},
            ${JSON.stringify(event)}::jsonb, now(), 0)
    ON CONFLICT ("id") DO NOTHING`;
  const rows = await tx.$queryRaw<{ processedAt: Date | null }[]>`
    SELECT "processedAt" FROM "StripeEvent" WHERE "id" = ${event.id} FOR UPDATE`;
  return { alreadyProcessed: Boolean(rows[0]?.processedAt) };
}

export async function markProcessed(tx: Prisma.TransactionClient, eventId: string): Promise<void> {
  await tx.stripeEvent.update({
    where: { id: eventId },
    data: { processedAt: new Date(), error: null, attempts: { increment: 1 } },
  });
}

/** After a failed attempt (its transaction rolled back): keep the event and why it failed. */
export async function recordEventFailure(event: ParsedEvent, message: string): Promise<void> {
  await db().stripeEvent.upsert({
    where: { id: event.id },
    create: {
      id: event.id,
      type: event.type,
      livemode: event.livemode,
      stripeCreatedAt: new Date(event.created * 1000),
      objectId: event.data.object.id,
      payload: event as unknown as Prisma.InputJsonValue,
      attempts: 1,
      error: message.slice(0, 2_000),
    },
    update: { attempts: { increment: 1 }, error: message.slice(0, 2_000) },
  });
}

export async function isEventProcessed(eventId: string): Promise<boolean> {
  const row = await db().stripeEvent.findUnique({ where: { id: eventId }, select: { processedAt: true } });
  return Boolean(row?.processedAt);
}

/** Runs `work` in one transaction with room for a few Stripe-sized writes. */
export async function inEventTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db().$transaction(work, { maxWait: 10_000, timeout: 20_000 });
}
