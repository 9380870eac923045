/**
 * Remix's server entry: renders pages to HTML, and is the one place where a
 * failure caused by an unavailable database becomes a 503 with Retry-After
 * (see app/utils/service-unavailable.server.ts).
 */
import { PassThrough } from "node:stream";

import { createReadableStreamFromReadable, type EntryContext, type HandleDataRequestFunction, type HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { noteDatabaseUnavailable, statusFor } from "~/utils/service-unavailable.server";

/** How long a streamed render may wait for pending data before it is cut short. */
export const streamTimeout = 5_000;

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const status = statusFor(request, responseStatusCode, responseHeaders);
  // Crawlers get the whole page at once; browsers get it as soon as the shell is ready.
  const forCrawler = isbot(request.headers.get("user-agent") ?? "");

  return new Promise<Response>((resolve, reject) => {
    let renderFailed = false;
    const respond = () => {
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(createReadableStreamFromReadable(body), { status: renderFailed ? 500 : status, headers: responseHeaders }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      onShellReady() {
        if (!forCrawler) respond();
      },
      onAllReady() {
        if (forCrawler) respond();
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        renderFailed = true;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** Client-side navigations fetch data too: the same 503 for them. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  const headers = new Headers(response.headers);
  const status = statusFor(request, response.status, headers);
  if (status === response.status) return response;
  return new Response(response.body, { status, statusText: "Service Unavailable", headers });
};

export const handleError: HandleErrorFunction = (error, { request }) => {
  // A visitor who went away is not an error.
  if (request.signal.aborted) return;
  if (noteDatabaseUnavailable(request, error)) return;
  console.error(error);
};
