/**
 * CPU time spent by other processes on this machine (Linux /proc), so the
 * benchmark can report CPU milliseconds per event next to events per second:
 * on a shared machine the rate swings with what else runs, the CPU a unit of
 * work costs much less. The server under test and, on PostgreSQL, the
 * database's own backends are measured separately.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

import pg from "pg";

const ticksPerSecond = (() => {
  const answer = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const value = Number(answer.stdout?.trim());
  return Number.isFinite(value) && value > 0 ? value : 100;
})();

/** User + system CPU milliseconds a process has used so far; null when it is gone or /proc is absent. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; the fields after its ")" are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return ((utime + stime) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/**
 * CPU used since `start()` by one process and, given a PostgreSQL URL, by the
 * server backends connected to that database (the app's pool keeps its
 * connections, so they are alive when `stop()` reads them).
 */
export function cpuMeter(pid: number, databaseUrl?: string) {
  let processStart = 0;
  const backendStart = new Map<number, number>();
  const backends = async (): Promise<Map<number, number>> => {
    const found = new Map<number, number>();
    if (!databaseUrl) return found;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      for (const row of rows) {
        const ms = processCpuMs(row.pid);
        if (ms !== null) found.set(row.pid, ms);
      }
    } finally {
      await client.end();
    }
    return found;
  };
  return {
    async start(): Promise<void> {
      processStart = processCpuMs(pid) ?? 0;
      for (const [backend, ms] of await backends()) backendStart.set(backend, ms);
    },
    /** Milliseconds of CPU since start(): the process's, and the database backends' (null without a URL). */
    async stop(): Promise<{ processMs: number; databaseMs: number | null }> {
      const processMs = (processCpuMs(pid) ?? processStart) - processStart;
      if (!databaseUrl) return { processMs, databaseMs: null };
      let databaseMs = 0;
      for (const [backend, ms] of await backends()) databaseMs += ms - (backendStart.get(backend) ?? 0);
      return { processMs, databaseMs };
    },
  };
}
