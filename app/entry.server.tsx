import { PassThrough } from "node:stream";

import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToString } from "react-dom/server";

import { documentResponse } from "~/server/document-body.server";
import { isSharedCacheable } from "~/utils/cache-control";
import { NonceProvider } from "~/utils/nonce";
import { noteDatabaseUnavailable, statusFor } from "~/utils/service-unavailable.server";

/**
 * Renders pages as Remix's default Node entry does (streaming for browsers,
 * the whole page at once for bots; public pages, which never stream, to a
 * string), and puts this response's CSP nonce on
 * every inline script: Remix's, and React's own streaming scripts. It is
 * also the one place where a failure caused by an unavailable database
 * becomes a 503 with Retry-After (app/utils/service-unavailable.server.ts).
 */

/** How long deferred data may stream (single fetch reads this export). */
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  responseStatusCode = statusFor(request, responseStatusCode, responseHeaders);
  // Public pages are complete documents for everyone: their ETag is computed from the whole body
  // anyway, and must not depend on who asked. Nothing streams into them (they do not hydrate, so no
  // deferred data), so they are rendered to a string, which costs less than the streaming renderer
  // (decision 030).
  if (isSharedCacheable(responseHeaders.get("Cache-Control"))) {
    let html: string;
    try {
      html = renderToString(
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceProvider>,
      );
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    responseHeaders.set("Content-Type", "text/html");
    return Promise.resolve(documentResponse(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode }));
  }

  // Bots and SPA mode get the complete document; browsers get the shell first.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady: waitForAll ? undefined : ready,
        onAllReady: waitForAll ? ready : undefined,
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell are logged by Remix through handleError.
          if (shellRendered) console.error(error);
        },
      },
    );
    // Leave a second after streamTimeout for rejected promises to reach the client.
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/**
 * Every error thrown by a loader, an action or a render, logged in full here
 * on the server. What the browser receives is sanitised by Remix in
 * production ("Unexpected Server Error", no stack).
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  // A visitor who went away is not an error.
  if (request.signal.aborted) return;
  if (noteDatabaseUnavailable(request, error)) return;
  // Remix wraps some internal errors in an error response; log what was thrown.
  const inner = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined;
  console.error(`${request.method} ${new URL(request.url).pathname} failed:`, inner ?? error);
};

/** Client-side navigations fetch data too: the same 503 for them. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  const headers = new Headers(response.headers);
  const status = statusFor(request, response.status, headers);
  if (status === response.status) return response;
  return new Response(response.body, { status, statusText: "Service Unavailable", headers });
};
