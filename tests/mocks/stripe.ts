import { stripeSandboxHandlers } from "~/payments/sandbox/api.server";

/**
 * Stripe's API in tests: the same handlers that answer the SDK in sandbox
 * mode. A test that needs Stripe to fail adds its own handler in front with
 * `mockServer.use(...)`.
 */
export const stripeHandlers = stripeSandboxHandlers;
