/**
 * What the ledger holds about gifts, read with plain SQL so that the same
 * checks run over a node-postgres client or an embedded PGlite.
 */
export type SqlQuery = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface GiftFacts {
  donations: number;
  receipts: number;
}

/** How many donations, and receipts queued for them, a payment intent has. */
export async function giftFacts(query: SqlQuery, paymentIntentId: string): Promise<GiftFacts> {
  const [row] = await query<{ donations: number; receipts: number }>(
    `SELECT count(DISTINCT d."id")::int AS donations, count(m."id")::int AS receipts
       FROM "Donation" d
       LEFT JOIN "EmailMessage" m ON m."donationId" = d."id" AND m."kind" = 'receipt'
      WHERE d."stripePaymentIntentId" = $1`,
    [paymentIntentId],
  );
  return { donations: row?.donations ?? 0, receipts: row?.receipts ?? 0 };
}

/** Whether the ledger holds the event as processed (false when absent or only failed). */
export async function eventProcessed(query: SqlQuery, eventId: string): Promise<boolean> {
  const rows = await query<{ processed: boolean }>(`SELECT "processedAt" IS NOT NULL AS processed FROM "StripeEvent" WHERE "id" = $1`, [
    eventId,
  ]);
  return rows[0]?.processed ?? false;
}

/** The events the sandbox created (what Stripe would deliver), oldest first. */
export async function sandboxEvents(query: SqlQuery): Promise<SandboxEvent[]> {
  const rows = await query<{ data: SandboxEvent }>(`SELECT "data" FROM "SandboxObject" WHERE "type" = 'event' ORDER BY "createdAt", "id"`);
  return rows.map((row) => row.data);
}

export interface SandboxEvent {
  id: string;
  type: string;
  data: { object: { id: string; payment_intent?: string | null; [key: string]: unknown } };
  [key: string]: unknown;
}
