import { z } from "zod";

import { KNOWN_LANGUAGES } from "~/i18n/catalogues";

/**
 * Every environment variable the site reads, parsed once at start-up.
 * `.env.example` documents each of them; keep the two in step.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** A whole number within bounds; blank means the default. */
function integer(min: number, max: number, fallback: number) {
  return optionalText
    .pipe(z.string().regex(/^\d+$/, "must be a whole number").transform(Number).pipe(z.number().int().min(min).max(max)).optional())
    .transform((value) => value ?? fallback);
}

/** An on/off setting: 1, true, yes or on; 0, false, no or off; blank is off. */
const flag = optionalText
  .pipe(z.enum(["1", "true", "yes", "on", "0", "false", "no", "off"], { error: "must be 1 (on) or 0 (off)" }).optional())
  .transform((value) => value === "1" || value === "true" || value === "yes" || value === "on");

const decimal = z.string().regex(/^\d{1,9}(\.\d{1,4})?$/, "must be a decimal number like 5.00");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: optionalText,
    PORT: integer(1, 65535, 3000),
    APP_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    TRUST_PROXY: integer(0, 10, 0),
    // Largest request body accepted, in KiB: forms, and Stripe's webhook events.
    BODY_LIMIT_KIB: integer(1, 10_240, 64),
    WEBHOOK_BODY_LIMIT_KIB: integer(1, 10_240, 256),
    // Largest CSV of offline gifts an admin may upload to import, in KiB.
    IMPORT_BODY_LIMIT_KIB: integer(1, 10_240, 2_048),
    // Seconds a rendered public page is kept in memory and answered again (0: render every request).
    PUBLIC_PAGE_MEMORY_SECONDS: integer(0, 300, 5),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    DATABASE_POOL_SIZE: integer(1, 200, 10),
    DATA_DIR: optionalText.default("./data"),
    SESSION_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters (use: openssl rand -hex 32)").optional()),
    STRIPE_SECRET_KEY: optionalText.pipe(
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, "must look like sk_test_..., sk_live_..., rk_test_... or rk_live_...")
        .optional(),
    ),
    // Production without a Stripe key must ask for the sandbox by name (a demo site).
    STRIPE_SANDBOX: flag,
    STRIPE_WEBHOOK_SECRET: optionalText.pipe(
      z
        .string()
        .regex(/^whsec_[A-Za-z0-9]+$/, "must look like whsec_...")
        .optional(),
    ),
    // Another Stripe-compatible API for the SDK (stripe-mock, a local stand-in): an origin, test keys only.
    STRIPE_API_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, e.g. http://127.0.0.1:12111" })
        .refine(
          (value) => ["", "/"].includes(new URL(value).pathname) && !new URL(value).search,
          "must be an origin only (no path), e.g. http://127.0.0.1:12111",
        )
        .optional(),
    ),
    SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    EMAIL_FROM: optionalText,
    EMAIL_MAX_ATTEMPTS: integer(1, 50, 8),
    EMAIL_RETRY_BASE_SECONDS: integer(1, 86_400, 30),
    EMAIL_SEND_INTERVAL_SECONDS: integer(0, 3_600, 15),
    ORG_NAME: optionalText,
    ORG_LEGAL_NAME: optionalText,
    ORG_EIN: optionalText.pipe(
      z
        .string()
        .regex(/^\d{2}-\d{7}$/, "must look like 12-3456789")
        .optional(),
    ),
    ORG_ADDRESS: optionalText,
    ORG_SUPPORT_EMAIL: optionalText.pipe(z.email().optional()),
    ORG_HOTLINE_TEXT: optionalText,
    // The site's languages (each must have a catalogue in app/i18n/locales) and the one unprefixed URLs speak.
    LANGUAGES: optionalText.pipe(
      z
        .string()
        .transform((value) => [...new Set(value.split(",").map((lang) => lang.trim().toLowerCase()))].filter(Boolean))
        .pipe(
          z.array(z.enum(KNOWN_LANGUAGES, { error: `must list languages that have a catalogue (${KNOWN_LANGUAGES.join(", ")})` })).min(1),
        )
        .default(["en", "es"]),
    ),
    DEFAULT_LANGUAGE: optionalText.pipe(
      z.enum(KNOWN_LANGUAGES, { error: `must be a language that has a catalogue (${KNOWN_LANGUAGES.join(", ")})` }).default("en"),
    ),
    QUICK_EXIT_URL: optionalText.pipe(z.url({ protocol: /^https$/ }).optional()),
    // Giving limits and the fee-cover formula, in the campaign currency's major unit.
    GIFT_MIN: optionalText.pipe(decimal.default("5.00")),
    GIFT_MAX: optionalText.pipe(decimal.default("25000.00")),
    FEE_PERCENT: optionalText.pipe(
      z
        .string()
        .regex(/^\d{1,2}(\.\d{1,2})?$/, "must be a percentage like 2.2")
        .default("2.2"),
    ),
    FEE_FIXED: optionalText.pipe(decimal.default("0.30")),
    CHECKOUT_RATE_LIMIT: integer(1, 10_000, 10),
    CHECKOUT_RATE_WINDOW_MINUTES: integer(1, 1_440, 10),
    // Requests for a manage-your-gifts link per client address per 15 minutes (whatever the email).
    MANAGE_LINK_RATE_LIMIT: integer(1, 10_000, 5),
    STAFF_SESSION_IDLE_HOURS: integer(1, 720, 12),
    // Sign-in attempts per window: per (account, client address), and per address for all accounts.
    STAFF_SIGNIN_RATE_LIMIT: integer(1, 1_000, 5),
    STAFF_SIGNIN_ADDRESS_LIMIT: integer(1, 10_000, 20),
    STAFF_SIGNIN_RATE_WINDOW_MINUTES: integer(1, 1_440, 15),
    // Failed attempts on one account, from any address, after which each attempt waits (never refused) and its owner is emailed.
    STAFF_SIGNIN_SLOWDOWN_AFTER: integer(1, 10_000, 10),
    STAFF_SIGNIN_SLOWDOWN_MAX_SECONDS: integer(0, 60, 10),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required in production (use: openssl rand -hex 32)",
      });
    }
    if (env.NODE_ENV === "production" && !env.APP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message: "is required in production (the public address, e.g. https://give.example.org)",
      });
    }
    if (env.NODE_ENV === "production" && !env.STRIPE_SECRET_KEY && !env.STRIPE_SANDBOX) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_SECRET_KEY"],
        message:
          "is required in production (for a demo site where no money moves and every receipt is marked as a test, set STRIPE_SANDBOX=1 instead)",
      });
    }
    if (env.STRIPE_SANDBOX && env.STRIPE_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_SANDBOX"],
        message: "cannot be on while STRIPE_SECRET_KEY is set: with a key, payments go to Stripe",
      });
    }
    if (!env.LANGUAGES.includes(env.DEFAULT_LANGUAGE)) {
      ctx.addIssue({ code: "custom", path: ["DEFAULT_LANGUAGE"], message: "must be one of LANGUAGES" });
    }
    if (Number(env.GIFT_MIN) > Number(env.GIFT_MAX)) {
      ctx.addIssue({ code: "custom", path: ["GIFT_MIN"], message: "must not be larger than GIFT_MAX" });
    }
    if (env.STRIPE_API_URL && !env.STRIPE_SECRET_KEY?.startsWith("sk_test_")) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_API_URL"],
        message: "is allowed only with a test key (STRIPE_SECRET_KEY=sk_test_...): a live key never leaves for another server",
      });
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "is required when STRIPE_SECRET_KEY is set (the endpoint's signing secret from Stripe)",
      });
    }
  });

