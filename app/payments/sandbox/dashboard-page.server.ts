import type Stripe from "stripe";

import { configureSandboxAccount, currentApiVersion, sandboxAccount } from "~/payments/sandbox/account.server";
import { BASIL, LEGACY_API_VERSION } from "~/payments/sandbox/api-version-names";
import {
  cancelSubscription,
  closeDispute,
  deleteCustomer,
  expireDueSessions,
  expireSession,
  failRefund,
  openDispute,
  pendingBankDebits,
  refundCharge,
  releaseBankDebit,
  renewSubscription,
  updateDispute,
} from "~/payments/sandbox/dashboard.server";
import { deliverEvents, type SandboxEvent } from "~/payments/sandbox/events.server";
import { addFault, clearFaults, FAULT_KINDS, sandboxFaults } from "~/payments/sandbox/faults.server";
import { listObjects } from "~/payments/sandbox/store.server";
import { formatMoney } from "~/utils/money";
import { z } from "~/utils/zod";

/**
 * The sandbox's dashboard: what staff and the banks do in Stripe, so that
 * the site can be tried through every flow (refunds that fail, inquiries,
 * lost disputes, bank debits that take days, renewals, deleted customers,
 * expired sessions) and with the account settings a real account varies.
 * Every action delivers the events Stripe would send to this site's webhook.
 */
const ROWS = 15;

