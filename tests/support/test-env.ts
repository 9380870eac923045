/** A made-up signing secret for test webhooks (never a real one). */
export const TEST_WEBHOOK_SECRET = "whsec_testonly";

/**
 * The environment every test process runs with: a test-mode app, an
 * embedded data folder of its own, and no Stripe key (sandbox).
 */
export function applyTestEnv(dataDir: string): void {
  process.env.NODE_ENV = "test";
  process.env.DATA_DIR = dataDir;
  process.env.APP_URL = "http://localhost:3000";
  process.env.SESSION_SECRET = "test-session-secret-0123456789abcdef0123456789";
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  delete process.env.DATABASE_URL;
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.SMTP_URL;
  for (const key of Object.keys(process.env)) {
    if (key.startsWith("ORG_")) delete process.env[key];
  }
}
