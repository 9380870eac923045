import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";

import { changesPublicPages, type PageMemory } from "~/server/page-memory.server";
import { notModified, storeIfPublic, type StoredPage } from "~/server/revalidation.server";

/**
 * Hands Express requests to Remix, as @remix-run/express does, except that
 * the body is the Buffer that bodyLimitMiddleware already read and
 * size-checked, not the live request stream, and that public pages get an
 * ETag and answer If-None-Match (app/server/revalidation.server.ts).
 */
export interface RemixHandlerOptions {
  /** The current server build (development swaps it after each rebuild). */
  build: () => ServerBuild;
  mode: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
  /** Key of the nonce derived from a public page's body; the same on every instance. */
  nonceKey: string;
  /** Public pages rendered moments ago, answered again without rendering; none when off. */
  pageMemory?: PageMemory;
}

export function remixHandler({ build, mode, getLoadContext, nonceKey, pageMemory }: RemixHandlerOptions): RequestHandler {
  let handledBuild: ServerBuild | undefined;
  let handle: ReturnType<typeof createRequestHandler> | undefined;
  return async (req, res, next) => {
    try {
      const current = build();
      if (current !== handledBuild || !handle) {
        handledBuild = current;
        handle = createRequestHandler(current, mode);
      }
      const requestNonce = String(res.locals.cspNonce ?? "");
      const ifNoneMatch = req.get("if-none-match");
      const memoryKey = pageMemory && (req.method === "GET" || req.method === "HEAD") ? req.originalUrl : undefined;
      let page = memoryKey ? pageMemory?.get(memoryKey) : undefined;
      let response: Response | undefined;
      if (!page) {
        const result = await storeIfPublic(
          { method: req.method, ifNoneMatch, requestNonce, nonceKey },
          await handle(fetchRequest(req, res), getLoadContext(req, res)),
        );
        response = result.response;
        page = result.stored;
        if (memoryKey && page) pageMemory?.set(memoryKey, page);
      }
      if (pageMemory && response && changesPublicPages(req.method, req.path, response.status)) pageMemory.clear();
      if (page?.nonce) {
        // The page carries a nonce derived from its content: the policy names that one.
        const policy = res.getHeader("Content-Security-Policy");
        if (typeof policy === "string") res.setHeader("Content-Security-Policy", policy.replaceAll(requestNonce, page.nonce));
      }
      if (page) sendStored(res, page, ifNoneMatch);
      else if (response) await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/** The request URL as the visitor addressed it (host and port, proxies trusted per `trust proxy`). */
function requestUrl(req: ExpressRequest): string {
  const port = /:(\d+)$/.exec(req.get("x-forwarded-host") ?? "")?.[1] ?? /:(\d+)$/.exec(req.get("host") ?? "")?.[1];
  return `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;
}

function fetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // Abort loaders and actions when the client goes away before the answer is written.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && Buffer.isBuffer(req.body);
  return new Request(requestUrl(req), {
    method: req.method,
    headers: fetchHeaders(req.headers),
    signal: controller.signal,
    ...(hasBody ? { body: req.body as Buffer, duplex: "half" } : {}),
  } as RequestInit);
}

function fetchHeaders(incoming: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}

/** A public page from its string (or the empty 304), without a Response and its stream in between. */
function sendStored(res: ExpressResponse, page: StoredPage, ifNoneMatch: string | undefined): void {
  const unchanged = notModified(page, ifNoneMatch);
  res.statusMessage = unchanged ? "" : page.statusText;
  res.status(unchanged ? 304 : 200);
  for (const [name, value] of page.headers) {
    if (unchanged && name === "content-type") continue;
    res.append(name, value);
  }
  if (unchanged) res.end();
  else res.end(page.body);
}

async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // append, not set: several Set-Cookie headers must all arrive.
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
