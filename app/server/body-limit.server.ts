import express, { type RequestHandler } from "express";

import { STRIPE_WEBHOOK_PATH } from "~/payments/webhook-path.server";
import { sendPlain } from "~/server/plain-response.server";

/**
 * Reads every request body into memory before Remix runs, up to a limit:
 * a body that declares or turns out to be larger is refused with 413, so no
 * route ever sees a partial or oversized body. The bytes are left in
 * `req.body` (a Buffer) for the Remix handler.
 */
export interface BodyLimits {
  /** Forms and anything else, in bytes. */
  formBytes: number;
  /** Stripe's webhook events, in bytes. */
  webhookBytes: number;
  /** The CSV import of offline gifts, in bytes. */
  importBytes: number;
}

/** The one form that carries a file of many rows. */
export const GIFT_IMPORT_PATH = "/admin/offline-gifts/import";

export function bodyLimitsFromEnv(env: {
  BODY_LIMIT_KIB: number;
  WEBHOOK_BODY_LIMIT_KIB: number;
  IMPORT_BODY_LIMIT_KIB: number;
}): BodyLimits {
  return {
    formBytes: env.BODY_LIMIT_KIB * 1024,
    webhookBytes: env.WEBHOOK_BODY_LIMIT_KIB * 1024,
    importBytes: env.IMPORT_BODY_LIMIT_KIB * 1024,
  };
}

function tooLarge(limit: number): string {
  return `Payload too large: this site accepts request bodies of at most ${Math.floor(limit / 1024)} KiB.`;
}

interface ReadError {
  status?: unknown;
  type?: unknown;
}

export function bodyLimitMiddleware(limits: BodyLimits): RequestHandler {
  // Any content type is read as bytes; compressed bodies are refused (415)
  // rather than inflated, so the limit is a limit on what the server holds.
  const reader = (limit: number) => express.raw({ type: () => true, limit, inflate: false });
  const readers = { form: reader(limits.formBytes), webhook: reader(limits.webhookBytes), import: reader(limits.importBytes) };

  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const webhook = req.path === STRIPE_WEBHOOK_PATH;
    const upload = req.path === GIFT_IMPORT_PATH;
    const limit = webhook ? limits.webhookBytes : upload ? limits.importBytes : limits.formBytes;

    // A declared length over the limit is refused at once, without reading the body.
    const declared = Number(req.get("content-length"));
    if (Number.isFinite(declared) && declared > limit) {
      res.set("Connection", "close");
      return sendPlain(res, 413, tooLarge(limit));
    }

    // A chunked body is counted as it arrives; the reader stops at the limit.
    (webhook ? readers.webhook : upload ? readers.import : readers.form)(req, res, (error?: unknown) => {
      if (!error) return next();
      const { status, type } = (error ?? {}) as ReadError;
      if (status === 413) {
        res.set("Connection", "close");
        return sendPlain(res, 413, tooLarge(limit));
      }
      if (type === "encoding.unsupported") return sendPlain(res, 415, "Unsupported media type: send the body without content encoding.");
      if (typeof status === "number" && status >= 400 && status < 500)
        return sendPlain(res, status, "Bad request: the request body could not be read.");
      next(error);
    });
  };
}
