import { beforeAll, inject } from "vitest";

import { configureSandboxAccount } from "~/payments/sandbox/account.server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The API version the sandbox renders webhook events at; unset: the SDK's own (see vitest.config.ts). */
    stripeEventsApiVersion?: string;
  }
}

/**
 * A Stripe account's webhook endpoint renders events at the account's API
 * version, which may predate the SDK's. The payment suites run once with the
 * SDK's version and once with one before 2025-03-31, set here for the file.
 */
beforeAll(async () => {
  const version = inject("stripeEventsApiVersion");
  if (version) await configureSandboxAccount({ eventsApiVersion: version });
});
