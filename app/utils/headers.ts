import type { HeadersFunction } from "@remix-run/node";

/**
 * A route's `headers` export that keeps its parents' headers. Remix takes a
 * document's headers from the deepest route that exports `headers` (or from
 * its nearest parent that does), so a child that answered with only its own
 * would silently drop what a layout set for every page below it (a staff
 * page's X-Robots-Tag, say). Every `headers` export goes through this: the
 * parent's headers first, then the route's own on top.
 */
export function withParentHeaders(own: HeadersFunction): HeadersFunction {
  return (args) => {
    const headers = new Headers(args.parentHeaders);
    const mine = own(args);
    new Headers(mine instanceof Headers ? mine : (mine as HeadersInit)).forEach((value, name) => headers.set(name, value));
    return headers;
  };
}
