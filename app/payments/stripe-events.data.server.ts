import { db, type Prisma } from "~/db/db.server";
import type { ParsedEvent } from "~/payments/events/schemas.server";

/**
 * How an event's transaction found its StripeEvent row: `first` (this
 * transaction inserted it, already marked processed: the mark commits with the
 * event's effects or rolls back with them), `retry` (a row left by a failed
 * attempt: apply the event, then markProcessed), or `duplicate` (applied
 * before: change nothing).
 */
export type EventClaim = "first" | "retry" | "duplicate";

/**
 * StripeEvent rows are the guard that makes each event count once. A first
 * delivery costs one statement: an INSERT ... ON CONFLICT DO NOTHING that
 * marks the event processed as it inserts it. A concurrent delivery of the
 * same event waits on the unique key until the first one commits (its insert
 * then does nothing) or rolls back (its insert then goes ahead); only then is
 * the existing row read, under a row lock.
 */
export async function claimEvent(tx: Prisma.TransactionClient, event: ParsedEvent): Promise<EventClaim> {
  // The app's clock, as Prisma writes every other timestamp (UTC whatever the session's time zone).
  const now = new Date();
  const inserted = await tx.$executeRaw`
    INSERT INTO "StripeEvent" ("id", "type", "livemode", "stripeCreatedAt", "objectId", "payload", "receivedAt", "processedAt", "attempts")
    VALUES (${event.id}, ${event.type}, ${event.livemode}, ${new Date(event.created * 1000)}, ${event.data.object.id},
            ${JSON.stringify(event)}::jsonb, ${now}, ${now}, 1)
    ON CONFLICT ("id") DO NOTHING`;
  if (inserted === 1) return "first";
  const rows = await tx.$queryRaw<{ processedAt: Date | null }[]>`
    SELECT "processedAt" FROM "StripeEvent" WHERE "id" = ${event.id} FOR UPDATE`;
  return rows[0]?.processedAt ? "duplicate" : "retry";
}

/** Marks an event that an earlier attempt failed to apply as processed now. */
export async function markProcessed(tx: Prisma.TransactionClient, eventId: string): Promise<void> {
  // updateMany: no RETURNING of the stored payload, which nothing here reads.
  await tx.stripeEvent.updateMany({
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
  const rows = await db().$queryRaw<{ processed: boolean }[]>`
    SELECT "processedAt" IS NOT NULL AS "processed" FROM "StripeEvent" WHERE "id" = ${eventId}`;
  return rows[0]?.processed ?? false;
}

/** Runs `work` in one transaction with room for a few Stripe-sized writes. */
export async function inEventTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db().$transaction(work, { maxWait: 10_000, timeout: 20_000 });
}
