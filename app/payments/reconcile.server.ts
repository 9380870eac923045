import { stripe } from "~/payments/stripe.server";
import { EventSchema, type ParsedEvent } from "~/payments/events/schemas.server";
import { HANDLED_EVENT_TYPES, receiveEvent } from "~/payments/webhooks.server";

export interface ReconcileReport {
  listed: number;
  applied: Array<{ id: string; type: string; summary: string }>;
  alreadyApplied: number;
  failed: Array<{ id: string; type: string; error: string }>;
}

/** Stripe keeps events for 30 days; asking for more would silently miss some. */
export const MAX_RECONCILE_MS = 30 * 24 * 3600 * 1000;

/**
 * Lists Stripe's events of the types the ledger uses since `since` and
 * applies, oldest first, those that never arrived, through the same code and
 * the same once-only guard as the webhook endpoint.
 */
export async function reconcile(since: Date): Promise<ReconcileReport> {
  const events: ParsedEvent[] = [];
  const list = stripe().events.list({
    created: { gte: Math.floor(since.getTime() / 1000) },
    types: [...HANDLED_EVENT_TYPES],
    limit: 100,
  });
  for await (const raw of list) {
    const parsed = EventSchema.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
  }
  events.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));

  const report: ReconcileReport = { listed: events.length, applied: [], alreadyApplied: 0, failed: [] };
  for (const event of events) {
    try {
      const result = await receiveEvent(event);
      if (result.outcome === "applied") report.applied.push({ id: event.id, type: event.type, summary: result.summary });
      else report.alreadyApplied += 1;
    } catch (error) {
      report.failed.push({ id: event.id, type: event.type, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