export type RawEnv = z.infer<typeof EnvSchema>;

export interface Env extends Omit<RawEnv, "APP_URL" | "HOST" | "EMAIL_FROM"> {
  HOST: string;
  APP_URL: string;
  EMAIL_FROM: string;
  /**
   * No Stripe key: the SDK's calls are answered locally, no money moves, and
   * every email says it is a test (in production only with STRIPE_SANDBOX=1).
   */
  sandbox: boolean;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    // One problem is one line (what a service manager's log shows first); several are listed.
    super(
      problems.length === 1
        ? `Lantern cannot start: ${problems[0]}. See .env.example for every variable and its meaning.`
        : `Lantern cannot start: the environment has ${problems.length} problems:\n` +
            problems.map((problem) => `  - ${problem}`).join("\n") +
            "\nSee .env.example for every variable and its meaning.",
    );
    this.name = "EnvError";
  }
}

/** Parses an environment (process.env by default); throws EnvError naming each problem. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  const raw = result.data;
  const production = raw.NODE_ENV === "production";
  return {
    ...raw,
    HOST: raw.HOST ?? (production ? "0.0.0.0" : "127.0.0.1"),
    APP_URL: (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ""),
    EMAIL_FROM: raw.EMAIL_FROM ?? raw.ORG_SUPPORT_EMAIL ?? "receipts@example.org",
    sandbox: !raw.STRIPE_SECRET_KEY,
  };
}

let cached: Env | undefined;

/** The environment of this process, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/**
 * The secret that signs cookies and links. Start-up guarantees one (configured,
 * or generated into DATA_DIR outside production); never fall back to a constant.
 */
export function sessionSecret(): string {
  const secret = env().SESSION_SECRET;
  if (!secret) throw new Error("SESSION_SECRET is not configured");
  return secret;
}

/** For tests and start-up code that changed process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}
