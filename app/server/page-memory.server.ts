import type { StoredPage } from "~/server/revalidation.server";

/**
 * A few seconds' memory of rendered public pages (the home page, campaign
 * pages), per URL. On a campaign-day rush most visitors then get a page
 * rendered moments ago, and a revalidation is answered without rendering,
 * while a new total still shows within those seconds. Only responses that a
 * shared cache may store anyway come here (app/server/revalidation.server.ts);
 * anything private or with a cookie never does.
 */
export interface PageMemory {
  get(key: string): StoredPage | undefined;
  set(key: string, page: StoredPage): void;
  /** Forgets every page (staff changed something a public page may show). */
  clear(): void;
}

/**
 * Whether a request may have changed what public pages show, so that this
 * instance forgets them at once: any staff change that succeeded (publishing
 * or archiving a campaign above all). Other instances catch up within their
 * few seconds; gifts change totals only, which may lag that long.
 */
export function changesPublicPages(method: string, path: string, status: number): boolean {
  if (method === "GET" || method === "HEAD" || status >= 400) return false;
  return path === "/admin" || path.startsWith("/admin/");
}

export function createPageMemory(options: { seconds: number; maxEntries?: number; now?: () => number }): PageMemory | undefined {
  if (options.seconds <= 0) return undefined;
  const ttlMs = options.seconds * 1000;
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  // Insertion order is age order: the first entry is the oldest.
  const pages = new Map<string, { page: StoredPage; expires: number }>();
  return {
    get(key) {
      const entry = pages.get(key);
      if (!entry) return undefined;
      if (entry.expires > now()) return entry.page;
      pages.delete(key);
      return undefined;
    },
    set(key, page) {
      pages.delete(key);
      pages.set(key, { page, expires: now() + ttlMs });
      // Arbitrary query strings must not grow memory without bound.
      while (pages.size > maxEntries) pages.delete(pages.keys().next().value as string);
    },
    clear() {
      pages.clear();
    },
  };
}
