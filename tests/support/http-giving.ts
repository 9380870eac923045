import { signedWebhookRequest } from "./signed-webhook";

/**
 * A donor's steps against a running server, over HTTP: the donation form
 * posts to the campaign page (303 to the sandbox checkout), then the sandbox
 * checkout takes the test card and delivers Stripe's signed events to the
 * server's own webhook before it answers.
 */
export const CAMPAIGN_SLUG = "end-sex-trafficking";

/** Posts the donation form; returns the sandbox Checkout Session id. */
export async function startCheckout(baseUrl: string, options: { amount: number; email: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/campaigns/${CAMPAIGN_SLUG}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({
      amount: "other",
      customAmount: (options.amount / 100).toFixed(2),
      frequency: "once",
      name: "Fault Test Donor",
      email: options.email,
      dedicationKind: "",
      dedicationName: "",
      comment: "",
    }),
  });
  const location = response.headers.get("location") ?? "";
  const sessionId = /\/sandbox\/checkout\/(cs_test_[A-Za-z0-9]+)$/.exec(location)?.[1];
  if (response.status !== 303 || !sessionId)
    throw new Error(`the donation form answered ${response.status} (location ${location || "none"})`);
  return sessionId;
}

/** Pays on the sandbox checkout with the card that succeeds; resolves when the server answers. */
export function payCheckout(baseUrl: string, sessionId: string, email: string): Promise<Response> {
  return fetch(`${baseUrl}/sandbox/checkout/${sessionId}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email, name: "Fault Test Donor", cardNumber: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" }),
  });
}

/** Delivers a Stripe event (as stored by the sandbox) to the server, signed, as Stripe retries it. */
export async function redeliver(
  baseUrl: string,
  event: unknown,
): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> {
  const response = await fetch(signedWebhookRequest(JSON.stringify(event), { baseUrl }));
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    retryAfter: response.headers.get("retry-after"),
  };
}
