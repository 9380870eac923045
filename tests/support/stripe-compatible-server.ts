import http from "node:http";

import { getResponse } from "msw";

import { STRIPE_API_ORIGIN, stripeSandboxHandlers } from "~/payments/sandbox/api.server";

export interface ReceivedStripeRequest {
  method: string;
  path: string;
  authorization: string | null;
  stripeVersion: string | null;
  idempotencyKey: string | null;
}

/**
 * Another Stripe-compatible API over real HTTP on 127.0.0.1, for
 * STRIPE_API_URL: the sandbox's handlers, reached through a socket instead
 * of MSW's in-process interception. It keeps what it received, so a test
 * sees where the SDK's requests went.
 */
export async function startStripeCompatibleServer(): Promise<{ url: string; received: ReceivedStripeRequest[]; close(): Promise<void> }> {
  const received: ReceivedStripeRequest[] = [];
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      void (async () => {
        const method = incoming.method ?? "GET";
        const path = incoming.url ?? "/";
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
        received.push({
          method,
          path: path.split("?")[0] ?? path,
          authorization: headers.get("authorization"),
          stripeVersion: headers.get("stripe-version"),
          idempotencyKey: headers.get("idempotency-key"),
        });
        // The handlers answer Stripe's own addresses; the path and query are what the SDK sent here.
        const request = new Request(`${STRIPE_API_ORIGIN}${path}`, {
          method,
          headers,
          body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
        });
        const response = (await getResponse(stripeSandboxHandlers, request)) ?? new Response("{}", { status: 404 });
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      })().catch((error: unknown) => {
        outgoing.writeHead(500, { "content-type": "application/json" });
        outgoing.end(JSON.stringify({ error: { type: "api_error", message: String(error) } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
