import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { Env } from "~/utils/env.server";
import { makePrivateDir, writePrivateFile } from "~/utils/private-files.server";

interface LocalSecrets {
  sessionSecret: string;
  sandboxWebhookSecret: string;
}

/**
 * Outside production, secrets that were not configured are generated once and
 * kept in DATA_DIR/secrets.json, so a fresh clone runs with no setup while
 * sessions and signed links survive restarts. Production must configure them.
 */
export function withLocalSecrets(env: Env): Env {
  const needsSession = !env.SESSION_SECRET;
  const needsWebhook = env.sandbox && !env.STRIPE_WEBHOOK_SECRET;
  if (!needsSession && !needsWebhook) return env;
  if (env.NODE_ENV === "production" && needsSession) {
    throw new Error("SESSION_SECRET is required in production");
  }

  const file = path.join(env.DATA_DIR, "secrets.json");
  let secrets: LocalSecrets | undefined;
  try {
    secrets = JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  } catch {
    secrets = undefined;
  }
  if (!secrets?.sessionSecret || !secrets.sandboxWebhookSecret) {
    secrets = {
      sessionSecret: crypto.randomBytes(32).toString("hex"),
      sandboxWebhookSecret: `whsec_${crypto.randomBytes(24).toString("hex")}`,
    };
    makePrivateDir(env.DATA_DIR);
    writePrivateFile(file, JSON.stringify(secrets, null, 2));
  }
  return {
    ...env,
    SESSION_SECRET: env.SESSION_SECRET ?? secrets.sessionSecret,
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET ?? (env.sandbox ? secrets.sandboxWebhookSecret : undefined),
  };
}

export const DEMO_ADMIN_EMAIL = "admin@example.org";

/**
 * Outside production and with the Stripe sandbox on, the seed makes a demo
 * admin account so the staff pages can be tried at once. Its password is
 * random per data folder, kept in DATA_DIR/secrets.json and printed by the
 * dev server; nothing guessable is ever created.
 */
export function demoAdminCredentials(env: Env): { email: string; password: string } | undefined {
  if (env.NODE_ENV === "production" || !env.sandbox) return undefined;
  const file = path.join(env.DATA_DIR, "secrets.json");
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    stored = {};
  }
  if (typeof stored.demoAdminPassword !== "string" || stored.demoAdminPassword.length < 12) {
    stored = { ...stored, demoAdminPassword: crypto.randomBytes(12).toString("base64url") };
    makePrivateDir(env.DATA_DIR);
    writePrivateFile(file, JSON.stringify(stored, null, 2));
  }
  return { email: DEMO_ADMIN_EMAIL, password: stored.demoAdminPassword as string };
}
