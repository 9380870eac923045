import fs from "node:fs";

import { EnvError, parseEnv, type Env } from "~/utils/env.server";
import { withLocalSecrets } from "~/utils/local-secrets.server";

/**
 * Reads .env (when present) into process.env, parses the whole environment
 * and fills in locally generated secrets outside production. On a bad
 * environment it prints one message naming every problem and exits.
 */
export function loadEnvOrExit(): Env {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  try {
    const env = withLocalSecrets(parseEnv());
    // Make generated secrets visible to the server build's own env() parse.
    if (env.SESSION_SECRET) process.env.SESSION_SECRET = env.SESSION_SECRET;
    if (env.STRIPE_WEBHOOK_SECRET) process.env.STRIPE_WEBHOOK_SECRET = env.STRIPE_WEBHOOK_SECRET;
    return env;
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : String(error));
    process.exit(1);
  }
}
