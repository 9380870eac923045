import { createCookie, type Cookie } from "@remix-run/node";

import { env, sessionSecret } from "~/utils/env.server";

let cookie: Cookie | undefined;

/**
 * The staff session cookie: HttpOnly, SameSite=Lax, signed. On an https site
 * it is Secure and carries the `__Host-` prefix, so no subdomain and no
 * plain-http page can set or read it. It holds a random token only; the
 * session itself lives in the database.
 */
export function staffCookie(): Cookie {
  if (cookie) return cookie;
  const secure = env().APP_URL.startsWith("https://");
  cookie = createCookie(secure ? "__Host-lantern_staff" : "lantern_staff", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    secrets: [sessionSecret()],
  });
  return cookie;
}

/** For tests that change APP_URL or SESSION_SECRET. */
export function resetStaffCookie(): void {
  cookie = undefined;
}
