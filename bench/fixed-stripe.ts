/**
 * Stripe answered in constant time: an HTTP server on 127.0.0.1 that answers
 * the Stripe SDK's reads (GET /v1/<resource>/<id>, with `expand[]`) from a
 * fixed set of objects held in memory. The server under test reaches it
 * through STRIPE_API_URL with a test key, so a webhook costs what Lantern
 * itself spends, without the sandbox's database-backed store or its
 * in-process interception. The objects are the ones the sandbox made while
 * the gifts were prepared (shaped like Stripe's, see decision 007).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

import { expandObject } from "~/payments/sandbox/expand.server";
import type { StripeObject } from "~/payments/sandbox/store.server";

export interface FixedStripe {
  /** For STRIPE_API_URL. */
  url: string;
  /** Requests answered so far, by outcome. */
  answered(): { found: number; missing: number };
  stop(): Promise<void>;
}

/** The API paths the webhook handlers read, and the object each one returns. */
const RESOURCES: Record<string, string> = {
  "checkout/sessions": "checkout.session",
  customers: "customer",
  payment_intents: "payment_intent",
  charges: "charge",
  balance_transactions: "balance_transaction",
  subscriptions: "subscription",
  invoices: "invoice",
  refunds: "refund",
  disputes: "dispute",
  events: "event",
};
const PATH = new RegExp(`^/v1/(${Object.keys(RESOURCES).join("|")})/([A-Za-z0-9_]+)$`);

export async function startFixedStripe(objects: StripeObject[]): Promise<FixedStripe> {
  const byId = new Map(objects.map((object) => [object.id, object]));
  let found = 0;
  let missing = 0;
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const match = request.method === "GET" ? PATH.exec(url.pathname) : null;
    const object = match ? byId.get(match[2] ?? "") : undefined;
    request.resume();
    if (!match || !object || object.object !== RESOURCES[match[1] ?? ""]) {
      missing++;
      response.writeHead(404, { "content-type": "application/json" });
      response.end(
        JSON.stringify({ error: { type: "invalid_request_error", code: "resource_missing", message: `No such object: ${url.pathname}` } }),
      );
      return;
    }
    found++;
    // The SDK sends `expand[0]=a.b&expand[1]=c`.
    const paths = [...url.searchParams].filter(([key]) => /^expand\[\d*\]$/.test(key)).map(([, value]) => value);
    const body = JSON.stringify(await expandObject(object, paths, (id) => byId.get(id) ?? null));
    response.writeHead(200, { "content-type": "application/json", "request-id": `req_fixed_${found}` });
    response.end(body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered: () => ({ found, missing }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
