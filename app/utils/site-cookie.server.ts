import { createCookie, type Cookie, type CookieOptions } from "@remix-run/node";

import { env, sessionSecret } from "~/utils/env.server";

/**
 * A signed, HttpOnly, SameSite=Lax cookie for the whole site. When APP_URL is
 * https it is Secure and its name carries the `__Host-` prefix, which browsers
 * accept only from a secure origin, with Path=/ and no Domain: no subdomain
 * and no plain-http page can plant or overwrite it. A production server on
 * plain http exists only in local tests, where a Secure cookie would never
 * come back.
 */
export function siteCookie(name: string, options: Pick<CookieOptions, "maxAge"> = {}): Cookie {
  const secure = env().APP_URL.startsWith("https://");
  return createCookie(secure ? `__Host-${name}` : name, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    secrets: [sessionSecret()],
    ...options,
  });
}
