import type { MetaDescriptor } from "@remix-run/node";

/** Title, description and Open Graph tags for a page, in one shape. */
export function pageMeta({
  title,
  description,
  siteName,
  url,
  type = "website",
}: {
  title: string;
  description: string;
  siteName: string;
  url?: string;
  type?: "website" | "article";
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
  return tags;
}
