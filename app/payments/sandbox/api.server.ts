import { http, HttpResponse, type HttpHandler } from "msw";

import { decodeStripeForm } from "~/payments/sandbox/form-decode";
import {
  getObject,
  idempotentCreate,
  listObjects,
  sandboxId,
  saveObject,
  type StripeObject,
} from "~/payments/sandbox/store.server";
import { env } from "~/utils/env.server";

/**
 * The local stand-in for Stripe's HTTP API used in sandbox mode (and by the
 * tests): the real Stripe SDK sends its requests, and these MSW handlers
 * answer them with Stripe-shaped objects kept in the database.
 */
const API = "https://api.stripe.com/v1";

const now = () => Math.floor(Date.now() / 1000);

function stripeError(status: number, message: string, extra: Record<string, unknown> = {}) {
  return HttpResponse.json({ error: { type: "invalid_request_error", message, ...extra } }, { status });
}

function missing(id: string) {
  return stripeError(404, `No such object: '${id}'`, { code: "resource_missing", param: "id" });
}

async function body(request: Request): Promise<Record<string, unknown>> {
  return decodeStripeForm(new URLSearchParams(await request.text()));
}

function query(request: Request): Record<string, unknown> {
  return decodeStripeForm(new URL(request.url).searchParams);
}

/**
 * Replaces the id references named by dotted `expand` paths with the objects
 * `find` returns for them, as Stripe does. Also used by the benchmark's
 * stand-in that answers from objects in memory.
 */
export async function expandPaths(
  object: StripeObject,
  paths: readonly string[],
  find: (id: string) => Promise<StripeObject | null> | StripeObject | null,
): Promise<StripeObject> {
  const copy = structuredClone(object) as Record<string, unknown>;
  for (const path of paths) {
    let node: Record<string, unknown> | undefined = copy;
    const keys = path.split(".");
    for (const [index, key] of keys.entries()) {
      if (!node) break;
      let value: unknown = node[key];
      if (typeof value === "string") {
        const found = await find(value);
        if (found) {
          node[key] = structuredClone(found);
          value = node[key];
        }
      }
      node = index < keys.length - 1 && value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
    }
  }
  return copy as StripeObject;
}

/** Expands from the sandbox's stored objects. */
function expand(object: StripeObject, paths: unknown): Promise<StripeObject> {
  return expandPaths(object, Array.isArray(paths) ? (paths as string[]) : [], (id) => getObject(id));
}

type LineItemInput = {
  quantity?: string;
  price_data?: {
    currency?: string;
    unit_amount?: string;
    product_data?: { name?: string; description?: string };
    recurring?: { interval?: string; interval_count?: string };
  };
};

async function createCheckoutSession(request: Request) {
  const params = await body(request);
  const lineItems = (params.line_items as LineItemInput[] | undefined) ?? [];
  const mode = params.mode as string | undefined;
  if (mode !== "payment" && mode !== "subscription") return stripeError(400, "Missing required param: mode.", { param: "mode" });
  if (lineItems.length === 0) return stripeError(400, "Missing required param: line_items.", { param: "line_items" });
  if (typeof params.success_url !== "string") return stripeError(400, "Missing required param: success_url.", { param: "success_url" });
  for (const item of lineItems) {
    const amount = Number(item.price_data?.unit_amount);
    if (!Number.isSafeInteger(amount) || amount < 50) {
      return stripeError(400, "The Checkout Session's total amount due must add up to at least $0.50 usd", { param: "line_items" });
    }
    if (mode === "subscription" && !item.price_data?.recurring?.interval) {
      return stripeError(400, "You must provide at least one recurring price in `subscription` mode when using prices.");
    }
  }
  const currency = (lineItems[0]?.price_data?.currency ?? "usd").toLowerCase();
  const amountTotal = lineItems.reduce((sum, item) => sum + Number(item.price_data?.unit_amount) * Number(item.quantity ?? 1), 0);

  const session = await idempotentCreate(request.headers.get("idempotency-key"), async () => {
    const id = sandboxId("cs");
    return saveObject({
      id,
      object: "checkout.session",
      mode,
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: amountTotal,
      amount_total: amountTotal,
      currency,
      customer: (params.customer as string | undefined) ?? null,
      customer_email: (params.customer_email as string | undefined) ?? null,
      customer_details: null,
      metadata: (params.metadata as Record<string, string> | undefined) ?? {},
      payment_intent: null,
      subscription: null,
      invoice: null,
      submit_type: (params.submit_type as string | undefined) ?? null,
      success_url: params.success_url as string,
      cancel_url: (params.cancel_url as string | undefined) ?? null,
      url: `${env().APP_URL}/sandbox/checkout/${id}`,
      created: now(),
      expires_at: now() + 24 * 3600,
      livemode: false,
      // Not part of Stripe's session object; kept so the sandbox can build the
      // PaymentIntent or Subscription the way Stripe would from these params.
      sandbox_request: {
        line_items: lineItems,
        payment_intent_data: params.payment_intent_data ?? null,
        subscription_data: params.subscription_data ?? null,
      },
    });
  });
  return HttpResponse.json(session);
}

