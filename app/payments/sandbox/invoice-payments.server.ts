import type Stripe from "stripe";

import { invoicePaymentObject } from "~/payments/sandbox/objects/billing";
import { getObject, saveObject } from "~/payments/sandbox/store.server";

/**
 * An invoice's payments, found by key rather than by scanning every payment:
 * a sandbox invoice is paid by one PaymentIntent, so its InvoicePayment's id
 * follows from the invoice's, and a small link row finds the invoice a
 * PaymentIntent paid (older API versions name it on the PaymentIntent).
 */
type IntentLink = { id: string; object: "sandbox_intent_invoice"; invoice: string };

export function paymentIdOf(invoiceId: string): string {
  return `inpay_${invoiceId.replace(/^in_/, "")}`;
}

function linkIdOf(paymentIntentId: string): string {
  return `link_${paymentIntentId}`;
}

export async function recordInvoicePayment(invoice: Stripe.Invoice, paymentIntentId: string): Promise<Stripe.InvoicePayment> {
  const payment = await saveObject(
    invoicePaymentObject({ id: paymentIdOf(invoice.id), invoice, paymentIntent: paymentIntentId, paid: true }),
  );
  await saveObject<IntentLink>({ id: linkIdOf(paymentIntentId), object: "sandbox_intent_invoice", invoice: invoice.id });
  return payment;
}

export async function invoicePaymentsOf(
  invoiceId: string,
  find: (id: string) => Promise<unknown> | unknown = (id) => getObject(id),
): Promise<Stripe.InvoicePayment[]> {
  const payment = (await find(paymentIdOf(invoiceId))) as Stripe.InvoicePayment | null;
  return payment ? [payment] : [];
}

export async function invoiceOfPaymentIntent(paymentIntentId: string | null): Promise<string | null> {
  if (!paymentIntentId) return null;
  return (await getObject<IntentLink>(linkIdOf(paymentIntentId)))?.invoice ?? null;
}
