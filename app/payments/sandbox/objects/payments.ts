import type Stripe from "stripe";

/**
 * The sandbox's payment objects, built whole and checked by `tsc` against
 * the `stripe` package's own types for its pinned API version: a missing,
 * misnamed or mistyped field does not compile. Expandable fields hold ids;
 * the API expands them only when a request asks (api.server.ts).
 */
const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface IntentInput {
  id: string;
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  paymentMethodTypes: string[];
}

export function paymentIntentObject(input: IntentInput): Stripe.PaymentIntent {
  return {
    id: input.id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${input.id}_secret_sandbox`,
    confirmation_method: "automatic",
    created: nowSeconds(),
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: input.paymentMethodTypes,
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "requires_payment_method",
    transfer_group: null,
  } satisfies Stripe.PaymentIntent;
}

export type PaymentMethodDetails = Stripe.Charge.PaymentMethodDetails;

export function cardDetails(card: { brand: string; last4: string }): PaymentMethodDetails {
  return {
    type: "card",
    card: {
      amount_authorized: null,
      authorization_code: null,
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "US",
      electronic_commerce_indicator: null,
      exp_month: 12,
      exp_year: 2034,
      funding: "credit",
      installments: null,
      last4: card.last4,
      mandate: null,
      network: card.brand,
      network_transaction_id: null,
      regulated_status: null,
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
    },
  } satisfies PaymentMethodDetails;
}

export function bankDebitDetails(type: "us_bank_account" | "sepa_debit", last4: string): PaymentMethodDetails {
  if (type === "us_bank_account") {
    return {
      type,
      us_bank_account: {
        account_holder_type: "individual",
        account_type: "checking",
        bank_name: "STRIPE TEST BANK",
        fingerprint: null,
        last4,
        payment_reference: null,
        routing_number: "110000000",
      },
    } satisfies PaymentMethodDetails;
  }
  return {
    type,
    sepa_debit: { bank_code: "37040044", branch_code: null, country: "DE", fingerprint: null, last4, mandate: null },
  } satisfies PaymentMethodDetails;
}

export interface ChargeInput {
  id: string;
  intent: Stripe.PaymentIntent;
  status: "succeeded" | "pending" | "failed";
  balanceTransaction: string | null;
  billing: { email: string; name: string };
  details: PaymentMethodDetails;
  failure: { code: string; message: string; declineCode?: string } | null;
}

export function chargeObject(input: ChargeInput): Stripe.Charge {
  const { intent, status, failure } = input;
  return {
    id: input.id,
    object: "charge",
    amount: intent.amount,
    amount_captured: status === "succeeded" ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: input.balanceTransaction,
    billing_details: { address: null, email: input.billing.email || null, name: input.billing.name || null, phone: null, tax_id: null },
    calculated_statement_descriptor: "COVENANT RESCUE",
    captured: status !== "failed",
    created: nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: intent.metadata,
    on_behalf_of: null,
    outcome: failure
      ? {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: "declined_by_network",
          reason: failure.declineCode ?? failure.code,
          seller_message: "The bank did not return any further details with this decline.",
          type: "issuer_declined",
        }
      : {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: "approved_by_network",
          reason: null,
          seller_message: "Payment complete.",
          type: "authorized",
        },
    paid: status === "succeeded",
    payment_intent: intent.id,
    payment_method: `pm_sandbox${input.details.type.replace(/_/g, "")}`,
    payment_method_details: input.details,
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status,
    transfer_data: null,
    transfer_group: null,
  } satisfies Stripe.Charge;
}

export interface BalanceInput {
  id: string;
  source: string;
  amount: number;
  currency: string;
  exchangeRate: number | null;
  fee: number;
  type: "charge" | "refund" | "refund_failure" | "adjustment";
  description: string | null;
}

export function balanceTransactionObject(input: BalanceInput): Stripe.BalanceTransaction {
  const created = nowSeconds();
  return {
    id: input.id,
    object: "balance_transaction",
    amount: input.amount,
    available_on: created + 2 * 86_400,
    balance_type: "payments",
    created,
    currency: input.currency,
    description: input.description,
    exchange_rate: input.exchangeRate,
    fee: input.fee,
    fee_details: input.fee
      ? [{ amount: input.fee, application: null, currency: input.currency, description: "Stripe processing fees", type: "stripe_fee" }]
      : [],
    net: input.amount - input.fee,
    reporting_category: input.type === "charge" ? "charge" : input.type === "adjustment" ? "dispute" : "refund",
    source: input.source,
    status: "pending",
    type: input.type,
  } satisfies Stripe.BalanceTransaction;
}

export function refundObject(input: { id: string; charge: Stripe.Charge; amount: number; balanceTransaction: string }): Stripe.Refund {
  return {
    id: input.id,
    object: "refund",
    amount: input.amount,
    balance_transaction: input.balanceTransaction,
    charge: input.charge.id,
    created: nowSeconds(),
    currency: input.charge.currency,
    customer: input.charge.customer,
    customer_account: null,
    metadata: {},
    payment_intent: input.charge.payment_intent,
    payment_method: input.charge.payment_method,
    reason: "requested_by_customer",
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  } satisfies Stripe.Refund;
}

export function disputeObject(input: {
  id: string;
  charge: Stripe.Charge;
  amount: number;
  status: string;
  reason: string;
}): Stripe.Dispute {
  const created = nowSeconds();
  const evidence: Stripe.Dispute.Evidence = {
    access_activity_log: null,
    billing_address: null,
    cancellation_policy: null,
    cancellation_policy_disclosure: null,
    cancellation_rebuttal: null,
    customer_communication: null,
    customer_email_address: null,
    customer_name: null,
    customer_purchase_ip: null,
    customer_signature: null,
    duplicate_charge_documentation: null,
    duplicate_charge_explanation: null,
    duplicate_charge_id: null,
    enhanced_evidence: {},
    product_description: null,
    receipt: null,
    refund_policy: null,
    refund_policy_disclosure: null,
    refund_refusal_explanation: null,
    service_date: null,
    service_documentation: null,
    shipping_address: null,
    shipping_carrier: null,
    shipping_date: null,
    shipping_documentation: null,
    shipping_tracking_number: null,
    uncategorized_file: null,
    uncategorized_text: null,
  };
  return {
    id: input.id,
    object: "dispute",
    amount: input.amount,
    balance_transactions: [],
    charge: input.charge.id,
    created,
    currency: input.charge.currency,
    enhanced_eligibility_types: [],
    evidence,
    evidence_details: {
      due_by: created + 7 * 86_400,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: "not_submitted",
    },
    intended_submission_method: null,
    is_charge_refundable: input.status.startsWith("warning_"),
    livemode: false,
    metadata: {},
    payment_intent: input.charge.payment_intent,
    reason: input.reason,
    status: input.status,
  } satisfies Stripe.Dispute;
}
