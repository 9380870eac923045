import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { db } from "~/db/db.server";
import { loader as dashboardLoader } from "~/routes/admin._index";
import { action as signInAction } from "~/routes/admin_.sign-in";
import { signInPauseMs } from "~/staff/sign-in.server";
import { resetEnvCache } from "~/utils/env.server";

import { startAtWindowStart } from "../../support/fixed-window-clock";
import { formRequest, loaderArgs, outcome } from "../../support/requests";
import { signedInStaff, STAFF_PASSWORD } from "../../support/staff";

/**
 * An attacker who knows a staff member's email tries wrong passwords from
 * several addresses, to lock that person out (issue: five wrong passwords
 * from anywhere used to block the account for everyone for 15 minutes).
 * The limits here are the defaults except the slowdown, made to start
 * later and pause at most one second so the file runs quickly.
 */
beforeAll(() => {
  vi.stubEnv("STAFF_SIGNIN_SLOWDOWN_AFTER", "20");
  vi.stubEnv("STAFF_SIGNIN_SLOWDOWN_MAX_SECONDS", "1");
  resetEnvCache();
  startAtWindowStart();
});
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  resetEnvCache();
});

let ipSeed = 0;
const freshIp = () => `203.0.113.${++ipSeed}`;

async function attempt(email: string, password: string, ip: string) {
  const started = Date.now();
  let result;
  try {
    result = outcome<{ error: string }>(
      await signInAction({
        request: formRequest("/admin/sign-in", { email, password, next: "/admin" }),
        params: {},
        context: { clientIp: ip },
      }),
    );
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = outcome<{ error: string }>(thrown);
  }
  return { ...result, elapsedMs: Date.now() - started };
}

/** Five addresses, five wrong passwords each: every address reaches its own limit. */
async function lockoutAttack(email: string): Promise<number[]> {
  const addresses = Array.from({ length: 5 }, freshIp);
  const statuses = await Promise.all(
    addresses.map(async (ip) => {
      const seen: number[] = [];
      for (let i = 0; i < 6; i++) seen.push((await attempt(email, `not the password ${ip} ${i}`, ip)).status);
      return seen;
    }),
  );
  return statuses.flat();
}

describe("a lockout attack on a staff account", () => {
  it("from five addresses leaves the owner able to sign in from their own", async () => {
    const owner = await signedInStaff("admin", { email: "owner.lockout@example.org", name: "Owner Lockout", withPassword: true });
    const statuses = await lockoutAttack("owner.lockout@example.org");
    // Each address gets its five guesses (401), then is refused (429).
    expect(statuses.filter((status) => status === 401)).toHaveLength(25);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);

    const signIn = await attempt("OWNER.lockout@example.org", STAFF_PASSWORD, freshIp());
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(await dashboardLoader(loaderArgs("/admin", {}, { headers: { cookie } }))).toBeTruthy();
    expect(await db().auditLog.count({ where: { actorId: owner.user.id, action: "staff.sign_in" } })).toBe(1);
  }, 120_000);

  it("slows every further attempt on the account down instead of refusing it, for a known and an unknown email alike", async () => {
    await signedInStaff("admin", { email: "slowed@example.org", withPassword: true });
    await lockoutAttack("slowed@example.org");
    await lockoutAttack("nobody.slowed@example.org");
    for (const email of ["slowed@example.org", "nobody.slowed@example.org"]) {
      const slowed = await attempt(email, "another wrong guess", freshIp());
      expect(slowed.status).toBe(401);
      // 25 failures is past the threshold (20): the attempt waited a second before its password was checked.
      expect(slowed.elapsedMs).toBeGreaterThanOrEqual(1_000);
    }
  }, 120_000);

  it("emails the staff member once when the failures reach the threshold, and nobody for an unknown email", async () => {
    const target = await signedInStaff("viewer", { email: "alerted@example.org", name: "Alma Alerted", withPassword: true });
    await lockoutAttack("alerted@example.org");
    // Further failures in the same window send nothing more.
    for (let i = 0; i < 3; i++) await attempt("alerted@example.org", `still wrong ${i}`, freshIp());
    const alerts = await db().emailMessage.findMany({ where: { kind: "staff_sign_in_alert", toAddress: target.user.email } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.subject).toMatch(/failed sign-in attempts/);
    expect(alerts[0]?.textBody).toMatch(/Dear Alma Alerted/);
    expect(alerts[0]?.textBody).toMatch(/20 sign-in attempts with a wrong password/);
    expect(alerts[0]?.textBody).toMatch(/not locked/);

    await lockoutAttack("nobody.alerted@example.org");
    expect(await db().emailMessage.count({ where: { toAddress: "nobody.alerted@example.org" } })).toBe(0);
  }, 120_000);
});

describe("password spraying from one address", () => {
  it("is refused after 20 attempts on any accounts (the default), and the accounts it tried are not refused elsewhere", async () => {
    await signedInStaff("admin", { email: "sprayed@example.org", withPassword: true });
    const sprayer = freshIp();
    for (let i = 0; i < 20; i++) expect((await attempt(`spray${i}@example.org`, "Summer2026!", sprayer)).status).toBe(401);
    const refused = await attempt("sprayed@example.org", STAFF_PASSWORD, sprayer);
    expect(refused.status).toBe(429);
    expect(refused.data?.error).toMatch(/from your connection/);
    expect((await attempt("sprayed@example.org", STAFF_PASSWORD, freshIp())).status).toBe(303);
  }, 60_000);
});

describe("the pause per account", () => {
  it("starts at the threshold with one second, doubles, and stops at the maximum", () => {
    const limits = { slowAfter: 10, maxPauseMs: 10_000 };
    expect([0, 9, 10, 11, 12, 13, 14, 500].map((failures) => signInPauseMs(failures, limits))).toEqual([
      0, 0, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
    expect(signInPauseMs(50, { slowAfter: 10, maxPauseMs: 0 })).toBe(0);
  });
});
