import type { ErrorRequestHandler, Response } from "express";

/**
 * Short plain-text answers for requests refused before Remix sees them, and
 * for failures outside Remix. The security headers are already on `res`.
 */
export function sendPlain(res: Response, status: number, message: string): void {
  res.status(status).type("text/plain; charset=utf-8").set("Cache-Control", "no-store").send(`${message}\n`);
}

/**
 * The last Express error handler. An error that carries a 4xx status (a
 * client's mistake) gets that status and a short reason; anything else is
 * logged in full and answered with a bare 500, never its message or stack.
 */
export const plainErrorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number" && status >= 400 && status < 500) return sendPlain(res, status, "Bad request.");
  console.error(`${req.method} ${req.originalUrl} failed:`, error);
  sendPlain(res, 500, "Something went wrong. Please try again in a moment.");
};
