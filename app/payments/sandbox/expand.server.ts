import type Stripe from "stripe";

import { invoicePaymentsOf } from "~/payments/sandbox/invoice-payments.server";
import { getObject, type Stored, type StripeObject } from "~/payments/sandbox/store.server";

/**
 * Stripe's `expand`: an expandable field is an id unless the request names
 * it ("latest_charge", "latest_charge.balance_transaction"); lists are walked
 * through `data` ("payments.data.payment.payment_intent"). An invoice's
 * `payments` is not a field at all until it is expanded. Four levels at
 * most; naming anything else is refused as Stripe refuses it.
 */
export class ExpansionError extends Error {
  override name = "ExpansionError";
}

const MAX_DEPTH = 4;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

/** Where expansion finds the objects an id names: the sandbox's store, or (the benchmark) objects in memory. */
export type FindObject = (id: string) => Promise<StripeObject | null> | StripeObject | null;

const fromStore: FindObject = (id) => getObject<StripeObject>(id);

async function invoicePayments(invoiceId: string, find: FindObject): Promise<Stripe.ApiList<Stripe.InvoicePayment>> {
  const data = await invoicePaymentsOf(invoiceId, find);
  return { object: "list", data, has_more: false, url: `/v1/invoice_payments?invoice=${invoiceId}` };
}

async function expandAt(node: unknown, keys: string[], path: string, find: FindObject): Promise<unknown> {
  const [key, ...rest] = keys;
  if (key === undefined || node === null || node === undefined) return node;
  if (Array.isArray(node)) return Promise.all(node.map((item) => expandAt(item, keys, path, find)));
  if (!isNode(node)) throw new ExpansionError(`This property cannot be expanded (${path}).`);
  const copy: Node = { ...node };
  if (key === "payments" && copy.object === "invoice" && copy.payments === undefined) {
    copy.payments = await invoicePayments(String(copy.id), find);
  }
  let value = copy[key];
  if (value === undefined) throw new ExpansionError(`This property cannot be expanded (${path}).`);
  if (typeof value === "string") {
    const found = await find(value);
    if (!found || found.id !== value) throw new ExpansionError(`This property cannot be expanded (${path}).`);
    value = found;
  }
  copy[key] = await expandAt(value, rest, path, find);
  return copy;
}

export async function expandObject(object: Stored, expand: unknown, find: FindObject = fromStore): Promise<StripeObject> {
  const paths = Array.isArray(expand) ? expand.map(String) : typeof expand === "string" ? [expand] : [];
  let result: StripeObject = { ...object };
  for (const path of paths) {
    const keys = path.split(".");
    if (keys.filter((k) => k !== "data").length > MAX_DEPTH) {
      throw new ExpansionError(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`);
    }
    result = (await expandAt(result, keys, path, find)) as StripeObject;
  }
  return result;
}
