import { db } from "~/db/db.server";
import { paySandboxSession, type PayResult } from "~/payments/sandbox/checkout.server";
import type { SandboxEvent } from "~/payments/sandbox/events.server";
import type { StripeObject } from "~/payments/sandbox/store.server";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { action as campaignAction } from "~/routes/_site.campaigns.$slug";

import { formRequest } from "./requests";
import { signedWebhookRequest } from "./signed-webhook";
import { TEST_WEBHOOK_SECRET } from "./test-env";

export { signedWebhookRequest };
export const WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;

export async function deliver(event: StripeObject | string): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const response = await webhookAction({ request: signedWebhookRequest(payload), params: {}, context: {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The object an event carries, as the test reads it (Stripe-typed when the sandbox made it; the rendered version may be older). */
export function carried<T>(event: SandboxEvent): T {
  return event.data.object as unknown as T;
}

let ipSeed = 0;

export interface GiftOptions {
  frequency?: "once" | "monthly" | "yearly";
  amount?: number;
  coverFee?: boolean;
  email?: string;
  name?: string;
  anonymous?: boolean;
  comment?: string;
  /** Give on the page in this language (/es/campaigns/...); the default language's when unset. */
  language?: string;
}

/** A donor fills in the donation form (the real action) and is sent to the sandbox checkout; returns its session. */
export async function startCheckout(slug: string, options: GiftOptions = {}) {
  const fields: Record<string, string> = {
    amount: "other",
    customAmount: ((options.amount ?? 5_000) / 100).toFixed(2),
    frequency: options.frequency ?? "once",
    name: options.name ?? "Ada Donor",
    email: options.email ?? "ada@example.org",
    dedicationKind: "",
    dedicationName: "",
    comment: options.comment ?? "",
  };
  if (options.coverFee) fields.coverFee = "on";
  if (options.anonymous) fields.anonymous = "on";
  const response = await campaignAction({
    request: formRequest(`${options.language ? `/${options.language}` : ""}/campaigns/${slug}`, fields),
    params: { slug },
    context: { clientIp: `192.0.2.${++ipSeed % 250}` },
  });
  if (!(response instanceof Response) || response.status !== 303) throw new Error(`giving failed: ${JSON.stringify(response)}`);
  const sessionId = (response.headers.get("location") ?? "").split("/").pop() ?? "";
  return { sessionId, email: fields.email ?? "", name: fields.name ?? "" };
}

/**
 * A donor gives through the real donation action and pays on the sandbox
 * checkout; returns the pledge and the events Stripe would send, undelivered.
 */
export async function giveThroughSandbox(slug: string, options: GiftOptions = {}) {
  const { sessionId, email, name } = await startCheckout(slug, options);
  const paid: PayResult = await paySandboxSession(sessionId, { email, name, cardNumber: "4242424242424242" });
  if (!paid.ok) throw new Error(`sandbox payment failed: ${paid.message}`);
  const pledge = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
  return { pledge, sessionId, events: paid.events };
}

/** Fisher–Yates with a seeded generator, so a failing order can be replayed. */
export function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}
