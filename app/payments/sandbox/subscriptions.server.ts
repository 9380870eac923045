import Stripe from "stripe";

import { invalidParameter, resourceMissing, stripeErrorResponse } from "~/payments/sandbox/errors";
import { newEvents, type SandboxEvent } from "~/payments/sandbox/events.server";
import { getObject, sandboxId, saveObject } from "~/payments/sandbox/store.server";

/**
 * The subscription endpoints a donor's own pages use, answered as Stripe
 * answers them: POST /v1/subscriptions/:id (a new inline price for the item,
 * metadata, pause_collection set or cleared) and DELETE /v1/subscriptions/:id
 * (cancel now, with cancellation_details). Each saves the object as Stripe
 * would have it and returns the event Stripe sends, with
 * `previous_attributes` for an update.
 */
const nowSeconds = () => Math.floor(Date.now() / 1000);

const PAUSE_BEHAVIORS = ["keep_as_draft", "mark_uncollectible", "void"] as const;
const PRORATION_BEHAVIORS = ["always_invoice", "create_prorations", "none"] as const;

type ItemInput = {
  id?: string;
  quantity?: string;
  price_data?: { currency?: string; product?: string; unit_amount?: string; recurring?: { interval?: string; interval_count?: string } };
};

export type UpdateParams = {
  items?: ItemInput[];
  metadata?: Record<string, string> | "";
  pause_collection?: { behavior?: string; resumes_at?: string } | "";
  proration_behavior?: string;
  description?: string;
};

export type SubscriptionAnswer =
  { ok: true; subscription: Stripe.Subscription; events: SandboxEvent[] } | { ok: false; response: Response };

async function liveSubscription(id: string): Promise<Stripe.Subscription | Response> {
  const subscription = await getObject<Stripe.Subscription>(id);
  if (!subscription || subscription.object !== "subscription") return resourceMissing("subscription", id);
  if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
    return stripeErrorResponse(400, {
      type: "invalid_request_error",
      code: "resource_missing",
      message: `A canceled subscription can only update its cancellation_details and metadata.`,
    });
  }
  return subscription;
}

/** The item's new price, made inline as Stripe makes one from price_data (a new price id, inactive, on the given product). */
function inlinePrice(
  current: Stripe.SubscriptionItem,
  input: NonNullable<ItemInput["price_data"]>,
): { price: Stripe.Price; plan: Stripe.Plan } | Response {
  const amount = Number(input.unit_amount);
  if (!Number.isSafeInteger(amount) || amount < 0) {
    return invalidParameter("items[0][price_data][unit_amount]", "Invalid integer: unit_amount", "parameter_invalid_integer");
  }
  if (typeof input.product !== "string" || !input.product) {
    return invalidParameter("items[0][price_data][product]", "Missing required param: items[0][price_data][product].", "parameter_missing");
  }
  const interval = input.recurring?.interval;
  if (interval !== "day" && interval !== "week" && interval !== "month" && interval !== "year") {
    return invalidParameter(
      "items[0][price_data][recurring][interval]",
      "Missing required param: items[0][price_data][recurring][interval].",
      "parameter_missing",
    );
  }
  const id = sandboxId("price", false);
  const currency = (input.currency ?? current.price.currency).toLowerCase();
  const recurring: Stripe.Price.Recurring = {
    ...current.price.recurring!,
    interval,
    interval_count: Number(input.recurring?.interval_count ?? 1),
  };
  const created = nowSeconds();
  return {
    price: {
      ...current.price,
      id,
      created,
      currency,
      product: input.product,
      recurring,
      unit_amount: amount,
      unit_amount_decimal: Stripe.Decimal.from(amount),
    },
    plan: {
      ...current.plan,
      id,
      created,
      currency,
      product: input.product,
      interval,
      interval_count: recurring.interval_count,
      amount,
      amount_decimal: Stripe.Decimal.from(amount),
    },
  };
}

function mergedMetadata(current: Stripe.Metadata, update: UpdateParams["metadata"]): Stripe.Metadata {
  if (update === "") return {};
  const next = { ...current };
  // Stripe sets each key given; an empty value removes the key.
  for (const [key, value] of Object.entries(update ?? {})) {
    if (value === "") delete next[key];
    else next[key] = value;
  }
  return next;
}