async function retrieve(request: Request, id: string, type: string) {
  const object = await getObject(id);
  if (!object || object.object !== type) return missing(id);
  return HttpResponse.json(await expand(object, query(request).expand));
}

async function createCustomer(request: Request) {
  const params = await body(request);
  const customer = await idempotentCreate(request.headers.get("idempotency-key"), () =>
    saveObject({
      id: sandboxId("cus", false),
      object: "customer",
      email: (params.email as string | undefined) ?? null,
      name: (params.name as string | undefined) ?? null,
      metadata: (params.metadata as Record<string, string> | undefined) ?? {},
      created: now(),
      livemode: false,
    }),
  );
  return HttpResponse.json(customer);
}

async function createPortalSession(request: Request) {
  const params = await body(request);
  const customer = typeof params.customer === "string" ? await getObject(params.customer) : null;
  if (!customer) return missing(String(params.customer ?? ""));
  const id = sandboxId("bps", false);
  const session = await saveObject({
    id,
    object: "billing_portal.session",
    customer: customer.id,
    return_url: (params.return_url as string | undefined) ?? null,
    url: `${env().APP_URL}/sandbox/portal/${id}`,
    created: now(),
    livemode: false,
  });
  return HttpResponse.json(session);
}

async function listEvents(request: Request) {
  const params = query(request);
  const created = (params.created as Record<string, string> | undefined) ?? {};
  const types = Array.isArray(params.types) ? (params.types as string[]) : params.type ? [String(params.type)] : null;
  const limit = Math.min(100, Number(params.limit ?? 10));
  let events = await listObjects<StripeObject & { created: number; type: string }>("event");
  events = events.filter(
    (event) =>
      (!created.gte || event.created >= Number(created.gte)) &&
      (!created.gt || event.created > Number(created.gt)) &&
      (!types || types.includes(event.type)),
  );
  events.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  const startingAfter = params.starting_after as string | undefined;
  if (startingAfter) {
    const index = events.findIndex((event) => event.id === startingAfter);
    events = index >= 0 ? events.slice(index + 1) : [];
  }
  const page = events.slice(0, limit);
  return HttpResponse.json({ object: "list", url: "/v1/events", has_more: events.length > limit, data: page });
}

const retrievable: Array<[string, string]> = [
  ["checkout/sessions", "checkout.session"],
  ["customers", "customer"],
  ["payment_intents", "payment_intent"],
  ["charges", "charge"],
  ["balance_transactions", "balance_transaction"],
  ["subscriptions", "subscription"],
  ["invoices", "invoice"],
  ["refunds", "refund"],
  ["disputes", "dispute"],
  ["events", "event"],
];

export const stripeSandboxHandlers: HttpHandler[] = [
  http.post(`${API}/checkout/sessions`, ({ request }) => createCheckoutSession(request)),
  http.post(`${API}/customers`, ({ request }) => createCustomer(request)),
  http.post(`${API}/billing_portal/sessions`, ({ request }) => createPortalSession(request)),
  http.get(`${API}/events`, ({ request }) => listEvents(request)),
  ...retrievable.map(([path, type]) =>
    http.get(`${API}/${path}/:id`, ({ request, params }) => retrieve(request, String(params.id), type)),
  ),
  http.all(`${API}/*`, ({ request }) =>
    stripeError(404, `Unrecognized request URL (${request.method}: ${new URL(request.url).pathname}). The Lantern sandbox does not implement it.`),
  ),
];
