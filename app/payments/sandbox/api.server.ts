import { http, HttpResponse, type HttpHandler } from "msw";
import type Stripe from "stripe";

import { localisedPath, pickLanguage } from "~/i18n/paths";
import { planId, type SessionPlan } from "~/payments/sandbox/checkout.server";
import { expireDueSessions, expireSession } from "~/payments/sandbox/dashboard.server";
import { invalidParameter, resourceMissing, stripeErrorResponse, unknownEndpoint } from "~/payments/sandbox/errors";
import { deliverEvents } from "~/payments/sandbox/events.server";
import { expandObject, ExpansionError } from "~/payments/sandbox/expand.server";
import { takeFault } from "~/payments/sandbox/faults.server";
import { decodeStripeForm } from "~/payments/sandbox/form-decode.server";
import { withIdempotency } from "~/payments/sandbox/idempotency.server";
import {
  cancelSubscriptionNow,
  updateSubscription,
  type SubscriptionAnswer,
  type UpdateParams,
} from "~/payments/sandbox/subscriptions.server";
import { checkoutSessionObject, customerObject, portalSessionObject } from "~/payments/sandbox/objects/checkout";
import { renderAtVersion } from "~/payments/sandbox/api-versions.server";
import { getObject, listObjects, sandboxId, saveObject, type Stored, type StripeObject } from "~/payments/sandbox/store.server";
import { env } from "~/utils/env.server";

/**
 * The local stand-in for Stripe's HTTP API used in sandbox mode (and by the
 * tests): the real Stripe SDK sends its requests, and these MSW handlers
 * answer them as Stripe would: objects typed against the SDK, expandable
 * fields as ids unless the request expands them, Stripe's error shapes and
 * statuses, its idempotency rules, answers rendered at the request's API
 * version. Served over HTTP too (stripe-compatible-server.ts).
 */
export const STRIPE_API_ORIGIN = "https://api.stripe.com";
const API = `${STRIPE_API_ORIGIN}/v1`;

async function body(request: Request): Promise<Record<string, unknown>> {
  return decodeStripeForm(new URLSearchParams(await request.clone().text()));
}

function query(request: Request): Record<string, unknown> {
  return decodeStripeForm(new URL(request.url).searchParams);
}

/** The object as the request asked for it: expanded as asked, at the request's API version. */
async function answer(request: Request, object: Stored, expand: unknown): Promise<Response> {
  try {
    const expanded = await expandObject(object, expand);
    const version = request.headers.get("stripe-version");
    return HttpResponse.json(version ? await renderAtVersion(expanded, version) : expanded);
  } catch (error) {
    if (error instanceof ExpansionError) return invalidParameter("expand", error.message, "parameter_invalid_string");
    throw error;
  }
}

/** A customer the request names that Stripe would not find (never made, or deleted). */
async function missingCustomer(id: unknown): Promise<boolean> {
  if (typeof id !== "string") return false;
  const customer = await getObject<Stripe.Customer | Stripe.DeletedCustomer>(id);
  return !customer || customer.object !== "customer" || "deleted" in customer;
}

/** At the SDK's API version, `submit_type` is allowed in payment and subscription mode alike. */
const SUBMIT_TYPES = ["auto", "book", "donate", "pay", "subscribe"] as const;
const RECURRING_INTERVALS = ["day", "week", "month", "year"] as const;

type LineItemInput = {
  quantity?: string;
  price_data?: {
    currency?: string;
    unit_amount?: string;
    product_data?: { name?: string; description?: string };
    recurring?: { interval?: string; interval_count?: string };
  };
};

type CheckoutParams = {
  mode?: string;
  line_items?: LineItemInput[];
  success_url?: string;
  cancel_url?: string;
  customer?: string;
  customer_email?: string;
  customer_creation?: string;
  client_reference_id?: string;
  submit_type?: string;
  metadata?: Record<string, string>;
  payment_method_types?: string[];
  payment_intent_data?: { metadata?: Record<string, string>; description?: string };
  subscription_data?: { metadata?: Record<string, string>; description?: string };
  locale?: string;
};

