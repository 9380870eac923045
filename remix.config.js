import { readdirSync } from "node:fs";

import { languageRoutes } from "./app/i18n/language-routes.js";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  appDirectory: "app",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  postcss: true,
  ignoredRouteFiles: ["**/*.test.*", "**/.*"],
  watchPaths: ["./app/generated/**/*"],
  // The public pages once more under /:lang (/es/campaigns/…): see app/i18n/language-routes.js.
  routes: (defineRoutes) => languageRoutes(defineRoutes, readdirSync("app/routes")),
  future: {
    v3_fetcherPersist: true,
    v3_lazyRouteDiscovery: true,
    v3_relativeSplatPath: true,
    v3_singleFetch: true,
    v3_throwAbortReason: true,
  },
};
