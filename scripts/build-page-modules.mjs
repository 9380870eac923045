/**
 * Builds the public pages' plain ES modules (decision 029): each `*.module.ts`
 * below, with what it imports from app/, bundled and minified into
 * public/modules/<name>.js, whose `start()` runs when the page loads. No React,
 * no Remix: a page that does not hydrate loads only these.
 *
 *   node scripts/build-page-modules.mjs      (part of npm run build and npm run dev)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Module name (as routes name it in handle.modules, app/utils/page-handle.ts) → its source. */
export const PAGE_MODULE_SOURCES = {
  "quick-exit": "app/components/site/quick-exit.module.ts",
  "donation-form": "app/giving/donation-form.module.ts",
};

export const OUT_DIR = path.join(root, "public/modules");

export async function buildPageModules() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, source] of Object.entries(PAGE_MODULE_SOURCES)) {
    await build({
      stdin: {
        contents: `import { start } from ${JSON.stringify(path.join(root, source))};\nstart();\n`,
        resolveDir: root,
        loader: "ts",
        sourcefile: `${name}.entry.ts`,
      },
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2020",
      minify: true,
      legalComments: "none",
      tsconfig: path.join(root, "tsconfig.json"),
      outfile: path.join(OUT_DIR, `${name}.js`),
      logLevel: "warning",
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildPageModules();
}
