import type { Prisma } from "~/db/db.server";

import type { OrganisationSettings } from "~/organisation/organisation.data.server";

import type { ParsedEvent } from "~/payments/events/schemas.server";

/** Read before the transaction opens, for what applying an event writes (receipts, notices). */
export interface ApplyContext {
  organisation: OrganisationSettings;
  manageUrl: string;
}

/**
 * How one family of Stripe events reaches the ledger: `prepare` reads what it
 * needs from Stripe (outside any transaction; null means the event is not
 * about a Lantern gift), `apply` writes it inside the event's transaction and
 * says in a few words what it did.
 */
export interface EventHandler<Prepared> {
  types: readonly string[];
  prepare(event: ParsedEvent): Promise<Prepared | null>;
  apply(tx: Prisma.TransactionClient, prepared: Prepared, event: ParsedEvent, context: ApplyContext): Promise<string>;
}

export function defineHandler<Prepared>(handler: EventHandler<Prepared>): EventHandler<Prepared> {
  return handler;
}

/** A gift's pledge id, from the metadata Lantern puts on every Stripe object. */
export function pledgeIdFrom(...sources: Array<Record<string, string> | null | undefined | string>): string | null {
  for (const source of sources) {
    const value = typeof source === "string" ? source : source?.pledge_id;
    if (value && /^[0-9a-f-]{36}$/i.test(value)) return value;
  }
  return null;
}
