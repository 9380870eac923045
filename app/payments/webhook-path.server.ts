/**
 * Where Stripe posts its events (the route app/routes/webhooks.stripe.ts).
 * The server gives this path a larger body limit and no origin check: Stripe's
 * servers are not a browser, and the signature proves who sent the event.
 */
export const STRIPE_WEBHOOK_PATH = "/webhooks/stripe";
