import { z } from "zod";

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
    .pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a whole number")
        .transform(Number)
        .pipe(z.number().int().min(min).max(max))
        .optional(),
    )
    .transform((value) => value ?? fallback);
}

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
    SESSION_SECRET: optionalText.pipe(
      z.string().min(32, "must be at least 32 characters (use: openssl rand -hex 32)").optional(),
    ),
    STRIPE_SECRET_KEY: optionalText.pipe(
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, "must look like sk_test_..., sk_live_..., rk_test_... or rk_live_...")
        .optional(),
    ),
    STRIPE_WEBHOOK_SECRET: optionalText.pipe(
      z.string().regex(/^whsec_[A-Za-z0-9]+$/, "must look like whsec_...").optional(),
    ),
    // Where the Stripe SDK sends its requests instead of Stripe (stripe-mock, a local stand-in); test keys only.
    STRIPE_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    EMAIL_FROM: optionalText,
    EMAIL_MAX_ATTEMPTS: integer(1, 50, 8),
    EMAIL_RETRY_BASE_SECONDS: integer(1, 86_400, 30),
    EMAIL_SEND_INTERVAL_SECONDS: integer(0, 3_600, 15),
    ORG_NAME: optionalText,
    ORG_LEGAL_NAME: optionalText,
    ORG_EIN: optionalText.pipe(
      z.string().regex(/^\d{2}-\d{7}$/, "must look like 12-3456789").optional(),
    ),
    ORG_ADDRESS: optionalText,
    ORG_SUPPORT_EMAIL: optionalText.pipe(z.email().optional()),
    ORG_HOTLINE_TEXT: optionalText,
    QUICK_EXIT_URL: optionalText.pipe(z.url({ protocol: /^https$/ }).optional()),
    // Giving limits and the fee-cover formula, in the campaign currency's major unit.
    GIFT_MIN: optionalText.pipe(decimal.default("5.00")),
    GIFT_MAX: optionalText.pipe(decimal.default("25000.00")),
    FEE_PERCENT: optionalText.pipe(
      z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, "must be a percentage like 2.2").default("2.2"),
    ),
    FEE_FIXED: optionalText.pipe(decimal.default("0.30")),
    CHECKOUT_RATE_LIMIT: integer(1, 10_000, 10),
    CHECKOUT_RATE_WINDOW_MINUTES: integer(1, 1_440, 10),
    STAFF_SESSION_IDLE_HOURS: integer(1, 720, 12),
    STAFF_SIGNIN_RATE_LIMIT: integer(1, 1_000, 5),
    STAFF_SIGNIN_RATE_WINDOW_MINUTES: integer(1, 1_440, 15),
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
    if (Number(env.GIFT_MIN) > Number(env.GIFT_MAX)) {
      ctx.addIssue({ code: "custom", path: ["GIFT_MIN"], message: "must not be larger than GIFT_MAX" });
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "is required when STRIPE_SECRET_KEY is set (the endpoint's signing secret from Stripe)",
      });
    }
    if (env.STRIPE_API_URL && !/^(sk|rk)_test_/.test(env.STRIPE_SECRET_KEY ?? "")) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_API_URL"],
        message: "may only be set with a test key (STRIPE_SECRET_KEY=sk_test_...): a live key must only ever be sent to Stripe",
      });
    }
  });

export type RawEnv = z.infer<typeof EnvSchema>;

export interface Env extends Omit<RawEnv, "APP_URL" | "HOST" | "EMAIL_FROM"> {
  HOST: string;
  APP_URL: string;
  EMAIL_FROM: string;
  /** No Stripe key: the SDK's calls are answered locally, no money moves. */
  sandbox: boolean;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Lantern cannot start: the environment has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n` +
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
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`),
    );
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
