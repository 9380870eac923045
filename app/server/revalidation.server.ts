import crypto from "node:crypto";

import { documentText } from "~/server/document-body.server";
import { isSharedCacheable, PRIVATE_PAGE } from "~/utils/cache-control";

/**
 * Conditional GETs for public pages. A response whose Cache-Control says
 * `public` gets a weak ETag computed from its body, and a request whose
 * If-None-Match names that ETag gets a 304 without the body.
 *
 * Pages carry a per-response CSP nonce, which would make every body (and so
 * every ETag) different. For these responses the random nonce is replaced by
 * one derived from the page itself (an HMAC of the body with the nonce left
 * out): the same page gets the same nonce and the same ETag from any
 * instance, so a shared cache's stored copy, its Content-Security-Policy and
 * the headers of a later 304 always agree. An attacker cannot learn that
 * nonce in advance: it depends on the whole page, including anything they
 * managed to put into it, and on the server's secret.
 *
 * A response that says nothing about caching is not stored anywhere.
 */

export interface RevalidationInput {
  method: string;
  ifNoneMatch: string | undefined;
  /** The random nonce this response was rendered with. */
  requestNonce: string;
  /** Key for the page-derived nonce; the same on every instance (SESSION_SECRET). */
  nonceKey: string;
}

export interface Revalidated {
  response: Response;
  /** A public page (with its derived nonce) in the form that can be answered again. */
  stored?: StoredPage;
}

/** A public page ready to be sent: its final body, headers (with ETag) and nonce. */
export interface StoredPage {
  etag: string;
  /** The nonce derived from the page, when its scripts carry one. */
  nonce?: string;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/** Whether a response may be stored by a shared cache and so gets an ETag. */
function isPublicResponse(method: string, response: Response): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (response.status !== 200 || !response.body) return false;
  return isSharedCacheable(response.headers.get("Cache-Control"));
}

export async function revalidate(input: RevalidationInput, response: Response): Promise<Revalidated> {
  const result = await storeIfPublic(input, response);
  return result.stored ? { response: answer(result.stored, input.ifNoneMatch), stored: result.stored } : result;
}

/**
 * What revalidate() does, without building the answer for a public page: the
 * server sends a stored page straight from its string (sendStored in
 * remix-handler.server.ts).
 */
export async function storeIfPublic(
  input: RevalidationInput,
  response: Response,
): Promise<{ response: Response; stored?: undefined } | { response?: undefined; stored: StoredPage }> {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", PRIVATE_PAGE);
  if (!isPublicResponse(input.method, response)) return { response };
  if (response.headers.has("Set-Cookie")) {
    // A response that sets a cookie is someone's own: never let a shared cache keep it.
    const headers = new Headers(response.headers);
    headers.set("Cache-Control", "private, no-cache");
    return { response: new Response(response.body, { status: response.status, statusText: response.statusText, headers }) };
  }
  return { stored: await storePage(input, response) };
}

async function storePage(input: RevalidationInput, response: Response): Promise<StoredPage> {
  const body = await documentText(response);
  const withoutNonce = input.requestNonce ? body.replaceAll(input.requestNonce, "") : body;
  const digest = crypto.createHmac("sha256", input.nonceKey).update(withoutNonce).digest();
  const etag = `W/"${digest.subarray(0, 16).toString("base64url")}"`;
  const usesNonce = Boolean(input.requestNonce) && body.includes(input.requestNonce);
  const nonce = usesNonce ? digest.subarray(16, 32).toString("base64") : undefined;
  const headers = new Headers(response.headers);
  headers.set("ETag", etag);
  headers.delete("Content-Length");
  return {
    etag,
    nonce,
    statusText: response.statusText,
    headers: [...headers.entries()],
    body: nonce ? body.replaceAll(input.requestNonce, nonce) : body,
  };
}

/** The page, or an empty 304 when the client already holds this version. */
export function answer(page: StoredPage, ifNoneMatch: string | undefined): Response {
  const headers = new Headers(page.headers);
  if (notModified(page, ifNoneMatch)) {
    headers.delete("Content-Type");
    return new Response(null, { status: 304, headers });
  }
  return new Response(page.body, { status: 200, statusText: page.statusText, headers });
}

/** Whether the client already holds this version of the page (the answer is an empty 304). */
export function notModified(page: StoredPage, ifNoneMatch: string | undefined): boolean {
  return matches(ifNoneMatch, page.etag);
}

/** If-None-Match uses the weak comparison: `W/` prefixes do not count, `*` matches anything. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}
