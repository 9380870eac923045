import type { ActionFunctionArgs } from "@remix-run/node";

import { describeDatabaseError, isDatabaseUnavailable } from "~/db/unavailable.server";
import { receiveEvent, verifyWebhook } from "~/payments/webhooks.server";
import { serviceUnavailableJson } from "~/utils/service-unavailable.server";

/**
 * Stripe's webhook endpoint. The raw body is read once, before anything else,
 * because the signature covers its exact bytes.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "Method not allowed" }, { status: 405, headers: { Allow: "POST" } });
  const rawBody = await request.text();
  const verified = verifyWebhook(rawBody, request.headers.get("stripe-signature"));
  if (!verified.ok) {
    if (verified.detail) console.warn(`Refused a Stripe webhook delivery: ${verified.message} (${verified.detail.split("\n")[0]})`);
    return Response.json({ error: verified.message }, { status: 400 });
  }

  try {
    const result = await receiveEvent(verified.event);
    return Response.json({ received: true, outcome: result.outcome });
  } catch (error) {
    // Nothing of the event was kept (its transaction rolled back): Stripe's retry applies it whole.
    if (isDatabaseUnavailable(error)) {
      console.warn(
        `Stripe event ${verified.event.id} (${verified.event.type}) not applied, the database is unavailable (${describeDatabaseError(error)}); Stripe will retry.`,
      );
      return serviceUnavailableJson({ received: false, error: "The database is unavailable; retry later" });
    }
    console.error(`Stripe event ${verified.event.id} (${verified.event.type}) failed; Stripe will retry:`, error);
    return Response.json({ received: false, error: "Processing failed; retry later" }, { status: 500 });
  }
}

export function loader() {
  return Response.json({ error: "Method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
