import type { LoaderFunctionArgs } from "@remix-run/node";

/** Loader arguments built around a real Request, as Remix passes them. */
export function loaderArgs(path: string, params: Record<string, string> = {}, init?: RequestInit): LoaderFunctionArgs {
  return {
    request: new Request(new URL(path, "http://localhost:3000"), init),
    params,
    context: {},
  };
}

/**
 * The HTTP status a loader or action threw: a Response, or the value of
 * Remix's `data()` helper (single fetch).
 */
export async function thrownStatus(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    const init = (thrown as { init?: { status?: number } } | null)?.init;
    if (init?.status) return init.status;
    throw thrown;
  }
  throw new Error("expected the call to throw a response, but it returned");
}

/**
 * The Response a resource route's loader or action answered, whether it
 * returned it or threw it (refusals are thrown; Remix sends them as they are).
 */
export async function responseOf(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A form post to `path`, as a browser sends it. */
export function formRequest(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(new URL(path, "http://localhost:3000"), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export interface ActionOutcome<T> {
  status: number;
  data: T | undefined;
  headers: Headers;
}

/**
 * Normalises what an action returned: a Response (redirects) or the value of
 * Remix's `data()` helper, or a plain object (status 200).
 */
export function outcome<T>(result: unknown): ActionOutcome<T> {
  if (result instanceof Response) return { status: result.status, data: undefined, headers: result.headers };
  const wrapped = result as { type?: string; data?: T; init?: ResponseInit | null };
  if (wrapped?.type === "DataWithResponseInit") {
    return { status: wrapped.init?.status ?? 200, data: wrapped.data, headers: new Headers(wrapped.init?.headers) };
  }
  return { status: 200, data: result as T, headers: new Headers() };
}

/** What a page's loader handed to the page, whether returned plainly or through `data()` (with headers). */
type Unwrapped<R> = R extends { type: string; data: infer T; init: unknown } ? T : R;

export function pageData<R>(result: R): Unwrapped<R> {
  const wrapped = result as { type?: string; data?: unknown };
  return (wrapped?.type === "DataWithResponseInit" ? wrapped.data : result) as Unwrapped<R>;
}
