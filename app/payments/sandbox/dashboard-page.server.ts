import type { TFunction } from "i18next";
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
import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { formatMoney } from "~/utils/money";
import { z } from "~/utils/zod";

/**
 * The sandbox's dashboard: what staff and the banks do in Stripe, so that
 * the site can be tried through every flow (refunds that fail, inquiries,
 * lost disputes, bank debits that take days, renewals, deleted customers,
 * expired sessions) and with the account settings a real account varies.
 * Every action delivers the events Stripe would send to this site's webhook.
 * Its words are the catalogue's `sandboxDashboard` section (the schema's
 * messages are keys there); Stripe's own ids, statuses and errors stay as
 * Stripe writes them.
 */
const ROWS = 15;

const SETTLEMENT_CURRENCIES = ["usd", "eur", "gbp", "cad"] as const;

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_]{6,80}$`), "sandboxDashboard.errors.id");
const minor = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/, "sandboxDashboard.errors.amount");

export const DashboardActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("settings"),
    settlementCurrency: z.enum(SETTLEMENT_CURRENCIES),
    eventsApiVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/, "sandboxDashboard.errors.apiVersion"),
  }),
  z.object({
    intent: z.literal("fault"),
    method: z.enum(["GET", "POST"]),
    path: z.string().regex(/^\/v1\/[a-z_/]*$/, "sandboxDashboard.errors.path"),
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

async function perform(action: DashboardAction, t: TFunction): Promise<{ events: SandboxEvent[]; message: string }> {
  switch (action.intent) {
    case "settings": {
      await configureSandboxAccount({ settlementCurrency: action.settlementCurrency, eventsApiVersion: action.eventsApiVersion });
      return {
        events: [],
        message: t("sandboxDashboard.done.settings", {
          currency: action.settlementCurrency.toUpperCase(),
          version: action.eventsApiVersion,
        }),
      };
    }
    case "fault":
      await addFault({ method: action.method, path: action.path, kind: action.kind, remaining: action.times });
      return {
        events: [],
        message: t("sandboxDashboard.done.fault", { count: action.times, method: action.method, path: action.path, kind: action.kind }),
      };
    case "clear-faults":
      await clearFaults();
      return { events: [], message: t("sandboxDashboard.done.clearFaults") };
    case "expire":
      return { events: await expireSession(action.session), message: t("sandboxDashboard.done.expire", { id: action.session }) };
    case "expire-due": {
      const events = await expireDueSessions();
      return { events, message: t("sandboxDashboard.done.expireDue", { count: events.length }) };
    }
    case "release":
      return {
        events: await releaseBankDebit(action.paymentIntent),
        message: t("sandboxDashboard.done.release", { id: action.paymentIntent }),
      };
    case "refund":
      return {
        events: await refundCharge(action.charge, action.amount ? Number(action.amount) : undefined),
        message: t("sandboxDashboard.done.refund", { id: action.charge }),
      };
    case "fail-refund":
      return {
        events: await failRefund(action.refund, action.outcome),
        message: t(action.outcome === "failed" ? "sandboxDashboard.done.refundFailed" : "sandboxDashboard.done.refundCanceled", {
          id: action.refund,
        }),
      };
    case "dispute": {
      const { events } = await openDispute(action.charge, { inquiry: action.kind === "inquiry" });
      return {
        events,
        message: t(action.kind === "inquiry" ? "sandboxDashboard.done.inquiry" : "sandboxDashboard.done.dispute", { id: action.charge }),
      };
    }
    case "dispute-status": {
      const final = action.status === "won" || action.status === "lost" || action.status === "warning_closed";
      const events = final
        ? await closeDispute(action.dispute, action.status as "won" | "lost" | "warning_closed")
        : await updateDispute(action.dispute, action.status);
      return {
        events,
        message: t("sandboxDashboard.done.disputeStatus", { id: action.dispute, status: action.status.replace(/_/g, " ") }),
      };
    }
    case "renew":
      return {
        events: await renewSubscription(action.subscription, action.outcome),
        message: t(action.outcome === "paid" ? "sandboxDashboard.done.renewPaid" : "sandboxDashboard.done.renewFailed", {
          id: action.subscription,
        }),
      };
    case "cancel":
      return {
        events: await cancelSubscription(action.subscription),
        message: t("sandboxDashboard.done.cancel", { id: action.subscription }),
      };
    case "delete-customer":
      return {
        events: await deleteCustomer(action.customer),
        message: t("sandboxDashboard.done.deleteCustomer", { id: action.customer }),
      };
  }
}

/** Performs an action and delivers its events; a refused one (e.g. already fully refunded) says why, as the sandbox's API would. */
export async function runDashboardAction(action: DashboardAction, lang: Language = "en"): Promise<{ ok: boolean; message: string }> {
  const t = translator(lang);
  try {
    const { events, message } = await perform(action, t);
    const statuses = await deliverEvents(events);
    const delivered = statuses.length
      ? ` ${t("sandboxDashboard.done.delivered", { delivered: statuses.filter((s) => s >= 200 && s < 300).length, count: statuses.length })}`
      : "";
    return { ok: true, message: `${message}${delivered}` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A refused form, in the page's language: the schema's own message, or that the action is unknown. */
export function dashboardRefusal(message: string | undefined, lang: Language): string {
  const t = translator(lang);
  return message?.startsWith("sandboxDashboard.errors.") ? t(message) : t("sandboxDashboard.notAnAction");
}

function money(amount: number | null, currency: string | null, locale: string): string {
  return formatMoney(amount ?? 0, (currency ?? "usd").toUpperCase(), locale);
}

/** What the dashboard shows, newest first. */
export async function dashboardView(lang: Language = "en") {
  const locale = localeOf(lang);
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
    sessions: sessions.map((s) => ({ id: s.id, amount: money(s.amount_total, s.currency, locale), mode: s.mode })),
    bankDebits: (await pendingBankDebits()).map((pi) => ({
      id: pi.id,
      amount: money(pi.amount, pi.currency, locale),
      method: pi.payment_method_types.join(", "),
    })),
    charges: charges.map((c) => ({
      id: c.id,
      amount: money(c.amount, c.currency, locale),
      refunded: money(c.amount_refunded, c.currency, locale),
      fullyRefunded: c.refunded,
      card: c.payment_method_details?.card?.last4 ?? null,
    })),
    refunds: refunds.map((r) => ({
      id: r.id,
      amount: money(r.amount, r.currency, locale),
      status: r.status ?? "",
      charge: String(r.charge),
    })),
    disputes: disputes.map((d) => ({ id: d.id, amount: money(d.amount, d.currency, locale), status: d.status, charge: String(d.charge) })),
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      status: s.status,
      amount: money(s.items.data[0]?.price.unit_amount ?? 0, s.currency, locale),
      yearly: s.items.data[0]?.price.recurring?.interval === "year",
      customer: String(s.customer),
    })),
    customers: customers.map((c) => ({ id: c.id, email: c.email ?? "" })),
  };
}
