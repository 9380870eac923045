import crypto from "node:crypto";

import type { RequestHandler } from "express";

/**
 * The security headers of every response (pages, data, resource routes,
 * static files, errors). The one place that says what the browser may load.
 */
export interface HeaderPolicyOptions {
  /** HSTS is sent in production only (a development server speaks plain HTTP). */
  production: boolean;
  /** Extra connect-src origins, e.g. the development server's websocket. */
  connectSrc?: string[];
}

/**
 * Where a form may send the browser. Donations and the billing portal answer
 * a POST with a 303 to Stripe's hosted pages, and browsers check form-action
 * against redirects that follow a form submission (JavaScript off).
 */
export const STRIPE_FORM_TARGETS = ["https://checkout.stripe.com", "https://billing.stripe.com"];

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Powerful features the site never uses, switched off for it and anything it embeds. */
const DISABLED_FEATURES = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

/** A fresh nonce for one response's inline scripts: 128 random bits, base64. */
export function createNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string, options: Pick<HeaderPolicyOptions, "connectSrc"> = {}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Remix's inline scripts carry the nonce; its modules load from /build.
    "script-src": ["'self'", `'nonce-${nonce}'`],
    "style-src": ["'self'"],
    // Style attributes only (the progress bar's width); never <style> elements.
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(options.connectSrc ?? [])],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'", ...STRIPE_FORM_TARGETS],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Every security header for one response, given its nonce. */
export function securityHeaders(nonce: string, options: HeaderPolicyOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    ...(options.production ? { "Strict-Transport-Security": `max-age=${ONE_YEAR_SECONDS}; includeSubDomains` } : {}),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": DISABLED_FEATURES.map((feature) => `${feature}=()`).join(", "),
    // For browsers older than frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/**
 * Express middleware: sets the headers before anything else answers, and
 * leaves the nonce in `res.locals.cspNonce` for Remix to put on its scripts.
 */
export function securityHeadersMiddleware(options: HeaderPolicyOptions): RequestHandler {
  // Written out once: only the nonce differs between responses (decision 042).
  const PLACEHOLDER = "\u0000nonce\u0000";
  const [before, after] = contentSecurityPolicy(PLACEHOLDER, options).split(PLACEHOLDER);
  const fixed = Object.entries(securityHeaders("", options)).filter(([name]) => name !== "Content-Security-Policy");
  return (_req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", `${before}${nonce}${after}`);
    for (const [name, value] of fixed) res.setHeader(name, value);
    next();
  };
}

/** The websocket origin of `remix dev` (REMIX_DEV_ORIGIN), for its live reload in development. */
export function devServerSocket(devOrigin: string | undefined): string[] {
  if (!devOrigin) return [];
  try {
    const url = new URL(devOrigin);
    return [`${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`];
  } catch {
    return [];
  }
}
