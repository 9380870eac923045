import { decodeStripeForm } from "~/payments/sandbox/form-decode.server";

import { mockServer } from "../mocks/server";

export interface RecordedStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: Record<string, unknown>;
}

/**
 * Records every request the Stripe SDK sends, as Stripe would receive it
 * (decoded from the form encoding), for the current test.
 */
export function recordStripeRequests(): { requests: RecordedStripeRequest[]; stop(): void } {
  const requests: RecordedStripeRequest[] = [];
  const listener = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.hostname !== "api.stripe.com") return;
    const text = request.method === "GET" ? url.search.slice(1) : await request.clone().text();
    requests.push({
      method: request.method,
      path: url.pathname,
      idempotencyKey: request.headers.get("idempotency-key"),
      body: decodeStripeForm(new URLSearchParams(text)),
    });
  };
  mockServer.events.on("request:start", listener);
  return { requests, stop: () => mockServer.events.removeListener("request:start", listener) };
}
