import { markPledgeExpired } from "~/donations/ledger.data.server";

import { defineHandler, pledgeIdFrom } from "~/payments/events/handler.server";
import { CheckoutSessionSchema } from "~/payments/events/schemas.server";

/**
 * checkout.session.expired: the donor left Stripe's page without paying and
 * the session ran out (after 24 hours, or expired through the API). The
 * pledge is marked abandoned (`expired`), unless it was paid meanwhile or a
 * newer session of it is the one in use.
 */
export const expiredCheckoutEvents = defineHandler({
  types: ["checkout.session.expired"],

  async prepare(event) {
    const session = CheckoutSessionSchema.parse(event.data.object);
    const pledgeId = pledgeIdFrom(session.metadata, session.client_reference_id ?? undefined);
    return pledgeId ? { session, pledgeId } : null;
  },

  async apply(tx, { session, pledgeId }) {
    const marked = await markPledgeExpired(tx, pledgeId, session.id);
    return marked
      ? `pledge ${pledgeId} abandoned (Checkout Session ${session.id} expired)`
      : `pledge ${pledgeId} left as it is (session ${session.id} expired)`;
  },
});