async function createCheckoutSession(request: Request): Promise<Response> {
  const params = (await body(request)) as CheckoutParams;
  const lineItems = params.line_items ?? [];
  const mode = params.mode;
  if (mode !== "payment" && mode !== "subscription") return invalidParameter("mode", "Missing required param: mode.", "parameter_missing");
  if (lineItems.length === 0) return invalidParameter("line_items", "Missing required param: line_items.", "parameter_missing");
  if (typeof params.success_url !== "string")
    return invalidParameter("success_url", "Missing required param: success_url.", "parameter_missing");
  for (const item of lineItems) {
    const amount = Number(item.price_data?.unit_amount);
    if (!Number.isSafeInteger(amount) || amount < 50) {
      return invalidParameter(
        "line_items",
        "The Checkout Session's total amount due must add up to at least $0.50 usd",
        "amount_too_small",
      );
    }
    if (mode === "subscription" && !item.price_data?.recurring?.interval) {
      return invalidParameter(undefined, "You must provide at least one recurring price in `subscription` mode when using prices.");
    }
    const interval = item.price_data?.recurring?.interval;
    if (interval !== undefined && !RECURRING_INTERVALS.some((i) => i === interval)) {
      return invalidParameter(
        "line_items[0][price_data][recurring][interval]",
        `Invalid recurring[interval]: must be one of ${RECURRING_INTERVALS.join(", ")}`,
        "parameter_invalid_string",
      );
    }
    if (mode === "payment" && item.price_data?.recurring) {
      return invalidParameter(
        undefined,
        "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
      );
    }
  }
  const submitType = params.submit_type;
  if (submitType !== undefined && !SUBMIT_TYPES.some((t) => t === submitType)) {
    return invalidParameter("submit_type", `Invalid submit_type: must be one of ${SUBMIT_TYPES.join(", ")}`, "parameter_invalid_string");
  }
  if (params.customer && params.customer_email) {
    return invalidParameter(
      "customer_email",
      "You may only specify one of these parameters: customer, customer_email.",
      "parameter_unknown",
    );
  }
  if (params.customer_creation && (mode !== "payment" || params.customer)) {
    return invalidParameter(
      "customer_creation",
      "`customer_creation` can only be used in `payment` mode and without `customer`.",
      "parameter_unknown",
    );
  }
  if (await missingCustomer(params.customer)) return resourceMissing("customer", String(params.customer), "customer");

  // The sandbox's clock: sessions older than their 24 hours expire, with Stripe's event, before a new one is made.
  await deliverEvents(await expireDueSessions());

  const currency = (lineItems[0]?.price_data?.currency ?? "usd").toLowerCase();
  const amountTotal = lineItems.reduce((sum, item) => sum + Number(item.price_data?.unit_amount) * Number(item.quantity ?? 1), 0);
  const id = sandboxId("cs");
  const session = await saveObject(
    checkoutSessionObject({
      id,
      mode,
      amountTotal,
      currency,
      customer: params.customer ?? null,
      customerEmail: params.customer_email ?? null,
      // Payment mode makes a customer only when asked; subscription mode always does.
      customerCreation: mode === "payment" && !params.customer ? (params.customer_creation === "always" ? "always" : "if_required") : null,
      clientReferenceId: params.client_reference_id ?? null,
      metadata: params.metadata ?? {},
      submitType: (submitType as Stripe.Checkout.Session.SubmitType | undefined) ?? null,
      successUrl: params.success_url,
      cancelUrl: params.cancel_url ?? null,
      // Stripe's page speaks the locale asked for; the sandbox's page is the site's, in that language.
      url: `${env().APP_URL}${sandboxPagePath("checkout", id, params.locale)}`,
      locale: (params.locale as Stripe.Checkout.Session.Locale | undefined) ?? null,
      paymentMethodTypes: params.payment_method_types ?? ["card"],
    }),
  );
  await saveObject<SessionPlan>({
    id: planId(id),
    object: "sandbox_session_plan",
    description: lineItems[0]?.price_data?.product_data?.name ?? "Donation",
    paymentIntentMetadata: params.payment_intent_data?.metadata ?? {},
    subscriptionMetadata: params.subscription_data?.metadata ?? {},
    ...(mode === "subscription" ? { interval: lineItems[0]?.price_data?.recurring?.interval === "year" ? "year" : "month" } : {}),
  });
  return answer(request, session, (await body(request)).expand);
}

