import type { RequestHandler } from "express";

import { languageRedirect } from "~/i18n/language.server";
import type { Env } from "~/utils/env.server";

/** Unprefixed public pages for visitors who prefer another language: see languageRedirect(). */
export function languageRedirectMiddleware(env: Pick<Env, "LANGUAGES" | "DEFAULT_LANGUAGE">): RequestHandler {
  return (req, res, next) => {
    const search = req.originalUrl.slice(req.path.length);
    const answer = languageRedirect(
      { method: req.method, path: req.path, search, cookie: req.get("cookie"), acceptLanguage: req.get("accept-language") },
      env,
    );
    if (answer.vary) res.vary("Accept-Language").vary("Cookie");
    if (!answer.location) return next();
    res.setHeader("Cache-Control", "private, no-store");
    res.redirect(302, answer.location);
  };
}
