/** Every staff page is private to the signed-in person: never stored by a browser or a shared cache, never indexed. */
export const STAFF_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow" };
