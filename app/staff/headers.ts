import { withParentHeaders } from "~/utils/headers";

/** Every staff page is private to the signed-in person: never stored by a browser or a shared cache, never indexed. */
export const STAFF_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow" };

/**
 * The `headers` export of the staff layout (and of the sign-in page, which
 * stands outside it): STAFF_HEADERS, with whatever the page's loader or
 * action added (a Retry-After, say) on top. Pages below the layout export no
 * `headers` of their own, or one made with withParentHeaders, so these stay.
 */
export const staffHeaders = withParentHeaders(({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers(STAFF_HEADERS);
  for (const source of [actionHeaders, loaderHeaders]) source.forEach((value, name) => headers.set(name, value));
  return headers;
});
