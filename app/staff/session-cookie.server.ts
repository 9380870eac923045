import type { Cookie } from "@remix-run/node";

import { siteCookie } from "~/utils/site-cookie.server";

let cookie: Cookie | undefined;

/**
 * The staff session cookie (see siteCookie: `__Host-` and Secure on an https
 * site). It holds a random token only; the session itself lives in the
 * database.
 */
export function staffCookie(): Cookie {
  cookie ??= siteCookie("lantern_staff");
  return cookie;
}

/** For tests that change APP_URL or SESSION_SECRET. */
export function resetStaffCookie(): void {
  cookie = undefined;
}
