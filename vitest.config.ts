import path from "node:path";

import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

import { LEGACY_API_VERSION } from "./app/payments/sandbox/api-version-names";
import { findPostgresBin } from "./tests/support/pg-cluster";

const alias = { "~": path.resolve(__dirname, "app") };

/**
 * Test projects:
 * - unit: pure functions, no database.
 * - db: loaders, actions, data modules and the migration path, on PGlite in-process.
 * - db-postgres: the same database-facing files on a real PostgreSQL server
 *   (a throwaway cluster, or TEST_PG_URL); skipped, with the reason printed,
 *   where neither is available.
 * - faults: the production server as a child process while its database goes
 *   away, the mail server is down, or the process is killed mid-webhook (see
 *   tests/faults; the PostgreSQL ones are skipped, saying why, without binaries).
 * - db-stripe-2025-02: the payment suites again on PGlite, with the sandbox
 *   rendering webhook events at an API version before 2025-03-31 (an
 *   account's endpoint may be that old), so the handlers meet both shapes.
 * - e2e: the built site in Debian's Chromium (see tests/e2e).
 */
const dbFiles = ["tests/integration/**/*.test.{ts,tsx}", "tests/db/**/*.test.ts"];
const dbSetup = ["tests/support/setup-msw.ts", "tests/support/setup-database.ts", "tests/support/setup-stripe-account.ts"];

/** Every file whose gifts reach the ledger through Stripe's events. */
const paymentFiles = [
  "tests/integration/webhooks.test.ts",
  "tests/integration/giving.test.ts",
  "tests/integration/refunds.test.ts",
  "tests/integration/disputes.test.ts",
  "tests/integration/payment-date.test.ts",
  "tests/integration/settlement.test.ts",
  "tests/integration/stripe-customers.test.ts",
  "tests/integration/unknown-values.test.ts",
  "tests/integration/reconcile.test.ts",
  "tests/integration/manage.test.ts",
  "tests/integration/receipts.test.ts",
  "tests/integration/stripe-api-url.test.ts",
  "tests/integration/yearly-gifts.test.ts",
  "tests/integration/portal.test.ts",
  "tests/integration/failed-payments.test.ts",
  "tests/integration/monthly-invitation.test.ts",
];

function project(config: TestProjectInlineConfiguration["test"] & { name: string }): TestProjectInlineConfiguration {
  return { extends: true, test: config };
}

const postgresAvailable = Boolean(process.env.TEST_PG_URL || findPostgresBin());
const projects: TestProjectInlineConfiguration[] = [
  project({ name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" }),
  project({
    name: "db",
    include: dbFiles,
    exclude: ["tests/**/*.postgres.test.ts"],
    globalSetup: ["tests/support/global-setup.pglite.ts"],
    setupFiles: dbSetup,
  }),
  project({
    name: "db-stripe-2025-02",
    include: paymentFiles,
    globalSetup: ["tests/support/global-setup.pglite.ts"],
    setupFiles: dbSetup,
    provide: { stripeEventsApiVersion: LEGACY_API_VERSION },
  }),
];
if (postgresAvailable && process.env.LANTERN_SKIP_POSTGRES !== "1") {
  projects.push(
    project({
      name: "db-postgres",
      include: dbFiles,
      globalSetup: ["tests/support/global-setup.postgres.ts"],
      setupFiles: dbSetup,
    }),
  );
} else if (!process.env.VITEST_WORKER_ID) {
  console.warn(
    "Real-PostgreSQL suite skipped: no PostgreSQL server binaries (Debian package `postgresql`) and TEST_PG_URL unset" +
      (process.env.LANTERN_SKIP_POSTGRES === "1" ? " (LANTERN_SKIP_POSTGRES=1)" : "") +
      ".",
  );
}
projects.push(
  project({
    name: "faults",
    include: ["tests/faults/**/*.test.ts"],
    globalSetup: ["tests/faults/global-setup.ts", "tests/support/global-setup.pglite.ts"],
    // Each test starts and stops server processes (and databases) several times:
    // one file at a time, after the other projects, so they do not compete for the CPU.
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    sequence: { groupOrder: 1 },
  }),
);
if (process.env.LANTERN_E2E !== "0") {
  projects.push(
    project({
      name: "e2e",
      include: ["tests/e2e/**/*.test.ts"],
      globalSetup: ["tests/e2e/global-setup.ts"],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      fileParallelism: false,
    }),
  );
}

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects,
  },
});
