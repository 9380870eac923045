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
