import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the server sees it (after trusted proxies). */
    clientIp?: string;
    /** This response's Content-Security-Policy nonce, for Remix's inline scripts. */
    cspNonce?: string;
  }
}

/** The client's IP address for rate limiting; "unknown" when not known. */
export function clientIp(context: AppLoadContext | undefined): string {
  return context?.clientIp || "unknown";
}
