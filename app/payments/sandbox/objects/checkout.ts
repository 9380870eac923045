import type Stripe from "stripe";

/** Checkout Sessions, customers and billing portal sessions, typed against the SDK (see payments.ts). */
const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface SessionInput {
  id: string;
  mode: "payment" | "subscription";
  amountTotal: number;
  currency: string;
  customer: string | null;
  customerEmail: string | null;
  customerCreation: "always" | "if_required" | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  submitType: Stripe.Checkout.Session.SubmitType | null;
  successUrl: string;
  cancelUrl: string | null;
  url: string;
  paymentMethodTypes: string[];
  /** The `locale` asked for ("auto" or a language); null when none was. */
  locale?: Stripe.Checkout.Session.Locale | null;
}

/** Stripe keeps a Checkout Session open for 24 hours, then expires it. */
export const SESSION_LIFETIME_SECONDS = 24 * 3600;

export function checkoutSessionObject(input: SessionInput): Stripe.Checkout.Session {
  const created = nowSeconds();
  return {
    id: input.id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: input.amountTotal,
    amount_total: input.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: input.customer,
    customer_account: null,
    customer_creation: input.customerCreation,
    customer_details: null,
    customer_email: input.customerEmail,
    discounts: [],
    expires_at: created + SESSION_LIFETIME_SECONDS,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: input.locale ?? null,
    managed_payments: null,
    metadata: input.metadata,
    mode: input.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: input.mode === "subscription" ? "always" : null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: input.paymentMethodTypes,
    payment_status: "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: input.submitType,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: input.url,
    wallet_options: null,
  } satisfies Stripe.Checkout.Session;
}

/** What the donor typed on the checkout page, as Stripe keeps it on the session. */
export function customerDetails(billing: { email: string; name: string }): Stripe.Checkout.Session.CustomerDetails {
  return {
    address: null,
    business_name: null,
    email: billing.email,
    individual_name: null,
    name: billing.name || null,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  } satisfies Stripe.Checkout.Session.CustomerDetails;
}

export function customerObject(input: { id: string; email: string | null; name: string | null }): Stripe.Customer {
  return {
    id: input.id,
    object: "customer",
    balance: 0,
    created: nowSeconds(),
    default_source: null,
    description: null,
    email: input.email,
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: input.name,
    shipping: null,
  } satisfies Stripe.Customer;
}

export function deletedCustomerObject(id: string): Stripe.DeletedCustomer {
  return { id, object: "customer", deleted: true } satisfies Stripe.DeletedCustomer;
}

export function portalSessionObject(input: {
  id: string;
  customer: string;
  /** The portal opened on one flow (only the card update here), or on its home page. */
  flow?: "payment_method_update" | null;
  returnUrl: string | null;
  url: string;
  locale?: Stripe.BillingPortal.Session.Locale | null;
}): Stripe.BillingPortal.Session {
  return {
    id: input.id,
    object: "billing_portal.session",
    configuration: "bpc_sandboxdefault",
    created: nowSeconds(),
    customer: input.customer,
    customer_account: null,
    flow: input.flow
      ? {
          after_completion: {
            hosted_confirmation: null,
            redirect: input.returnUrl ? { return_url: input.returnUrl } : null,
            type: input.returnUrl ? "redirect" : "portal_homepage",
          },
          customer_update: null,
          subscription_cancel: null,
          subscription_pause: null,
          subscription_update: null,
          subscription_update_confirm: null,
          type: input.flow,
        }
      : null,
    livemode: false,
    locale: input.locale ?? null,
    on_behalf_of: null,
    return_url: input.returnUrl,
    url: input.url,
  } satisfies Stripe.BillingPortal.Session;
}
