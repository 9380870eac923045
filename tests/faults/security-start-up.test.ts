import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { serverEnv } from "../support/server-process";

/**
 * A careless operator's production start (decision 020): without a Stripe
 * key the server used to run the sandbox and send real-looking receipts. It
 * now refuses with one line unless STRIPE_SANDBOX=1 asks for a demo site.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-start-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: process.cwd(),
    env: serverEnv({ port: 1, dataDir, env }),
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, lines: result.stderr.split("\n").filter((line) => line.trim() !== "") };
}

describe("a production start", () => {
  it("without a Stripe key and without STRIPE_SANDBOX=1 refuses with one line, writing nothing", () => {
    for (const sandbox of ["", "0"]) {
      const refused = start({ STRIPE_SANDBOX: sandbox });
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe("");
      expect(refused.lines).toEqual([
        expect.stringMatching(/^Lantern cannot start: STRIPE_SECRET_KEY is required in production \(.*STRIPE_SANDBOX=1.*\)\./),
      ]);
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("with STRIPE_SANDBOX=1 next to a Stripe key refuses with one line too", () => {
    const refused = start({ STRIPE_SANDBOX: "1", STRIPE_SECRET_KEY: "sk_live_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc" });
    expect(refused.status).toBe(1);
    expect(refused.lines).toEqual([
      expect.stringMatching(/^Lantern cannot start: STRIPE_SANDBOX cannot be on while STRIPE_SECRET_KEY is set/),
    ]);
  });
});