/** POST /v1/checkout/sessions/:id/expire: an open session expires at once and Stripe sends checkout.session.expired. */
async function expireCheckoutSession(request: Request, id: string): Promise<Response> {
  const session = await getObject<Stripe.Checkout.Session>(id);
  if (!session || session.object !== "checkout.session") return resourceMissing("checkout.session", id);
  if (session.status !== "open") {
    return stripeErrorResponse(400, {
      type: "invalid_request_error",
      code: "checkout_session_not_open",
      message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
    });
  }
  await deliverEvents(await expireSession(id));
  return answer(request, (await getObject<StripeObject>(id))!, (await body(request)).expand);
}

async function retrieve(request: Request, id: string, type: string): Promise<Response> {
  const object = await getObject<StripeObject>(id);
  // A deleted customer is still retrievable, as { id, object: "customer", deleted: true }.
  if (!object || object.object !== type) return resourceMissing(type.replace(/^.*\./, "").replace(/_/g, " "), id);
  return answer(request, object, query(request).expand);
}

async function createCustomer(request: Request): Promise<Response> {
  const params = await body(request);
  const customer = await saveObject(
    customerObject({
      id: sandboxId("cus", false),
      email: typeof params.email === "string" ? params.email : null,
      name: typeof params.name === "string" ? params.name : null,
    }),
  );
  return answer(request, customer, params.expand);
}

async function createPortalSession(request: Request): Promise<Response> {
  const params = await body(request);
  if (typeof params.customer !== "string") return invalidParameter("customer", "Missing required param: customer.", "parameter_missing");
  if (await missingCustomer(params.customer)) return resourceMissing("customer", params.customer, "customer");
  const flowType = (params.flow_data as { type?: unknown } | undefined)?.type;
  if (flowType !== undefined && flowType !== "payment_method_update") {
    // The sandbox's portal knows the card-update flow only; Stripe's other flows need a subscription id and are not used here.
    return invalidParameter("flow_data[type]", `The sandbox's billing portal supports flow_data[type]=payment_method_update only.`);
  }
  const id = sandboxId("bps", false);
  const session = await saveObject(
    portalSessionObject({
      id,
      customer: params.customer,
      flow: flowType === "payment_method_update" ? "payment_method_update" : null,
      returnUrl: typeof params.return_url === "string" ? params.return_url : null,
      url: `${env().APP_URL}${sandboxPagePath("portal", id, typeof params.locale === "string" ? params.locale : undefined)}`,
      locale: typeof params.locale === "string" ? (params.locale as Stripe.BillingPortal.Session.Locale) : null,
    }),
  );
  return answer(request, session, params.expand);
}

/** The changed subscription, as Stripe answers; its event is delivered as Stripe would send it. */
async function subscriptionAnswer(request: Request, result: SubscriptionAnswer, expand: unknown): Promise<Response> {
  if (!result.ok) return result.response;
  await deliverEvents(result.events);
  return answer(request, result.subscription, expand);
}

