import { z } from "~/utils/zod";

/**
 * The parts of Stripe's objects the ledger reads, parsed with Zod: a payload
 * that lacks them is refused (recorded as an error), never half-applied.
 * Objects stay open (`looseObject`) because Stripe adds fields over time.
 */
const id = (prefix: string) => z.string().startsWith(`${prefix}_`);
const expandable = (prefix: string) => z.union([id(prefix), z.looseObject({ id: id(prefix) }).transform((o) => o.id)]);
const metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((m) => m ?? {});

export const EventSchema = z.looseObject({
  id: id("evt"),
  object: z.literal("event"),
  type: z.string().min(1).max(200),
  created: z.number().int().positive(),
  livemode: z.boolean().default(false),
  data: z.looseObject({ object: z.looseObject({ id: z.string().min(1).max(255), object: z.string() }) }),
});
export type ParsedEvent = z.infer<typeof EventSchema>;

export const CheckoutSessionSchema = z.looseObject({
  id: id("cs"),
  object: z.literal("checkout.session"),
  // Open enums: Stripe adds values over time; the handler maps what it does not know (see unknown-values.ts).
  mode: z.string().min(1),
  status: z.string().nullish(),
  payment_status: z.string().min(1),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  client_reference_id: z.string().nullish(),
  customer: expandable("cus").nullish(),
  customer_email: z.string().nullish(),
  customer_details: z.looseObject({ email: z.string().nullish(), name: z.string().nullish() }).nullish(),
  metadata,
  payment_intent: expandable("pi").nullish(),
  subscription: expandable("sub").nullish(),
});
export type CheckoutSession = z.infer<typeof CheckoutSessionSchema>;

export const BalanceTransactionSchema = z.looseObject({
  id: id("txn"),
  amount: z.number().int(),
  currency: z.string().length(3),
  fee: z.number().int(),
  net: z.number().int(),
  exchange_rate: z.number().positive().nullish(),
});

export const ChargeSchema = z.looseObject({
  id: id("ch"),
  object: z.literal("charge"),
  amount: z.number().int(),
  amount_refunded: z.number().int().default(0),
  currency: z.string(),
  created: z.number().int().optional(),
  payment_intent: expandable("pi").nullish(),
  balance_transaction: z.union([id("txn"), BalanceTransactionSchema]).nullish(),
  payment_method_details: z
    .looseObject({
      card: z.looseObject({ brand: z.string().nullish(), last4: z.string().nullish() }).nullish(),
      us_bank_account: z.looseObject({ last4: z.string().nullish() }).nullish(),
      sepa_debit: z.looseObject({ last4: z.string().nullish() }).nullish(),
    })
    .nullish(),
});
export type Charge = z.infer<typeof ChargeSchema>;

export const PaymentIntentSchema = z.looseObject({
  id: id("pi"),
  object: z.literal("payment_intent"),
  amount: z.number().int(),
  amount_received: z.number().int().optional(),
  currency: z.string(),
  status: z.string(),
  created: z.number().int().optional(),
  customer: expandable("cus").nullish(),
  metadata,
  latest_charge: z.union([id("ch"), ChargeSchema]).nullish(),
});
export type PaymentIntent = z.infer<typeof PaymentIntentSchema>;

export const SubscriptionSchema = z.looseObject({
  id: id("sub"),
  object: z.literal("subscription"),
  status: z.string().min(1),
  customer: expandable("cus"),
  currency: z.string().optional(),
  metadata,
  canceled_at: z.number().int().nullish(),
  // Why it ended: "payment_failed" when Stripe gave up after the last retry.
  cancellation_details: z.looseObject({ reason: z.string().nullish() }).nullish(),
  // Collection paused by the donor (behavior "void": no invoice is charged) until resumes_at.
  pause_collection: z.looseObject({ behavior: z.string(), resumes_at: z.number().int().nullish() }).nullish(),
  items: z.looseObject({
    data: z.array(
      z.looseObject({
        id: z.string().optional(),
        quantity: z.number().int().nullish(),
        current_period_end: z.number().int().nullish(),
        price: z.looseObject({
          unit_amount: z.number().int().nullish(),
          currency: z.string(),
          product: z.union([z.string(), z.looseObject({ id: z.string() }).transform((p) => p.id)]).optional(),
          recurring: z.looseObject({ interval: z.string() }).nullish(),
        }),
      }),
    ),
  }),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const InvoiceSchema = z.looseObject({
  id: id("in"),
  object: z.literal("invoice"),
  status: z.string().nullish(),
  amount_paid: z.number().int(),
  currency: z.string(),
  customer: expandable("cus").nullish(),
  customer_email: z.string().nullish(),
  customer_name: z.string().nullish(),
  created: z.number().int(),
  status_transitions: z.looseObject({ paid_at: z.number().int().nullish() }).nullish(),
  parent: z
    .looseObject({
      subscription_details: z.looseObject({ subscription: expandable("sub"), metadata }).nullish(),
    })
    .nullish(),
  // Before API version 2025-03-31 the subscription, its metadata and the one payment were on the invoice itself.
  subscription: expandable("sub").nullish(),
  subscription_details: z.looseObject({ metadata }).nullish(),
  payment_intent: expandable("pi").nullish(),
  payments: z
    .looseObject({
      data: z.array(
        z.looseObject({
          status: z.string().nullish(),
          payment: z.looseObject({ payment_intent: expandable("pi").nullish() }),
        }),
      ),
    })
    .nullish(),
});
export type Invoice = z.infer<typeof InvoiceSchema>;

export function invoiceSubscriptionId(invoice: Invoice): string | null {
  return invoice.parent?.subscription_details?.subscription ?? invoice.subscription ?? null;
}

export const RefundSchema = z.looseObject({
  id: z.string().regex(/^(re|pyr)_/),
  object: z.literal("refund"),
  charge: expandable("ch").nullish(),
  payment_intent: expandable("pi").nullish(),
});

export const DisputeSchema = z.looseObject({
  id: z.string().regex(/^(dp|du)_/),
  object: z.literal("dispute"),
  amount: z.number().int(),
  currency: z.string().length(3),
  charge: expandable("ch"),
  payment_intent: expandable("pi").nullish(),
  status: z.string(),
});
export type Dispute = z.infer<typeof DisputeSchema>;
