import { describe, expect, it } from "vitest";

import { describeDatabaseError, isDatabaseUnavailable } from "~/db/unavailable.server";

/** The shapes seen from a stopped PostgreSQL server (see tests/faults/database-outage.test.ts). */
function prismaError(code: string, message: string, cause?: Record<string, unknown>) {
  return Object.assign(new Error(`\nInvalid \`prisma.organisation.findUnique()\` invocation:\n\n\n${message}`), {
    code,
    meta: cause ? { driverAdapterError: Object.assign(new Error(String(cause.kind)), { cause }) } : undefined,
  });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "Prisma cannot reach the server",
      prismaError("P1001", "Can't reach database server at 127.0.0.1:5432", { kind: "DatabaseNotReachable" }),
    ],
    ["Prisma's connection closed", prismaError("P1017", "Server has closed the connection.", { kind: "ConnectionClosed" })],
    ["a raw query on a terminated session", prismaError("P2010", "Raw query failed.", { kind: "postgres", code: "57P01" })],
    ["a server shutting down", Object.assign(new Error("the database system is shutting down"), { code: "57P03", severity: "FATAL" })],
    [
      "a refused socket",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 }),
    ],
    ["both addresses of localhost refused", new AggregateError([Object.assign(new Error("refused"), { code: "ECONNREFUSED" })], "")],
    ["node-postgres losing its connection", new Error("Connection terminated unexpectedly")],
    ["node-postgres failing to connect in time", new Error("timeout exceeded when trying to connect")],
    ["a wrapped cause", new Error("Loading the campaign failed", { cause: new Error("Connection terminated unexpectedly") })],
  ])("recognises %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002", "Unique constraint failed", { kind: "UniqueConstraintViolation" })],
    ["another database error", prismaError("P2010", "Raw query failed.", { kind: "postgres", code: "42601" })],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["a thrown response", new Response(null, { status: 404 })],
    ["nothing", undefined],
    ["a string", "ECONNREFUSED"],
  ])("leaves alone %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("survives an error that is its own cause", () => {
    const error = new Error("loop") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("describeDatabaseError", () => {
  it("keeps the last line of Prisma's message", () => {
    expect(describeDatabaseError(prismaError("P1001", "Can't reach database server at 127.0.0.1:5432"))).toBe(
      "Can't reach database server at 127.0.0.1:5432",
    );
  });
});
