import type { RequestHandler } from "express";

import { sendPlain } from "~/server/plain-response.server";

/**
 * The site's pages and forms use GET, HEAD and POST only. Any other method is
 * answered here, before Remix, which cannot build a request for some of them
 * (TRACE, CONNECT) and has no route for the rest: 204 for OPTIONS (naming
 * what is allowed; the site offers no cross-origin access), 405 otherwise.
 */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

const ALLOW_HEADER = ALLOWED_METHODS.join(", ");

export function allowedMethodsMiddleware(): RequestHandler {
  const allowed = new Set<string>(ALLOWED_METHODS);
  return (req, res, next) => {
    if (allowed.has(req.method)) return next();
    res.set("Allow", ALLOW_HEADER);
    if (req.method === "OPTIONS") {
      res.status(204).set("Cache-Control", "no-store").end();
      return;
    }
    // The body is never read: close the connection rather than drain it.
    res.set("Connection", "close");
    sendPlain(res, 405, `Method not allowed: this site answers ${ALLOW_HEADER} only.`);
  };
}
