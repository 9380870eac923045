import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, createNonce, devServerSocket, securityHeaders } from "~/server/security-headers.server";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("the security header policy", () => {
  it("admits scripts from the site and inline scripts with this response's nonce only", () => {
    const policy = directives(contentSecurityPolicy("abc123=="));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("cannot be framed or embedded, and forms may go to the site and Stripe's hosted pages only", () => {
    const policy = directives(contentSecurityPolicy("n"));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'", "https://checkout.stripe.com", "https://billing.stripe.com"]);
  });

  it("sends HSTS for a year in production only", () => {
    expect(securityHeaders("n", { production: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders("n", { production: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("sets nosniff, the referrer policy and switches powerful features off", () => {
    const headers = securityHeaders("n", { production: true });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
    }
  });

  it("lets the development server's websocket connect in development", () => {
    expect(devServerSocket("http://localhost:3001/")).toEqual(["ws://localhost:3001"]);
    expect(devServerSocket(undefined)).toEqual([]);
    expect(directives(contentSecurityPolicy("n", { connectSrc: ["ws://localhost:3001"] })).get("connect-src")).toEqual([
      "'self'",
      "ws://localhost:3001",
    ]);
  });

  it("makes a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    expect(Buffer.from(createNonce(), "base64")).toHaveLength(16);
  });
});
