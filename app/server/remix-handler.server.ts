import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";

/**
 * Hands Express requests to Remix, as @remix-run/express does, except that
 * the body is the Buffer that bodyLimitMiddleware already read and
 * size-checked, not the live request stream.
 */
export interface RemixHandlerOptions {
  /** The current server build (development swaps it after each rebuild). */
  build: () => ServerBuild;
  mode: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}

export function remixHandler({ build, mode, getLoadContext }: RemixHandlerOptions): RequestHandler {
  let handledBuild: ServerBuild | undefined;
  let handle: ReturnType<typeof createRequestHandler> | undefined;
  return async (req, res, next) => {
    try {
      const current = build();
      if (current !== handledBuild || !handle) {
        handledBuild = current;
        handle = createRequestHandler(current, mode);
      }
      const response = await handle(fetchRequest(req, res), getLoadContext(req, res));
      await sendResponse(res, response);
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

async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // append, not set: several Set-Cookie headers must all arrive.
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
