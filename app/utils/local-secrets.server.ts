import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { Env } from "~/utils/env.server";

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
    fs.mkdirSync(env.DATA_DIR, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    ...env,
    SESSION_SECRET: env.SESSION_SECRET ?? secrets.sessionSecret,
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET ?? (env.sandbox ? secrets.sandboxWebhookSecret : undefined),
  };
}
