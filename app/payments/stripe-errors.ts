import Stripe from "stripe";

/**
 * Stripe says a customer the request named does not exist: deleted in the
 * dashboard, or an id from the other mode (a test-mode id under a live key).
 * Stripe answers `resource_missing` naming the `customer` parameter.
 */
export function isMissingCustomer(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    error.code === "resource_missing" &&
    (error.param === "customer" || /no such customer/i.test(error.message))
  );
}

/** An error Stripe answered (as opposed to a connection that failed before any answer). */
export function isStripeAnswer(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeError && !(error instanceof Stripe.errors.StripeConnectionError);
}

export function describeStripeError(error: unknown): string {
  if (error instanceof Stripe.errors.StripeError) return `${error.type}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
