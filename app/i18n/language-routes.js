/**
 * The public pages (app/routes/_site.*) are mounted a second time under a
 * language prefix, /:lang, with the same modules: /es/campaigns/x is the
 * Spanish campaign page, /campaigns/x the default language's. Route ids of
 * the copies start with "lang/"; the originals keep theirs. Files are read
 * from app/routes, so a new public page is prefixed without being listed.
 *
 * A `_site` route file becomes a path the way Remix's flat routes name it:
 * dots are slashes, `$name` a parameter, `_index` the index, `$` a splat, a
 * trailing `_` leaves the parent's layout (`portal_.card` is `portal/card`), `[.]` escapes.
 * Public pages are flat (no `_site.x.tsx` layout under the frame), which is
 * what this assumes.
 *
 * Plain JavaScript: remix.config.js imports it before anything is compiled.
 */

/** Public pages that stay in one language (staff tools under the public frame). */
const UNPREFIXED = new Set(["_site.sandbox.dashboard"]);

/** "_site.campaigns.$slug" -> "campaigns/:slug"; undefined for the index. */
export function pathOfSiteRoute(name) {
  const segments = name
    .split(/\.(?![^[]*\])/)
    .slice(1)
    // "_index" and pathless "_layout" segments add nothing to the path; "portal_" is "portal" without its layout.
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    .map((segment) => segment.replace(/_$/, "").replace(/\[(.*?)\]/g, "$1"))
    .map((segment) => (segment === "$" ? "*" : segment.startsWith("$") ? `:${segment.slice(1)}` : segment));
  return segments.length === 0 ? undefined : segments.join("/");
}

/** @param {(callback: (route: Function) => void) => unknown} defineRoutes */
export function languageRoutes(defineRoutes, files) {
  const pages = files
    .filter((file) => /^_site\..+\.tsx?$/.test(file))
    .map((file) => ({ file, name: file.replace(/\.tsx?$/, "") }))
    .filter(({ name }) => !UNPREFIXED.has(name))
    .sort((a, b) => a.name.localeCompare(b.name));
  const layout = files.find((file) => /^_site\.tsx?$/.test(file));
  const notFound = files.find((file) => /^\$\.tsx?$/.test(file));
  if (!layout) return {};
  return defineRoutes((route) => {
    route(":lang", `routes/${layout}`, { id: "lang/routes/_site" }, () => {
      for (const { file, name } of pages) {
        const path = pathOfSiteRoute(name);
        const id = `lang/routes/${name}`;
        if (path === undefined) route(undefined, `routes/${file}`, { id, index: true });
        else route(path, `routes/${file}`, { id });
      }
      // An unknown address under a language prefix: the 404 in that language.
      if (notFound) route("*", `routes/${notFound}`, { id: "lang/routes/$" });
    });
  });
}
