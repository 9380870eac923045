import { spawnSync } from "node:child_process";

const built = Symbol.for("lantern.tests.siteBuilt");
const registry = globalThis as typeof globalThis & { [built]?: boolean };

/**
 * Builds the production site (`remix build` into build/ and public/build/,
 * the page modules into public/modules/)
 * once per test run, however many global setups ask for it: they all run in
 * Vitest's main process, one after the other, before any test.
 */
export function buildSite(): void {
  if (registry[built]) return;
  // Vitest sets NODE_ENV=test; the site under test is the production build.
  const result = spawnSync("npx", ["--no-install", "remix", "build"], {
    cwd: process.cwd(),
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`remix build failed:\n${result.stdout}\n${result.stderr}`);
  // The public pages' plain modules (public/modules/), as npm run build makes them.
  const modules = spawnSync("node", ["scripts/build-page-modules.mjs"], { cwd: process.cwd(), encoding: "utf8", timeout: 120_000 });
  if (modules.status !== 0) throw new Error(`building the page modules failed:\n${modules.stdout}\n${modules.stderr}`);
  registry[built] = true;
}
