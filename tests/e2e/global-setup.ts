import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { freePort } from "../support/free-port";
import { buildSite } from "../support/site-build";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's DATA_DIR: its emails are .eml files in outbox/ there. */
    dataDir: string;
    staffAccounts: { admin: StaffLogin; viewer: StaffLogin };
  }
}

interface StaffLogin {
  email: string;
  password: string;
}

/** Staff accounts made the way an operator makes them: with `npm run staff:create`. */
const STAFF_ACCOUNTS = {
  admin: { email: "e2e-admin@example.org", password: "harbour lights at dusk", name: "Ellis Admin" },
  viewer: { email: "e2e-viewer@example.org", password: "quiet ledger of gifts", name: "Vera Viewer" },
};

/**
 * Builds the site, seeds a fresh embedded database and starts the production
 * server on 127.0.0.1, as a visitor would meet it.
 */
export default async function setup(project: TestProject) {
  const root = process.cwd();
  buildSite();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
    DATABASE_URL: "",
    STRIPE_SECRET_KEY: "",
    // A production server without a Stripe key runs the sandbox only when asked to (a demo site).
    STRIPE_SANDBOX: "1",
    // Every browser test signs in from 127.0.0.1; the limit itself is tested in tests/integration.
    STAFF_SIGNIN_RATE_LIMIT: "100",
    STAFF_SIGNIN_ADDRESS_LIMIT: "1000",
    // Every gift of every browser test comes from 127.0.0.1 too; the checkout limit is tested in tests/integration.
    CHECKOUT_RATE_LIMIT: "1000",
    // Browser tests ask for manage links from one address; the limit itself is tested in integration.
    MANAGE_LINK_RATE_LIMIT: "1000",
    // The browser tests look at totals right after a gift; the page memory is tested in app-in-process.test.ts.
    PUBLIC_PAGE_MEMORY_SECONDS: "0",
    // Emails (the donor portal's link) reach the outbox folder within a second or two.
    EMAIL_SEND_INTERVAL_SECONDS: "1",
  };
  const seed = spawnSync("npx", ["--no-install", "tsx", "scripts/db/seed.ts"], { cwd: root, env, encoding: "utf8" });
  if (seed.status !== 0) throw new Error(`seed failed:\n${seed.stdout}\n${seed.stderr}`);
  for (const [role, account] of Object.entries(STAFF_ACCOUNTS)) {
    const created = spawnSync(
      "npx",
      ["--no-install", "tsx", "scripts/staff/create.ts", "--email", account.email, "--name", account.name, "--role", role],
      { cwd: root, env: { ...env, STAFF_PASSWORD: account.password }, encoding: "utf8" },
    );
    if (created.status !== 0) throw new Error(`staff:create failed:\n${created.stdout}\n${created.stderr}`);
  }

  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  project.provide("baseUrl", baseUrl);
  project.provide("dataDir", dataDir);
  project.provide("staffAccounts", STAFF_ACCOUNTS);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        server.kill("SIGKILL");
        resolve(undefined);
      }, 5_000);
      server.once("exit", () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
