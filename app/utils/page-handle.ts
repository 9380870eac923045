import type { UIMatch } from "@remix-run/react";

/**
 * What a route asks of the document through its `handle` export (decision 029).
 *
 * - `hydrate`: the page needs React in the browser (staff pages, the sandbox's
 *   pages). A page hydrates when any of its matched routes says so; every
 *   other page is sent without Remix's scripts and modulepreload links.
 * - `modules`: small plain ES modules (built from `*.module.ts` into
 *   public/modules/) that enhance the page whether or not it hydrates.
 */
export const PAGE_MODULES = ["quick-exit", "donation-form"] as const;
export type PageModule = (typeof PAGE_MODULES)[number];

export interface PageHandle {
  hydrate?: boolean;
  modules?: readonly PageModule[];
}

/** The handle of a route whose page hydrates. */
export const HYDRATE: PageHandle = { hydrate: true };

function handleOf(match: UIMatch): PageHandle {
  const handle = match.handle;
  return handle && typeof handle === "object" ? (handle as PageHandle) : {};
}

/** One rule for the whole document: hydrate when any matched route asks; modules of every matched route, once each, in order. */
export function documentScripts(matches: UIMatch[]): { hydrate: boolean; modules: PageModule[] } {
  const handles = matches.map(handleOf);
  const modules = new Set<PageModule>();
  for (const handle of handles) for (const module of handle.modules ?? []) modules.add(module);
  return { hydrate: handles.some((handle) => handle.hydrate === true), modules: [...modules] };
}

/** Where the browser finds a page module. */
export function pageModuleUrl(module: PageModule): string {
  return `/modules/${module}.js`;
}
