import { withParentHeaders } from "~/utils/headers";

/**
 * Cache-Control of the pages. Public pages (the home page and a campaign
 * page) are the same for every visitor: a browser revalidates them on every
 * visit (their ETag makes that a 304 when nothing changed), and a shared cache
 * such as a CDN may keep a copy for a minute and serve it for five more while
 * it fetches a fresh one. Anything with a visitor's own data is never stored.
 */
export const PUBLIC_PAGE = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";
export const PRIVATE_PAGE = "private, no-store";

/**
 * The headers export of a page whose loader and action choose their own
 * Cache-Control: an action's answer (which may hold what the visitor typed)
 * wins over the loader's, and a page without either is not stored.
 */
export const cacheControlFromData = withParentHeaders(({ actionHeaders, loaderHeaders }) => ({
  "Cache-Control": actionHeaders.get("Cache-Control") ?? loaderHeaders.get("Cache-Control") ?? PRIVATE_PAGE,
}));

/** Whether a Cache-Control value lets a shared cache store the response. */
export function isSharedCacheable(cacheControl: string | null): boolean {
  return /(^|,)\s*public\s*(,|$)/i.test(cacheControl ?? "");
}