async function listEvents(request: Request): Promise<Response> {
  const params = query(request);
  const created = (params.created as Record<string, string> | undefined) ?? {};
  const types = Array.isArray(params.types) ? (params.types as string[]) : params.type ? [String(params.type)] : null;
  const limit = Math.min(100, Math.max(1, Number(params.limit ?? 10)));
  let events = await listObjects<StripeObject & { created: number; type: string }>("event");
  events = events.filter(
    (event) =>
      (!created.gte || event.created >= Number(created.gte)) &&
      (!created.gt || event.created > Number(created.gt)) &&
      (!created.lte || event.created <= Number(created.lte)) &&
      (!created.lt || event.created < Number(created.lt)) &&
      (!types || types.includes(event.type)),
  );
  events.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  const startingAfter = params.starting_after as string | undefined;
  if (startingAfter) {
    const index = events.findIndex((event) => event.id === startingAfter);
    events = index >= 0 ? events.slice(index + 1) : [];
  }
  // Listed events keep the API version they were made at.
  return HttpResponse.json({ object: "list", url: "/v1/events", has_more: events.length > limit, data: events.slice(0, limit) });
}

const retrievable: Array<[string, string]> = [
  ["checkout/sessions", "checkout.session"],
  ["customers", "customer"],
  ["payment_intents", "payment_intent"],
  ["charges", "charge"],
  ["balance_transactions", "balance_transaction"],
  ["subscriptions", "subscription"],
  ["invoices", "invoice"],
  ["invoice_payments", "invoice_payment"],
  ["refunds", "refund"],
  ["disputes", "dispute"],
  ["events", "event"],
];

/** Every answer may be a fault set from the sandbox dashboard (a 500, a 429 ...), as Stripe has bad moments too. */
function guarded(handler: (request: Request, id?: string) => Promise<Response>) {
  return async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
    const fault = await takeFault(request.method, new URL(request.url).pathname);
    const id = typeof params.id === "string" ? params.id : undefined;
    if (request.method === "POST") return withIdempotency(request, async () => fault ?? handler(request, id));
    return fault ?? handler(request, id);
  };
}

export const stripeSandboxHandlers: HttpHandler[] = [
  http.post(
    `${API}/checkout/sessions`,
    guarded((request) => createCheckoutSession(request)),
  ),
  http.post(
    `${API}/checkout/sessions/:id/expire`,
    guarded((request, id) => expireCheckoutSession(request, id ?? "")),
  ),
  http.post(
    `${API}/customers`,
    guarded((request) => createCustomer(request)),
  ),
  http.post(
    `${API}/billing_portal/sessions`,
    guarded((request) => createPortalSession(request)),
  ),
  http.post(
    `${API}/subscriptions/:id`,
    guarded(async (request, id) => {
      const params = await body(request);
      return subscriptionAnswer(request, await updateSubscription(id ?? "", params as UpdateParams), params.expand);
    }),
  ),
  http.delete(
    `${API}/subscriptions/:id`,
    guarded(async (request, id) => {
      const params = { ...query(request), ...(await body(request)) };
      return subscriptionAnswer(request, await cancelSubscriptionNow(id ?? "", params), params.expand);
    }),
  ),
  http.get(
    `${API}/events`,
    guarded((request) => listEvents(request)),
  ),
  ...retrievable.map(([path, type]) =>
    http.get(
      `${API}/${path}/:id`,
      guarded((request, id) => retrieve(request, id ?? "", type)),
    ),
  ),
  http.all(`${API}/*`, ({ request }) => unknownEndpoint(request.method, new URL(request.url).pathname)),
];

/** The sandbox's Checkout or portal page for a session, under the language prefix of its locale. */
function sandboxPagePath(page: "checkout" | "portal", id: string, locale: string | undefined): string {
  const { LANGUAGES, DEFAULT_LANGUAGE } = env();
  return localisedPath(`/sandbox/${page}/${id}`, pickLanguage(locale, LANGUAGES, DEFAULT_LANGUAGE), DEFAULT_LANGUAGE);
}
