import fs from "node:fs";
import path from "node:path";

/**
 * Every route module under /admin, found on disk (flat routes: `admin.tsx`,
 * `admin.*`, `admin_.*`), so a new staff page is checked by the tests that
 * walk them without anyone remembering to add it.
 */
export const ROUTES_DIR = path.resolve("app/routes");

export interface StaffRouteFile {
  /** The route's file name without its extension, e.g. "admin.donations.$donationId". */
  route: string;
  file: string;
}

export function staffRouteFiles(): StaffRouteFile[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((file) => /^admin[._]/.test(file) || /^admin\.tsx?$/.test(file))
    .map((file) => ({ route: file.replace(/\.tsx?$/, ""), file: path.join(ROUTES_DIR, file) }));
}

/**
 * The URL a flat route answers at, with each `$param` segment filled from
 * `values` (or a new UUID, also returned in `params`).
 */
export function routeUrl(route: string, values: Record<string, string> = {}): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments = route
    .replace(/_index$/, "")
    .replace(/\[\.\]/g, "~")
    .split(".")
    .filter(Boolean)
    .filter((segment) => !/^_[^.]*$/.test(segment) || segment.endsWith("_"))
    .map((segment) => {
      const clean = segment.replace(/_$/, "").replaceAll("~", ".");
      if (clean.startsWith("$")) {
        const name = clean.slice(1);
        params[name] = values[name] ?? crypto.randomUUID();
        return params[name];
      }
      return clean;
    });
  return { url: `/${segments.join("/")}`, params };
}
