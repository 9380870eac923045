import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "~/utils/env.server";

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("runs a fresh clone with no variables at all: embedded database, sandbox", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe("./data");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.sandbox).toBe(true);
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", STRIPE_SECRET_KEY: "  ", PORT: "4000" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.sandbox).toBe(true);
    expect(env.APP_URL).toBe("http://localhost:4000");
  });

  it("names every problem at once", () => {
    const found = problems({ PORT: "eighty", DATABASE_URL: "mysql://x", SMTP_URL: "ftp://mail", ORG_EIN: "123" });
    expect(found).toHaveLength(4);
    expect(found.join("\n")).toMatch(/PORT/);
    expect(found.join("\n")).toMatch(/DATABASE_URL must be a postgres/);
    expect(found.join("\n")).toMatch(/SMTP_URL/);
    expect(found.join("\n")).toMatch(/ORG_EIN must look like 12-3456789/);
  });

  it("says one problem in one line, and lists several, pointing at .env.example", () => {
    expect(() => parseEnv({ PORT: "0" })).toThrow(
      /^Lantern cannot start: PORT .*\. See \.env\.example for every variable and its meaning\.$/,
    );
    expect(() => parseEnv({ PORT: "0", BODY_LIMIT_KIB: "0" })).toThrow(/Lantern cannot start: the environment has 2 problems:\n {2}- PORT/);
  });

  it("requires SESSION_SECRET and APP_URL in production", () => {
    const found = problems({ NODE_ENV: "production" });
    expect(found.some((p) => p.startsWith("SESSION_SECRET is required in production"))).toBe(true);
    expect(found.some((p) => p.startsWith("APP_URL is required in production"))).toBe(true);
  });

  it("requires the webhook secret with a Stripe key, and turns sandbox off", () => {
    expect(problems({ STRIPE_SECRET_KEY: "sk_live_abc123" })).toEqual([expect.stringMatching(/^STRIPE_WEBHOOK_SECRET is required/)]);
    const live = parseEnv({ STRIPE_SECRET_KEY: "sk_live_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc" });
    expect(live.sandbox).toBe(false);
  });

  it("refuses a malformed Stripe key rather than falling back to sandbox", () => {
    expect(problems({ STRIPE_SECRET_KEY: "pk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" })[0]).toMatch(
      /STRIPE_SECRET_KEY must look like sk_test_/,
    );
  });

  it("refuses production without a Stripe key, in one line, unless the sandbox is asked for by name", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), APP_URL: "https://give.example.org" };
    let message = "";
    try {
      parseEnv(production);
    } catch (error) {
      message = error instanceof Error ? error.message : "";
    }
    expect(message).toMatch(
      /^Lantern cannot start: STRIPE_SECRET_KEY is required in production \(.*STRIPE_SANDBOX=1.*\)\. See \.env\.example/,
    );
    expect(message).not.toContain("\n");
    for (const off of ["", "0", "false", "no"])
      expect(problems({ ...production, STRIPE_SANDBOX: off })[0]).toMatch(/^STRIPE_SECRET_KEY is required in production/);

    expect(parseEnv({ ...production, STRIPE_SANDBOX: "1" }).sandbox).toBe(true);
    expect(parseEnv({ ...production, STRIPE_SECRET_KEY: "sk_live_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc" }).sandbox).toBe(false);
  });

  it("never runs the sandbox next to a Stripe key, and reads STRIPE_SANDBOX as 1 or 0 only", () => {
    expect(problems({ STRIPE_SANDBOX: "1", STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc" })).toEqual([
      expect.stringMatching(/^STRIPE_SANDBOX cannot be on while STRIPE_SECRET_KEY is set/),
    ]);
    expect(problems({ STRIPE_SANDBOX: "maybe" })[0]).toMatch(/^STRIPE_SANDBOX must be 1 \(on\) or 0 \(off\)/);
    // Outside production, no key means the sandbox, as on a fresh clone.
    expect(parseEnv({ STRIPE_SANDBOX: "0" }).sandbox).toBe(true);
  });

  it("binds all interfaces in production and strips a trailing slash from APP_URL", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(32),
      APP_URL: "https://give.example.org/",
      STRIPE_SANDBOX: "1",
    });
    expect(env.HOST).toBe("0.0.0.0");
    expect(env.APP_URL).toBe("https://give.example.org");
  });

  it("limits request bodies to 64 KiB (256 KiB for Stripe's webhook) unless told otherwise", () => {
    expect(parseEnv({})).toMatchObject({ BODY_LIMIT_KIB: 64, WEBHOOK_BODY_LIMIT_KIB: 256 });
    expect(parseEnv({ BODY_LIMIT_KIB: "128", WEBHOOK_BODY_LIMIT_KIB: "512" })).toMatchObject({
      BODY_LIMIT_KIB: 128,
      WEBHOOK_BODY_LIMIT_KIB: 512,
    });
    expect(problems({ BODY_LIMIT_KIB: "0" })[0]).toMatch(/^BODY_LIMIT_KIB/);
    expect(problems({ WEBHOOK_BODY_LIMIT_KIB: "64k" })[0]).toMatch(/^WEBHOOK_BODY_LIMIT_KIB must be a whole number/);
  });

  it("takes STRIPE_API_URL, an origin, with a test key only", () => {
    const base = { STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc" };
    expect(parseEnv({ ...base, STRIPE_API_URL: "http://127.0.0.1:12111" })).toMatchObject({
      STRIPE_API_URL: "http://127.0.0.1:12111",
      sandbox: false,
    });
    expect(parseEnv({ ...base, STRIPE_API_URL: "" }).STRIPE_API_URL).toBeUndefined();
    expect(problems({ ...base, STRIPE_SECRET_KEY: "sk_live_abc123", STRIPE_API_URL: "http://127.0.0.1:12111" }).join("\n")).toMatch(
      /STRIPE_API_URL is allowed only with a test key/,
    );
    expect(problems({ STRIPE_API_URL: "http://127.0.0.1:12111" }).join("\n")).toMatch(/STRIPE_API_URL is allowed only with a test key/);
    expect(problems({ ...base, STRIPE_SECRET_KEY: "rk_test_abc123", STRIPE_API_URL: "http://127.0.0.1:12111" })).toHaveLength(1);
    expect(problems({ ...base, STRIPE_API_URL: "http://127.0.0.1:12111/v1" }).join("\n")).toMatch(/must be an origin only/);
    expect(problems({ ...base, STRIPE_API_URL: "ftp://127.0.0.1" }).join("\n")).toMatch(/STRIPE_API_URL must be an http/);
  });
});