const SETTLEMENT_CURRENCIES = ["usd", "eur", "gbp", "cad"] as const;

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_]{6,80}$`), "Not an id of the right kind.");
const minor = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/, "Enter an amount in cents, or leave it empty for all.");

export const DashboardActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("settings"),
    settlementCurrency: z.enum(SETTLEMENT_CURRENCIES),
    eventsApiVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/, "An API version looks like 2026-10-28.endive."),
  }),
  z.object({
    intent: z.literal("fault"),
    method: z.enum(["GET", "POST"]),
    path: z.string().regex(/^\/v1\/[a-z_/]*$/, "A path under /v1, like /v1/checkout/sessions."),
    kind: z.enum(FAULT_KINDS),
    times: z.coerce.number().int().min(1).max(20),
  }),
  z.object({ intent: z.literal("clear-faults") }),
  z.object({ intent: z.literal("expire"), session: id("cs_test") }),
  z.object({ intent: z.literal("expire-due") }),
  z.object({ intent: z.literal("release"), paymentIntent: id("pi") }),
  z.object({ intent: z.literal("refund"), charge: id("ch"), amount: z.union([z.literal(""), minor]).optional() }),
  z.object({ intent: z.literal("fail-refund"), refund: id("re"), outcome: z.enum(["failed", "canceled"]) }),
  z.object({ intent: z.literal("dispute"), charge: id("ch"), kind: z.enum(["dispute", "inquiry"]) }),
  z.object({
    intent: z.literal("dispute-status"),
    dispute: id("du"),
    status: z.enum(["under_review", "needs_response", "warning_under_review", "won", "lost", "warning_closed"]),
  }),
  z.object({ intent: z.literal("renew"), subscription: id("sub"), outcome: z.enum(["paid", "failed"]) }),
  z.object({ intent: z.literal("cancel"), subscription: id("sub") }),
  z.object({ intent: z.literal("delete-customer"), customer: id("cus") }),
]);
export type DashboardAction = z.infer<typeof DashboardActionSchema>;

async function perform(action: DashboardAction): Promise<{ events: SandboxEvent[]; message: string }> {
  switch (action.intent) {
    case "settings": {
      await configureSandboxAccount({ settlementCurrency: action.settlementCurrency, eventsApiVersion: action.eventsApiVersion });
      return {
        events: [],
        message: `The account settles in ${action.settlementCurrency.toUpperCase()}; events are rendered at ${action.eventsApiVersion}.`,
      };
    }
    case "fault":
      await addFault({ method: action.method, path: action.path, kind: action.kind, remaining: action.times });
      return { events: [], message: `The next ${action.times} ${action.method} request(s) to ${action.path} answer ${action.kind}.` };
    case "clear-faults":
      await clearFaults();
      return { events: [], message: "Stripe answers normally again." };
    case "expire":
      return { events: await expireSession(action.session), message: `Checkout Session ${action.session} expired.` };
    case "expire-due": {
      const events = await expireDueSessions();
      return { events, message: `${events.length} session(s) past their 24 hours expired.` };
    }
    case "release":
      return { events: await releaseBankDebit(action.paymentIntent), message: `The bank answered for ${action.paymentIntent}.` };
    case "refund":
      return {
        events: await refundCharge(action.charge, action.amount ? Number(action.amount) : undefined),
        message: `Refunded ${action.charge}.`,
      };
    case "fail-refund":
      return { events: await failRefund(action.refund, action.outcome), message: `Refund ${action.refund} ${action.outcome}.` };
    case "dispute": {
      const { events } = await openDispute(action.charge, { inquiry: action.kind === "inquiry" });
      return { events, message: `${action.kind === "inquiry" ? "An inquiry" : "A dispute"} was opened on ${action.charge}.` };
    }
    case "dispute-status": {
      const final = action.status === "won" || action.status === "lost" || action.status === "warning_closed";
      const events = final
        ? await closeDispute(action.dispute, action.status as "won" | "lost" | "warning_closed")
        : await updateDispute(action.dispute, action.status);
      return { events, message: `Dispute ${action.dispute} is ${action.status.replace(/_/g, " ")}.` };
    }
    case "renew":
      return {
        events: await renewSubscription(action.subscription, action.outcome),
        message: `Renewed ${action.subscription} (${action.outcome}).`,
      };
    case "cancel":
      return { events: await cancelSubscription(action.subscription), message: `Cancelled ${action.subscription}.` };
    case "delete-customer":
      return { events: await deleteCustomer(action.customer), message: `Deleted customer ${action.customer}.` };
  }
}

/** Performs an action and delivers its events; a refused one (e.g. already fully refunded) says why. */
export async function runDashboardAction(action: DashboardAction): Promise<{ ok: boolean; message: string }> {
  try {
    const { events, message } = await perform(action);
    const statuses = await deliverEvents(events);
    const delivered = statuses.length
      ? ` ${statuses.filter((s) => s >= 200 && s < 300).length} of ${statuses.length} events delivered.`
      : "";
    return { ok: true, message: `${message}${delivered}` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function money(amount: number | null, currency: string | null): string {
  return formatMoney(amount ?? 0, (currency ?? "usd").toUpperCase());
}

/** What the dashboard shows, newest first. */
export async function dashboardView() {
  const account = await sandboxAccount();
  const sessions = (await listObjects<Stripe.Checkout.Session>("checkout.session")).filter((s) => s.status === "open").slice(0, ROWS);
  const charges = (await listObjects<Stripe.Charge>("charge")).filter((c) => c.status === "succeeded").slice(0, ROWS);
  const refunds = (await listObjects<Stripe.Refund>("refund")).slice(0, ROWS);
  const disputes = (await listObjects<Stripe.Dispute>("dispute")).slice(0, ROWS);
  const subscriptions = (await listObjects<Stripe.Subscription>("subscription")).slice(0, ROWS);
  const customers = (await listObjects<Stripe.Customer | Stripe.DeletedCustomer>("customer"))
    .filter((c): c is Stripe.Customer => !("deleted" in c))
    .slice(0, ROWS);
  return {
    account,
    apiVersions: [currentApiVersion(), LEGACY_API_VERSION],
    basil: BASIL,
    settlementCurrencies: [...SETTLEMENT_CURRENCIES],
    faults: await sandboxFaults(),
    faultKinds: [...FAULT_KINDS],
    sessions: sessions.map((s) => ({ id: s.id, amount: money(s.amount_total, s.currency), mode: s.mode })),
    bankDebits: (await pendingBankDebits()).map((pi) => ({
      id: pi.id,
      amount: money(pi.amount, pi.currency),
      method: pi.payment_method_types.join(", "),
    })),
    charges: charges.map((c) => ({
      id: c.id,
      amount: money(c.amount, c.currency),
      refunded: money(c.amount_refunded, c.currency),
      fullyRefunded: c.refunded,
      card: c.payment_method_details?.card?.last4 ?? null,
    })),
    refunds: refunds.map((r) => ({ id: r.id, amount: money(r.amount, r.currency), status: r.status ?? "", charge: String(r.charge) })),
    disputes: disputes.map((d) => ({ id: d.id, amount: money(d.amount, d.currency), status: d.status, charge: String(d.charge) })),
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      status: s.status,
      amount: money(s.items.data[0]?.price.unit_amount ?? 0, s.currency),
      customer: String(s.customer),
    })),
    customers: customers.map((c) => ({ id: c.id, email: c.email ?? "" })),
  };
}