export async function updateSubscription(id: string, params: UpdateParams): Promise<SubscriptionAnswer> {
  const current = await liveSubscription(id);
  if (current instanceof Response) return { ok: false, response: current };
  if (params.proration_behavior !== undefined && !PRORATION_BEHAVIORS.some((b) => b === params.proration_behavior)) {
    return {
      ok: false,
      response: invalidParameter("proration_behavior", `Invalid proration_behavior: must be one of ${PRORATION_BEHAVIORS.join(", ")}`),
    };
  }
  let items = current.items.data;
  for (const input of params.items ?? []) {
    const index = items.findIndex((item) => item.id === input.id);
    if (index < 0) return { ok: false, response: resourceMissing("subscription item", String(input.id), "items[0][id]") };
    if (!input.price_data) continue;
    const made = inlinePrice(items[index]!, input.price_data);
    if (made instanceof Response) return { ok: false, response: made };
    items = items.map((item, i) => (i === index ? { ...item, price: made.price, plan: made.plan } : item));
  }

  let pauseCollection = current.pause_collection;
  if (params.pause_collection === "") {
    pauseCollection = null;
  } else if (params.pause_collection) {
    const behavior = params.pause_collection.behavior;
    if (!PAUSE_BEHAVIORS.some((b) => b === behavior)) {
      return {
        ok: false,
        response: invalidParameter(
          "pause_collection[behavior]",
          "Missing required param: pause_collection[behavior].",
          "parameter_missing",
        ),
      };
    }
    const resumesAt = params.pause_collection.resumes_at === undefined ? null : Number(params.pause_collection.resumes_at);
    if (resumesAt !== null && (!Number.isSafeInteger(resumesAt) || resumesAt <= nowSeconds())) {
      return {
        ok: false,
        response: invalidParameter(
          "pause_collection[resumes_at]",
          "The resumes_at timestamp must be in the future.",
          "parameter_invalid_integer",
        ),
      };
    }
    pauseCollection = { behavior: behavior as Stripe.Subscription.PauseCollection.Behavior, resumes_at: resumesAt };
  }

  const updated = await saveObject({
    ...current,
    items: { ...current.items, data: items },
    metadata: mergedMetadata(current.metadata, params.metadata),
    pause_collection: pauseCollection,
    ...(typeof params.description === "string" ? { description: params.description } : {}),
  } satisfies Stripe.Subscription);

  // Stripe names in previous_attributes only what changed.
  const previous: Partial<Stripe.Subscription> = {};
  if (JSON.stringify(current.items) !== JSON.stringify(updated.items)) previous.items = current.items;
  if (JSON.stringify(current.metadata) !== JSON.stringify(updated.metadata)) previous.metadata = current.metadata;
  if (JSON.stringify(current.pause_collection) !== JSON.stringify(updated.pause_collection))
    previous.pause_collection = current.pause_collection;
  const events =
    Object.keys(previous).length > 0
      ? await newEvents({ type: "customer.subscription.updated", data: { object: updated, previous_attributes: previous } })
      : [];
  return { ok: true, subscription: updated, events };
}

/** DELETE /v1/subscriptions/:id: ends it now; Stripe sends customer.subscription.deleted. */
export async function cancelSubscriptionNow(
  id: string,
  params: { cancellation_details?: { comment?: string; feedback?: string } },
): Promise<SubscriptionAnswer> {
  const current = await liveSubscription(id);
  if (current instanceof Response) return { ok: false, response: current };
  const now = nowSeconds();
  const feedback = params.cancellation_details?.feedback;
  const canceled = await saveObject({
    ...current,
    status: "canceled",
    canceled_at: now,
    ended_at: now,
    pause_collection: null,
    cancellation_details: {
      comment: params.cancellation_details?.comment || null,
      feedback: (feedback || null) as Stripe.Subscription.CancellationDetails.Feedback | null,
      feedback_option: null,
      reason: "cancellation_requested",
    },
  } satisfies Stripe.Subscription);
  return {
    ok: true,
    subscription: canceled,
    events: await newEvents({ type: "customer.subscription.deleted", data: { object: canceled } }),
  };
}
