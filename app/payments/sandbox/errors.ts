import { HttpResponse } from "msw";
import type Stripe from "stripe";

/**
 * Errors as Stripe's API answers them: `{ error: {...} }` with Stripe's
 * types, codes and HTTP statuses, so the SDK raises the same error classes
 * (StripeInvalidRequestError for 400/404, StripeCardError for 402,
 * StripeIdempotencyError, StripeRateLimitError for 429, StripeAPIError for
 * 409 and 5xx) that it raises against Stripe.
 */
export type StripeErrorBody = { error: Stripe.StripeRawError };

function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`;
}

export function stripeErrorResponse(status: number, error: Stripe.StripeRawError): Response {
  const body = { error: { ...error, ...(error.code && !error.doc_url ? { doc_url: docUrl(error.code) } : {}) } } satisfies StripeErrorBody;
  return HttpResponse.json(body, { status, headers: { "request-id": `req_sandbox${Date.now().toString(36)}` } });
}

/** 404, or 400 for an id named by a parameter: "No such customer: 'cus_...'". */
export function resourceMissing(kind: string, id: string, param = "id"): Response {
  return stripeErrorResponse(param === "id" ? 404 : 400, {
    type: "invalid_request_error",
    code: "resource_missing",
    param,
    message: `No such ${kind}: '${id}'`,
  });
}

export function invalidParameter(param: string | undefined, message: string, code = "parameter_invalid_empty"): Response {
  return stripeErrorResponse(400, { type: "invalid_request_error", code: param ? code : undefined, param, message });
}

/** The same Idempotency-Key with other parameters. */
export function idempotencyMismatch(key: string): Response {
  return stripeErrorResponse(400, {
    type: "idempotency_error",
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}

/** A second request with a key whose first request has not finished. */
export function idempotencyConflict(key: string): Response {
  return stripeErrorResponse(409, {
    type: "idempotency_error",
    code: "idempotency_key_in_use",
    message: `There is currently another in-progress request using this Idempotent Key (probably because of a network error, where the first attempt is still in progress): '${key}'. Please try again later.`,
  });
}

export function rateLimited(): Response {
  return stripeErrorResponse(429, {
    type: "invalid_request_error",
    code: "rate_limit",
    message: "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.",
  });
}

export function cardDeclined(declineCode = "generic_decline"): Response {
  return stripeErrorResponse(402, {
    type: "card_error",
    code: "card_declined",
    decline_code: declineCode,
    message: "Your card was declined.",
  });
}

export function apiError(message = "An error occurred with our connection to Stripe. Request was retried 0 times."): Response {
  return stripeErrorResponse(500, { type: "api_error", message });
}

export function unknownEndpoint(method: string, path: string): Response {
  return stripeErrorResponse(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}). The Lantern sandbox does not implement it.`,
  });
}
