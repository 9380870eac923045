import type { MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";

import { translator } from "~/i18n/i18n";

/** Title, description and Open Graph tags for a page, in one shape. */
export function pageMeta({
  title,
  description,
  siteName,
  url,
  type = "website",
  locale,
}: {
  title: string;
  description: string;
  siteName: string;
  url?: string;
  type?: "website" | "article";
  /** The page's locale ("es-US"); Open Graph writes it "es_US". */
  locale?: string;
}): MetaDescriptor[] {
  const fullTitle = title === siteName ? title : `${title} | ${siteName}`;
  const tags: MetaDescriptor[] = [
    { title: fullTitle },
    { name: "description", content: description },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:type", content: type },
    { property: "og:site_name", content: siteName },
    { name: "twitter:card", content: "summary" },
  ];
  if (url) tags.push({ property: "og:url", content: url });
  if (locale) tags.push({ property: "og:locale", content: locale.replace("-", "_") });
  return tags;
}

/**
 * Keeps a page out of search results and its links unfollowed: staff pages,
 * a donor's own pages, the sandbox. The same words as the X-Robots-Tag that
 * staff responses carry (~/staff/headers).
 */
export const NOINDEX: MetaDescriptor = { name: "robots", content: "noindex, nofollow" };

/**
 * The meta of a page that must not be indexed. Remix uses only the deepest
 * route's meta, so every such page says it itself, through this.
 */
export function privatePageMeta(title: string, ...more: MetaDescriptor[]): MetaDescriptor[] {
  return [{ title }, NOINDEX, ...more];
}

/**
 * A staff page: "<title> | Staff" (the catalogue's `staff.layout.pageTitle`,
 * in the language of `t`: the site's default, see ~/staff/staff-text), never indexed.
 */
export function staffPageMeta(title: string, t: TFunction = translator("en")): MetaDescriptor[] {
  return privatePageMeta(t("staff.layout.pageTitle", { title }));
}
