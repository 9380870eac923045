import { describeDatabaseError, isDatabaseUnavailable } from "~/db/unavailable.server";

/**
 * How a request that met an unavailable database is answered: 503 with
 * Retry-After instead of 500, and one calm log line instead of a stack trace
 * per failed loader. Remix reports each error to `handleError` before it
 * renders, so the request is marked there and its status set afterwards.
 */
export const RETRY_AFTER_SECONDS = 30;

const unavailableRequests = new WeakSet<Request>();

/** For handleError: true when `error` means the database is unavailable (logged once per request). */
export function noteDatabaseUnavailable(request: Request, error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  if (!unavailableRequests.has(request)) {
    unavailableRequests.add(request);
    const url = new URL(request.url);
    console.warn(`Database unavailable, answering 503 to ${request.method} ${url.pathname}: ${describeDatabaseError(error)}`);
  }
  return true;
}

export function metUnavailableDatabase(request: Request): boolean {
  return unavailableRequests.has(request);
}

/** The status to answer with; a 503 also gets Retry-After and is never cached. */
export function statusFor(request: Request, status: number, headers: Headers): number {
  if (!metUnavailableDatabase(request) || status < 500) return status;
  headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  headers.set("Cache-Control", "no-store");
  return 503;
}

/** A JSON 503 for endpoints that answer machines (the webhook). */
export function serviceUnavailableJson(body: Record<string, unknown>): Response {
  return Response.json(body, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } });
}
