import type { RequestHandler } from "express";
import { z } from "zod";

import { STRIPE_WEBHOOK_PATH } from "~/payments/webhook-path.server";
import { sendPlain } from "~/server/plain-response.server";

/**
 * Cross-site request forgery defence: every request that may change state
 * (any method but GET and HEAD) must come from the site's own pages. See
 * docs/decisions/010-security-headers-and-origin-check.md.
 */

/** Stripe posts its events from its own servers, signed; no browser is involved. */
export const ORIGIN_CHECK_EXEMPT_PATHS = [STRIPE_WEBHOOK_PATH];

const SAFE_METHODS = new Set(["GET", "HEAD"]);

const FetchSiteSchema = z.enum(["same-origin", "same-site", "cross-site", "none"]);

export type OriginVerdict = { allowed: true } | { allowed: false; status: 403 | 421; reason: string };

export interface OriginCheckInput {
  method: string;
  path: string;
  origin: string | undefined;
  fetchSite: string | undefined;
  /**
   * The host the request is addressed to, as Remix reads it: the first
   * X-Forwarded-Host value when there is one, else Host ("" when neither
   * was sent). Compared exactly, as Remix compares it.
   */
  addressedHost?: string | undefined;
}

/**
 * Decides from the Origin header (sent by browsers on every POST), or else
 * from Sec-Fetch-Site. `none` means the user started the request themselves
 * (address bar, bookmark), which no other site can cause. A request with
 * neither header does not come from a current browser (curl, monitoring),
 * so it cannot be a forgery riding on a visitor's browser, and is allowed.
 */
export function checkOrigin(input: OriginCheckInput, appOrigin: string): OriginVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { allowed: true };
  if (ORIGIN_CHECK_EXEMPT_PATHS.includes(input.path)) return { allowed: true };

  if (input.origin !== undefined) {
    if (input.origin !== appOrigin) return { allowed: false, status: 403, reason: `Origin ${input.origin}` };
    // The site's own page, sent to another host name (a proxy that rewrites
    // Host, a second name for the server): Remix refuses such an action by
    // throwing, so it is answered here as a misdirected request instead.
    const host = new URL(appOrigin).host;
    if (input.addressedHost !== undefined && input.addressedHost !== host) {
      return { allowed: false, status: 421, reason: `host ${input.addressedHost}` };
    }
    return { allowed: true };
  }
  if (input.fetchSite !== undefined) {
    const site = FetchSiteSchema.safeParse(input.fetchSite.trim().toLowerCase());
    if (site.success && (site.data === "same-origin" || site.data === "none")) return { allowed: true };
    return { allowed: false, status: 403, reason: `Sec-Fetch-Site ${input.fetchSite}` };
  }
  return { allowed: true };
}

/** The origin (scheme://host[:port]) of APP_URL, as browsers write it in the Origin header. */
export function originOf(appUrl: string): string {
  return new URL(appUrl).origin;
}

/** The host a request is addressed to, read as Remix's own check reads it. */
function addressedHost(forwardedHost: string | undefined, host: string | undefined): string {
  const forwarded = forwardedHost?.split(",")[0]?.trim();
  return forwarded || host || "";
}

/**
 * Express middleware: refuses a forged request with 403, and the site's own
 * form sent to another host name with 421, before its body is read.
 */
export function sameOriginMiddleware(appUrl: string): RequestHandler {
  const appOrigin = originOf(appUrl);
  return (req, res, next) => {
    const verdict = checkOrigin(
      {
        method: req.method,
        path: req.path,
        origin: req.get("origin"),
        fetchSite: req.get("sec-fetch-site"),
        addressedHost: addressedHost(req.get("x-forwarded-host"), req.get("host")),
      },
      appOrigin,
    );
    if (verdict.allowed) return next();
    // The body is never read: close the connection rather than drain it.
    res.set("Connection", "close");
    if (verdict.status === 421) {
      console.warn(`Refused ${req.method} ${req.path} addressed to ${verdict.reason}; forms are answered at ${appOrigin} only`);
      return sendPlain(res, 421, `Misdirected request: this site takes forms at ${appOrigin} only.`);
    }
    console.warn(`Refused ${req.method} ${req.path} from another site (${verdict.reason}); forms are accepted from ${appOrigin} only`);
    sendPlain(res, 403, "Forbidden: this request did not come from this site's own pages.");
  };
}
