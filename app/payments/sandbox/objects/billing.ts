import Stripe from "stripe";

/**
 * Subscriptions and their invoices, typed against the SDK (see payments.ts).
 * At the pinned API version an invoice names its subscription under
 * `parent.subscription_details` and its payments are InvoicePayment objects,
 * listed on the invoice only when a request expands `payments`.
 */
const nowSeconds = () => Math.floor(Date.now() / 1000);
const MONTH_SECONDS = 30 * 86_400;
const YEAR_SECONDS = 365 * 86_400;

/** A billing period of the interval, in the sandbox's simple calendar (30-day months, 365-day years). */
export function periodSeconds(interval: Stripe.Price.Recurring.Interval): number {
  return interval === "year" ? YEAR_SECONDS : MONTH_SECONDS;
}

export interface SubscriptionInput {
  id: string;
  customer: string;
  amount: number;
  currency: string;
  description: string | null;
  metadata: Record<string, string>;
  itemId: string;
  priceId: string;
  productId: string;
  /** Stripe's recurring interval of the inline price: "month" unless "year" was asked for. */
  interval?: "month" | "year";
}

export function subscriptionObject(input: SubscriptionInput): Stripe.Subscription {
  const created = nowSeconds();
  const interval = input.interval ?? "month";
  const recurring: Stripe.Price.Recurring = {
    interval,
    interval_count: 1,
    meter: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
  const price: Stripe.Price = {
    id: input.priceId,
    object: "price",
    active: false,
    billing_scheme: "per_unit",
    created,
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: input.productId,
    recurring,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "recurring",
    unit_amount: input.amount,
    unit_amount_decimal: Stripe.Decimal.from(input.amount),
  };
  const plan: Stripe.Plan = {
    id: input.priceId,
    object: "plan",
    active: false,
    amount: input.amount,
    amount_decimal: Stripe.Decimal.from(input.amount),
    billing_scheme: "per_unit",
    created,
    currency: input.currency,
    interval,
    interval_count: 1,
    livemode: false,
    metadata: {},
    meter: null,
    nickname: null,
    product: input.productId,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
  const item: Stripe.SubscriptionItem = {
    id: input.itemId,
    object: "subscription_item",
    billing_thresholds: null,
    created,
    current_period_end: created + periodSeconds(interval),
    current_period_start: created,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan,
    price,
    quantity: 1,
    subscription: input.id,
    tax_rates: [],
  };
  return {
    id: input.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: created,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: null,
    collection_method: "charge_automatically",
    created,
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    description: input.description,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: "self" } },
    items: { object: "list", data: [item], has_more: false, url: `/v1/subscription_items?subscription=${input.id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: created,
    status: "active",
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: null,
    trial_start: null,
  } satisfies Stripe.Subscription;
}

/** The subscription a period on (a month, or a year): its items' billing period moves forward. */
export function advancedPeriod(subscription: Stripe.Subscription): Stripe.Subscription {
  return {
    ...subscription,
    items: {
      ...subscription.items,
      data: subscription.items.data.map((item) => ({
        ...item,
        current_period_start: item.current_period_end,
        current_period_end: item.current_period_end + periodSeconds(item.price.recurring?.interval ?? "month"),
      })),
    },
  } satisfies Stripe.Subscription;
}

export interface InvoiceInput {
  id: string;
  subscription: Stripe.Subscription;
  billingReason: "subscription_create" | "subscription_cycle";
  customerEmail: string | null;
  paid: boolean;
  lineId: string;
}

export function invoiceObject(input: InvoiceInput): Stripe.Invoice {
  const { subscription } = input;
  const item = subscription.items.data[0]!;
  const amount = (item.price.unit_amount ?? 0) * (item.quantity ?? 1);
  const created = nowSeconds();
  const line: Stripe.InvoiceLineItem = {
    id: input.lineId,
    object: "line_item",
    amount,
    currency: subscription.currency,
    description: subscription.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: input.id,
    livemode: false,
    metadata: {},
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: null,
        subscription: subscription.id,
        subscription_item: item.id,
      },
    },
    period: { start: item.current_period_start, end: item.current_period_end },
    pretax_credit_amounts: [],
    pricing: {
      type: "price_details",
      price_details: { price: item.price.id, product: String(item.price.product) },
      unit_amount_decimal: Stripe.Decimal.from(amount),
    },
    quantity: item.quantity ?? 1,
    quantity_decimal: Stripe.Decimal.from(item.quantity ?? 1),
    subscription: subscription.id,
    subtotal: amount,
    taxes: [],
  };
  return {
    id: input.id,
    object: "invoice",
    account_country: "US",
    account_name: "Covenant Rescue",
    account_tax_ids: null,
    amount_due: amount,
    amount_overpaid: 0,
    amount_paid: input.paid ? amount : 0,
    amount_remaining: input.paid ? 0 : amount,
    amount_shipping: 0,
    application: null,
    attempt_count: 1,
    attempted: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: "charge_automatically",
    created,
    currency: subscription.currency,
    custom_fields: null,
    customer: typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: input.customerEmail,
    customer_name: null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: [line], has_more: false, url: `/v1/invoices/${input.id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: input.paid ? null : created + 3 * 86_400,
    number: `SBX-${input.id.slice(-8).toUpperCase()}`,
    on_behalf_of: null,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: subscription.metadata, subscription: subscription.id },
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: item.current_period_start,
    period_start: item.current_period_start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: input.paid ? "paid" : "open",
    status_transitions: { finalized_at: created, marked_uncollectible_at: null, paid_at: input.paid ? created : null, voided_at: null },
    subtotal: amount,
    subtotal_excluding_tax: amount,
    test_clock: null,
    total: amount,
    total_discount_amounts: [],
    total_excluding_tax: amount,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  } satisfies Stripe.Invoice;
}

export function invoicePaymentObject(input: {
  id: string;
  invoice: Stripe.Invoice;
  paymentIntent: string;
  paid: boolean;
}): Stripe.InvoicePayment {
  return {
    id: input.id,
    object: "invoice_payment",
    amount_paid: input.paid ? input.invoice.amount_due : null,
    amount_requested: input.invoice.amount_due,
    created: nowSeconds(),
    currency: input.invoice.currency,
    invoice: input.invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: "payment_intent", payment_intent: input.paymentIntent },
    status: input.paid ? "paid" : "open",
    status_transitions: { canceled_at: null, paid_at: input.paid ? nowSeconds() : null },
  } satisfies Stripe.InvoicePayment;
}
