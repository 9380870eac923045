import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { makeTreePrivate, prepareDataDir, writePrivateFile } from "~/utils/private-files.server";

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-private-"));
  made.push(dir);
  return dir;
}
const mode = (target: string) => fs.statSync(target).mode & 0o777;

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("private files", () => {
  it("makes a world-writable tree 0700 / 0600 and leaves symbolic links alone", () => {
    const root = tempDir();
    const outside = path.join(tempDir(), "outside.txt");
    fs.writeFileSync(outside, "not ours");
    fs.chmodSync(outside, 0o644);
    fs.mkdirSync(path.join(root, "a", "b"), { recursive: true });
    fs.writeFileSync(path.join(root, "a", "b", "file"), "x");
    for (const target of [root, path.join(root, "a"), path.join(root, "a", "b"), path.join(root, "a", "b", "file")])
      fs.chmodSync(target, 0o777);
    fs.symlinkSync(outside, path.join(root, "link"));

    makeTreePrivate(root);
    expect([root, path.join(root, "a"), path.join(root, "a", "b")].map(mode)).toEqual([0o700, 0o700, 0o700]);
    expect(mode(path.join(root, "a", "b", "file"))).toBe(0o600);
    expect(mode(outside)).toBe(0o644);
  });

  it("writes a file 0600 even over one that was readable by everyone", () => {
    const file = path.join(tempDir(), "secrets.json");
    fs.writeFileSync(file, "{}", { mode: 0o666 });
    fs.chmodSync(file, 0o666);
    writePrivateFile(file, '{"a":1}');
    expect(mode(file)).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toBe('{"a":1}');
  });

  it("refuses a DATA_DIR that is not Lantern's own, before changing anything", () => {
    expect(() => prepareDataDir("/")).toThrow(/file-system root/);
    expect(() => prepareDataDir(process.cwd())).toThrow(/the folder Lantern runs from/);
    expect(() => prepareDataDir(path.dirname(process.cwd()))).toThrow(/the folder Lantern runs from/);
    const shared = tempDir();
    fs.chmodSync(shared, 0o1777);
    expect(() => prepareDataDir(shared)).toThrow(/shared folder/);
    expect(mode(shared)).toBe(0o777);
  });

  it("creates a missing DATA_DIR private", () => {
    const dir = path.join(tempDir(), "data", "nested");
    prepareDataDir(dir);
    expect(mode(dir)).toBe(0o700);
  });
});
