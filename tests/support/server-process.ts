import { spawn, spawnSync, type ChildProcess } from "node:child_process";

import { TEST_WEBHOOK_SECRET } from "./test-env";

/**
 * The production server (`node --import tsx server.ts` on the built site) as
 * a child process on 127.0.0.1, for tests that need a real process: one they
 * can cut off from its database or kill outright.
 */
export interface ServerProcess {
  baseUrl: string;
  /** The server's process id (for benchmarks that read its CPU time). */
  pid: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends a signal and waits (bounded) until the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  port: number;
  dataDir: string;
  /** Unset: the embedded database in dataDir. */
  databaseUrl?: string;
  /** Anything else to set (or override) in the server's environment. */
  env?: Record<string, string>;
}

const running = new Set<ChildProcess>();

/** The environment a test server runs with: production, sandbox Stripe, the test signing secret. */
export function serverEnv(options: ServerOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(options.port),
    APP_URL: `http://127.0.0.1:${options.port}`,
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? "",
    SESSION_SECRET: "fault-test-session-secret-0123456789abcdef0123",
    STRIPE_SECRET_KEY: "",
    // Production without a key refuses to start unless the sandbox is asked for.
    STRIPE_SANDBOX: "1",
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    SMTP_URL: "",
    // Outbox sending is not under test here; receipts stay queued for the assertions.
    EMAIL_SEND_INTERVAL_SECONDS: "0",
    // Every request reaches the database (a page kept in memory would hide an outage).
    PUBLIC_PAGE_MEMORY_SECONDS: "0",
    ...options.env,
  };
}

/** `npm run db:seed` against the server's database (while no server holds an embedded one). */
export function seedDatabase(options: ServerOptions): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/seed.ts"], {
    cwd: process.cwd(),
    env: serverEnv(options),
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`seeding failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
}

/** Starts the server and waits (at most 120 s: start-up checks migrations) until it listens. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: process.cwd(),
    env: serverEnv(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => running.delete(child));

  const kill = async (signal: NodeJS.Signals, waitMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  };
  const server: ServerProcess = {
    baseUrl: `http://127.0.0.1:${options.port}`,
    pid: child.pid ?? 0,
    output: () => output,
    kill: (signal) => kill(signal),
    stop: async () => {
      await kill("SIGTERM");
      await kill("SIGKILL");
    },
  };

  await waitUntil(
    120_000,
    100,
    () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before listening`);
      }
      return output.includes("Lantern on ");
    },
    "the server to listen",
  ).catch(async (error: unknown) => {
    await server.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; it printed:\n${output}`);
  });
  return server;
}

/** Kills every server this file started and has not stopped yet (for afterAll). */
export async function stopAllServers(): Promise<void> {
  for (const child of running) {
    child.kill("SIGKILL");
  }
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once("exit", resolve))),
    ),
  );
}

/**
 * Polls `check` every `intervalMs` until it returns something truthy, or
 * throws when `timeoutMs` has passed. A bound, not a timed assertion.
 */
export async function waitUntil<T>(
  timeoutMs: number,
  intervalMs: number,
  check: () => T | Promise<T>,
  what = "the condition",
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
