import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveEvent, verifyWebhook } from "~/payments/webhooks.server";

/**
 * Stripe's webhook endpoint. The raw body is read once, before anything else,
 * because the signature covers its exact bytes.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "Method not allowed" }, { status: 405, headers: { Allow: "POST" } });
  const rawBody = await request.text();
  const verified = verifyWebhook(rawBody, request.headers.get("stripe-signature"));
  if (!verified.ok) return Response.json({ error: verified.message }, { status: 400 });

  try {
    const result = await receiveEvent(verified.event);
    return Response.json({ received: true, outcome: result.outcome });
  } catch (error) {
    console.error(`Stripe event ${verified.event.id} (${verified.event.type}) failed; Stripe will retry:`, error);
    return Response.json({ received: false, error: "Processing failed; retry later" }, { status: 500 });
  }
}

export function loader() {
  return Response.json({ error: "Method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
