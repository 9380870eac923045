import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "./free-port";

/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temporary folder,
 * listening on 127.0.0.1 only, on a free port. PostgreSQL refuses to run as
 * root, so as root the binaries run as the `postgres` user.
 */
export interface Cluster {
  url: string;
  /** Stops the server for good and deletes its folder. */
  stop(): void;
  /** Stops the server, keeping its data: "fast" ends sessions cleanly, "immediate" is a crash. */
  halt(mode: "fast" | "immediate"): void;
  /** Starts a halted server again, on the same data and port. */
  resume(): void;
}

export function findPostgresBin(): string | undefined {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv && fs.existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
}

/**
 * The server binaries for a fault test that stops and starts its own cluster
 * (a server named by TEST_PG_URL cannot be stopped from a test); when there
 * are none, prints why `what` is skipped.
 */
export function clusterBinariesFor(what: string): string | undefined {
  const bin = process.env.LANTERN_SKIP_POSTGRES === "1" ? undefined : findPostgresBin();
  if (!bin) {
    const why =
      process.env.LANTERN_SKIP_POSTGRES === "1" ? "LANTERN_SKIP_POSTGRES=1" : "no PostgreSQL server binaries (Debian package `postgresql`)";
    console.warn(`${what} skipped: ${why}.`);
  }
  return bin;
}

export async function startThrowawayCluster(binDir: string): Promise<Cluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-pg-"));
  const dataDir = path.join(dir, "data");
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(binDir, command), ...args]]
      : [path.join(binDir, command), args];
    const result = spawnSync(file, argv as string[], { encoding: "utf8", cwd: dir });
    if (result.status !== 0) {
      throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  };
  const user = asRoot ? "postgres" : os.userInfo().username;
  run("initdb", ["-D", dataDir, "-U", user, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  let running = false;
  const start = () => {
    run("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      "start",
    ]);
    running = true;
  };
  const halt = (mode: "fast" | "immediate") => {
    run("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "stop"]);
    running = false;
  };
  start();
  return {
    url: `postgresql://${user}@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        if (running) halt("immediate");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    halt,
    resume: start,
  };
}
