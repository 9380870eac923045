/** @type {import('@remix-run/dev').AppConfig} */
export default {
  appDirectory: "app",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  postcss: true,
  ignoredRouteFiles: ["**/*.test.*", "**/.*"],
  watchPaths: ["./app/generated/**/*"],
  future: {
    v3_fetcherPersist: true,
    v3_lazyRouteDiscovery: true,
    v3_relativeSplatPath: true,
    v3_singleFetch: true,
    v3_throwAbortReason: true,
  },
};
