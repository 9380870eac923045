import fs from "node:fs";

import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { describe, expect, it } from "vitest";

import { pathOfSiteRoute } from "~/i18n/language-routes.js";

/**
 * Each public page is mounted again under /:lang with a path worked out by
 * language-routes.js; it must be the path Remix's own flat routes give the
 * original, or the page's other-language address is a 404.
 */
describe("the /:lang copies of the public pages", () => {
  const manifest = flatRoutes("app", ["**/*.test.*", "**/.*"]);
  const sitePages = Object.values(manifest).filter((route) => route.id.startsWith("routes/_site."));

  it("cover pages directly under the public frame only (no nested layouts)", () => {
    expect(sitePages.length).toBeGreaterThan(5);
    expect(sitePages.filter((route) => route.parentId !== "routes/_site").map((route) => route.id)).toEqual([]);
  });

  it("have the path Remix gives the page itself, for every public route file", () => {
    const files = fs.readdirSync("app/routes").filter((file) => /^_site\..+\.tsx?$/.test(file));
    expect(files.length).toBe(sitePages.length);
    for (const route of sitePages) {
      const name = route.id.slice("routes/".length);
      expect({ name, path: pathOfSiteRoute(name) }).toEqual({ name, path: route.path });
    }
  });

  it("read a layout-escaping segment and an escaped dot as Remix does", () => {
    expect(pathOfSiteRoute("_site.give.portal_.card.$token")).toBe("give/portal/card/:token");
    expect(pathOfSiteRoute("_site.feed[.]xml")).toBe("feed.xml");
    expect(pathOfSiteRoute("_site._index")).toBeUndefined();
    expect(pathOfSiteRoute("_site.$")).toBe("*");
  });
});
