import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort } from "../support/free-port";
import { payCheckout, startCheckout } from "../support/http-giving";
import { seedDatabase, startServer, stopAllServers, waitUntil, type ServerOptions } from "../support/server-process";

/**
 * DATA_DIR holds every donor's data, the outbox's receipts and live manage
 * links (decision 020). Started the way a careless operator would (umask 022,
 * a folder left world-writable, an old .eml file readable by everyone), the
 * server must leave every folder in it 0700 and every file 0600: PGlite's
 * unpacked database and the outbox's files included.
 */
function modes(root: string): { dirs: Map<string, number>; files: Map<string, number> } {
  const dirs = new Map<string, number>();
  const files = new Map<string, number>();
  const visit = (target: string) => {
    const stat = fs.lstatSync(target);
    if (stat.isDirectory()) {
      dirs.set(path.relative(root, target) || ".", stat.mode & 0o777);
      for (const entry of fs.readdirSync(target)) visit(path.join(target, entry));
    } else {
      files.set(path.relative(root, target), stat.mode & 0o777);
    }
  };
  visit(root);
  return { dirs, files };
}

function loose(found: Map<string, number>, wanted: number): string[] {
  return [...found].filter(([, mode]) => mode !== wanted).map(([name, mode]) => `${name} ${mode.toString(8)}`);
}

describe("DATA_DIR under a permissive umask", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-modes-"));
  let previousUmask = 0;
  let options: ServerOptions;

  beforeAll(async () => {
    // Child processes inherit the umask: the server starts as from a shell with umask 022.
    previousUmask = process.umask(0o022);
    fs.chmodSync(dataDir, 0o777);
    fs.mkdirSync(path.join(dataDir, "outbox"), { mode: 0o777 });
    fs.chmodSync(path.join(dataDir, "outbox"), 0o777);
    fs.writeFileSync(path.join(dataDir, "outbox", "from-an-older-version.eml"), "Subject: old\n\nold", { mode: 0o644 });
    options = { port: await freePort(), dataDir, env: { EMAIL_SEND_INTERVAL_SECONDS: "1" } };
  });

  afterAll(async () => {
    await stopAllServers();
    process.umask(previousUmask);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("is 0700 for every folder and 0600 for every file, database and outbox included, while the server runs and after", async () => {
    seedDatabase(options);
    const server = await startServer(options);
    const email = "modes@example.org";
    const sessionId = await startCheckout(server.baseUrl, { amount: 2_500, email });
    expect((await payCheckout(server.baseUrl, sessionId, email)).status).toBe(303);
    // The sender writes the receipt as an .eml file within a second or two.
    await waitUntil(30_000, 200, () => fs.readdirSync(path.join(dataDir, "outbox")).length >= 2, "the receipt's .eml file");

    const running = modes(dataDir);
    expect(running.files.size).toBeGreaterThan(900); // PGlite's files are in the count
    expect(
      [...running.files.keys()].some(
        (name) => name.startsWith(`outbox${path.sep}`) && name !== path.join("outbox", "from-an-older-version.eml"),
      ),
    ).toBe(true);
    expect(loose(running.dirs, 0o700)).toEqual([]);
    expect(loose(running.files, 0o600)).toEqual([]);

    await server.stop();
    const stopped = modes(dataDir);
    expect(loose(stopped.dirs, 0o700)).toEqual([]);
    expect(loose(stopped.files, 0o600)).toEqual([]);
  });
});
