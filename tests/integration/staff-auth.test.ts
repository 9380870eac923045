import { describe, expect, it, onTestFinished, vi } from "vitest";

import { db } from "~/db/db.server";
import { loader as dashboardLoader } from "~/routes/admin._index";
import { action as signInAction, loader as signInLoader } from "~/routes/admin_.sign-in";
import { action as signOutAction } from "~/routes/admin.sign-out";
import { setStaffDisabled } from "~/staff/accounts.server";
import { safeNextPath } from "~/staff/auth.server";
import { mismatchMessage } from "~/staff/sign-in.server";

import { startAtWindowStart } from "../support/fixed-window-clock";
import { formRequest, loaderArgs, outcome, thrownStatus } from "../support/requests";
import { signedInStaff, STAFF_PASSWORD } from "../support/staff";

let ipSeed = 0;
const freshIp = () => `198.18.0.${++ipSeed}`;

async function attempt(email: string, password: string, ip = freshIp(), next = "/admin") {
  try {
    return outcome<{ error: string }>(
      await signInAction({ request: formRequest("/admin/sign-in", { email, password, next }), params: {}, context: { clientIp: ip } }),
    );
  } catch (thrown) {
    if (thrown instanceof Response) return outcome<{ error: string }>(thrown);
    throw thrown;
  }
}

function cookieFrom(headers: Headers): string {
  return (headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

async function dashboardStatus(cookie: string): Promise<number> {
  try {
    await dashboardLoader(loaderArgs("/admin", {}, { headers: { cookie } }));
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("staff sign-in", () => {
  it("opens a new server-side session with an HttpOnly, SameSite=Lax cookie, and records it in the audit log", async () => {
    const { user } = await signedInStaff("viewer", { email: "viewer-signin@example.org", withPassword: true });
    const first = await attempt("Viewer-Signin@Example.org", STAFF_PASSWORD, freshIp(), "/admin/donations?q=ada");
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/admin/donations?q=ada");
    const setCookie = first.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(await dashboardStatus(cookieFrom(first.headers))).toBe(200);

    const second = await attempt("viewer-signin@example.org", STAFF_PASSWORD);
    expect(cookieFrom(second.headers)).not.toBe(cookieFrom(first.headers));
    const sessions = await db().staffSession.findMany({ where: { userId: user.id } });
    // The helper's session plus two sign-ins, each with its own id; the token itself is not stored.
    expect(new Set(sessions.map((s) => s.id)).size).toBe(3);
    expect(sessions.map((s) => s.id)).not.toContain(decodeURIComponent(cookieFrom(first.headers).split("=")[1] ?? ""));
    const audit = await db().auditLog.findMany({ where: { actorId: user.id, action: "staff.sign_in" } });
    expect(audit).toHaveLength(2);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
  });

  it("gives one answer for an unknown email, a wrong password and a disabled account", async () => {
    const { user } = await signedInStaff("admin", { email: "same-answer@example.org", withPassword: true });
    // Another admin, so that this one may be disabled (the last admin never can be).
    await signedInStaff("admin", { email: "other-admin@example.org" });
    const unknown = await attempt("nobody@example.org", STAFF_PASSWORD);
    const wrong = await attempt("same-answer@example.org", "not the right password");
    await setStaffDisabled(user.id, true, { actorId: null });
    const disabled = await attempt("same-answer@example.org", STAFF_PASSWORD);
    for (const result of [unknown, wrong, disabled]) {
      expect(result.status).toBe(401);
      expect(result.data?.error).toBe(mismatchMessage());
      expect(result.headers.get("set-cookie")).toBeNull();
    }
  });

  it("refuses malformed input with 422 and keeps the email", async () => {
    const result = await attempt("not-an-email", "");
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ email: "not-an-email" });
  });

  it("limits attempts on one account from one address (5 per 15 minutes by default)", async () => {
    startAtWindowStart();
    onTestFinished(() => void vi.useRealTimers());
    await signedInStaff("admin", { email: "limited@example.org", withPassword: true });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await attempt("limited@example.org", `wrong password ${i}`, ip)).status).toBe(401);
    const blocked = await attempt("limited@example.org", STAFF_PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.data?.error).toMatch(/Too many sign-in attempts from your connection/);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The same address may still sign in to another account, up to its own limit.
    expect((await attempt("someone-else@example.org", "wrong password!", ip)).status).toBe(401);
  });

  it("sends a signed-in visitor of the sign-in page on to the dashboard", async () => {
    const { cookie } = await signedInStaff("viewer");
    expect(await thrownStatus(() => signInLoader(loaderArgs("/admin/sign-in", {}, { headers: { cookie } })))).toBe(303);
    expect(await signInLoader(loaderArgs("/admin/sign-in?next=/admin/donations"))).toEqual({ next: "/admin/donations" });
  });

  it("only returns to paths under /admin after signing in", () => {
    expect(safeNextPath("/admin/donations?q=1")).toBe("/admin/donations?q=1");
    for (const evil of ["//evil.example/admin", "https://evil.example", "/\\evil.example", "/give", null, "/admin/sign-in"]) {
      expect(safeNextPath(evil)).toBe("/admin");
    }
  });
});

describe("staff sessions", () => {
  it("end on the server at sign-out", async () => {
    const { cookie, sessionId, user } = await signedInStaff("viewer");
    const result = await signOutAction({ request: formRequest("/admin/sign-out", {}, { cookie }), params: {}, context: {} });
    expect(result.status).toBe(303);
    expect(result.headers.get("set-cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await db().staffSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    expect(await dashboardStatus(cookie)).toBe(303);
    expect(await db().auditLog.count({ where: { actorId: user.id, action: "staff.sign_out" } })).toBe(1);
  });

  it("expire after the idle time, and each use pushes the expiry on", async () => {
    const { cookie, sessionId } = await signedInStaff("viewer");
    const stale = new Date(Date.now() - 5 * 60_000);
    await db().staffSession.update({ where: { id: sessionId }, data: { lastSeenAt: stale, expiresAt: new Date(Date.now() + 60_000) } });
    expect(await dashboardStatus(cookie)).toBe(200);
    const touched = await db().staffSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(touched.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);

    await db().staffSession.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await dashboardStatus(cookie)).toBe(303);
  });

  it("all end when the account is disabled", async () => {
    const { user, cookie } = await signedInStaff("admin", { withPassword: true });
    const second = await attempt(user.email, STAFF_PASSWORD);
    await setStaffDisabled(user.id, true, { actorId: null });
    expect(await dashboardStatus(cookie)).toBe(303);
    expect(await dashboardStatus(cookieFrom(second.headers))).toBe(303);
    expect(await db().staffSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it("refuse a forged or tampered cookie", async () => {
    const { cookie } = await signedInStaff("admin");
    const [name, value] = cookie.split("=");
    expect(await dashboardStatus(`${name}=${value?.slice(0, -2)}xx`)).toBe(303);
    expect(await dashboardStatus(`${name}=anything`)).toBe(303);
  });
});
