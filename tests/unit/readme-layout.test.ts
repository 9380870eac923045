import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

/**
 * README's layout section is the map newcomers follow: it names every folder
 * of app/ and, on that folder's line, each of its data modules (the files
 * allowed to touch the database), so the map cannot drift from the tree.
 */
const root = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const layout = /## Layout\n[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
const appLines = layout.split("\n");

/** The layout's line for a folder directly under app/ ("  campaigns/  ..."). */
function lineOf(folder: string): string | undefined {
  return appLines.find((line) => line.startsWith(`  ${folder}/ `));
}

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

const appDir = path.join(root, "app");
// app/generated is written by `prisma generate` and not part of the tree.
const folders = fs
  .readdirSync(appDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "generated")
  .map((entry) => entry.name);

describe("README's layout section", () => {
  it("has a layout block", () => {
    expect(layout).toContain("app/\n");
  });

  it.each(folders)("names app/%s/ with each of its data modules", (folder) => {
    const line = lineOf(folder);
    expect(line, `README's layout has no line for app/${folder}/`).toBeDefined();
    const dataModules = filesBelow(path.join(appDir, folder))
      .map((file) => path.basename(file))
      .filter((name) => name.endsWith(".data.server.ts"))
      .map((name) => name.replace(/\.server\.ts$/, ""));
    for (const name of dataModules) expect(line, `app/${folder}/ line`).toMatch(new RegExp(`\\b${name.replace(".", "\\.")}\\b`));
  });

  it("names every folder of app/components/", () => {
    const block = layout.slice(layout.indexOf("  components/"));
    for (const entry of fs.readdirSync(path.join(appDir, "components"), { withFileTypes: true }).filter((e) => e.isDirectory())) {
      expect(block).toContain(`    ${entry.name}/ `);
    }
  });
});
