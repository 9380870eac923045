/**
 * Recognises "the database cannot be reached right now" among errors: the
 * server is down or restarting, a connection was cut, or no connection could
 * be had in time. Such a failure says nothing about the request itself, so the
 * site answers 503 (try again later) instead of 500.
 *
 * The error arrives in several shapes, depending on where it was raised:
 * Prisma's own error (`code` P1001 ...) carrying the driver adapter's error in
 * `meta.driverAdapterError` (its `cause.kind` is DatabaseNotReachable ...),
 * or node-postgres' error as is (a socket error code, a SQLSTATE, or a plain
 * "Connection terminated" message). Every link of the chain is looked at.
 */

/** Prisma: can't reach, timed out reaching, operation timed out, connection closed, pool timeout, too many connections. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);

/** What @prisma/adapter-pg reports for the same conditions. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);

/**
 * SQLSTATE: class 08 (connection exception), 57P01 admin shutdown, 57P02
 * crash shutdown, 57P03 cannot connect now (starting or stopping), 53300
 * too many connections.
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;

/** node-postgres' messages for a connection that ended or never came. */
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|is not queryable|Can't reach database server|Server has closed the connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  return linksOf(error).some(isUnavailableLink);
}

function isUnavailableLink(link: Record<string, unknown>): boolean {
  const code = typeof link.code === "string" ? link.code : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
  if (typeof link.kind === "string") {
    if (ADAPTER_KINDS.has(link.kind)) return true;
    if (link.kind === "postgres" && typeof link.code === "string" && SQLSTATE.test(link.code)) return true;
  }
  return typeof link.message === "string" && DRIVER_MESSAGES.test(link.message);
}

/** The error and what it wraps: `cause`, Prisma's `meta.driverAdapterError`, an AggregateError's `errors`. */
function linksOf(error: unknown): Record<string, unknown>[] {
  const links: Record<string, unknown>[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && links.length < 20) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || links.includes(next as Record<string, unknown>)) continue;
    const link = next as Record<string, unknown>;
    links.push(link);
    queue.push(link.cause);
    if (typeof link.meta === "object" && link.meta !== null) queue.push((link.meta as Record<string, unknown>).driverAdapterError);
    if (Array.isArray(link.errors)) queue.push(...(link.errors as unknown[]));
  }
  return links;
}

/** One line for the log: the first message in the chain, without Prisma's multi-line preamble. */
export function describeDatabaseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? "unknown error";
}
