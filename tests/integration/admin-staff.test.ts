import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { setStaffDisabled, setStaffRole, StaffChangeRefused } from "~/staff/accounts.server";
import { action, loader } from "~/routes/admin.staff";

import { formRequest, loaderArgs, outcome, thrownStatus } from "../support/requests";
import { signedInStaff, type SignedInStaff } from "../support/staff";

type Reply = { create: { values: Record<string, string>; errors: Record<string, string> } | null; refusal: string | null };

let admin: SignedInStaff;
let viewer: SignedInStaff;

beforeAll(async () => {
  admin = await signedInStaff("admin", { name: "Ada Admin", email: "ada@example.org" });
  viewer = await signedInStaff("viewer");
});

const view = (staff = admin) => loader(loaderArgs("/admin/staff", {}, { headers: staff.headers }));
async function post(fields: Record<string, string>, staff = admin) {
  return outcome<Reply>(
    await action({ request: formRequest("/admin/staff", fields, staff.headers), params: {}, context: { clientIp: "198.51.100.7" } }),
  );
}
const newAccount = (overrides: Record<string, string> = {}) => ({
  intent: "create",
  email: "New.Person@Example.org",
  name: "New Person",
  role: "viewer",
  password: "lantern harbour violet staircase",
  ...overrides,
});

async function openSessions(userId: string) {
  return db().staffSession.count({ where: { userId, revokedAt: null } });
}

describe("who may manage staff accounts", () => {
  it("sends anonymous visitors to sign in", async () => {
    const thrown = await loader(loaderArgs("/admin/staff")).catch((error: unknown) => error);
    expect((thrown as Response).status).toBe(303);
    expect((thrown as Response).headers.get("Location")).toBe("/admin/sign-in?next=%2Fadmin%2Fstaff");
    expect(
      await thrownStatus(() => post(newAccount({ email: "anon@example.org" }), { ...admin, cookie: "", headers: { Cookie: "" } })),
    ).toBe(303);
  });

  it("refuses viewers: 403 to look, 403 to create or change, and nothing changes", async () => {
    const target = await signedInStaff("viewer");
    const before = await db().staffUser.count();
    expect(await thrownStatus(() => view(viewer))).toBe(403);
    expect(await thrownStatus(() => post(newAccount({ email: "sneaky@example.org" }), viewer))).toBe(403);
    expect(await thrownStatus(() => post({ intent: "disable", userId: target.user.id }, viewer))).toBe(403);
    expect(await thrownStatus(() => post({ intent: "role", userId: viewer.user.id, role: "admin" }, viewer))).toBe(403);
    expect(await db().staffUser.count()).toBe(before);
    expect(await db().staffUser.findUniqueOrThrow({ where: { id: target.user.id } })).toMatchObject({ disabledAt: null });
    expect(await db().staffUser.findUniqueOrThrow({ where: { id: viewer.user.id } })).toMatchObject({ role: "viewer" });
    expect(await openSessions(target.user.id)).toBe(1);
  });
});

describe("the staff list", () => {
  it("shows each account's name, email, role, status and last sign-in, marking the admin's own", async () => {
    await db().staffUser.update({ where: { id: viewer.user.id }, data: { lastSignInAt: new Date("2026-03-04T05:06:00Z") } });
    const page = await view();
    expect(page.accounts.find((a) => a.id === admin.user.id)).toMatchObject({
      name: "Ada Admin",
      email: "ada@example.org",
      role: "admin",
      disabledAt: null,
      isMe: true,
    });
    expect(page.accounts.find((a) => a.id === viewer.user.id)).toMatchObject({
      role: "viewer",
      lastSignInAt: "2026-03-04 05:06 UTC",
      isMe: false,
    });
  });
});

describe("creating an account", () => {
  it("creates it with a hashed password and records it", async () => {
    const result = await post(newAccount());
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/admin/staff?done=created");
    const created = await db().staffUser.findUniqueOrThrow({ where: { email: "new.person@example.org" } });
    expect(created).toMatchObject({ name: "New Person", role: "viewer", disabledAt: null });
    expect(created.passwordHash).toMatch(/^scrypt\$/);
    expect(created.passwordHash).not.toContain("staircase");
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "staff.create", targetId: created.id } });
    expect(audit).toMatchObject({
      actorId: admin.user.id,
      ip: "198.51.100.7",
      details: { email: "new.person@example.org", role: "viewer" },
    });
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ["an invalid email", { email: "not-an-email" }, "email", /email address like/],
    ["no name", { name: "  " }, "name", /Enter a name/],
    ["an unknown role", { role: "owner" }, "role", /admin or viewer/],
    ["a short password", { password: "short words" }, "password", /at least 12 characters/],
    ["a common password", { password: "password1234" }, "password", /common passwords/],
    ["the person's name as password", { name: "Rosalind Franklin", password: "rosalindfranklin" }, "password", /your name or email/],
  ])("refuses %s with a 422 next to the field, keeping the values but never the password", async (_case, overrides, field, message) => {
    const before = await db().staffUser.count();
    const result = await post(newAccount({ email: "refused@example.org", ...overrides }));
    expect(result.status).toBe(422);
    expect(result.data?.create?.errors[field]).toMatch(message);
    expect(result.data?.create?.values).not.toHaveProperty("password");
    expect(result.data?.create?.values.email).toBe(overrides.email ?? "refused@example.org");
    expect(await db().staffUser.count()).toBe(before);
  });

  it("refuses an email that already has an account", async () => {
    const result = await post(newAccount({ email: "ADA@example.org" }));
    expect(result.status).toBe(422);
    expect(result.data?.create?.errors.email).toMatch(/already exists/);
  });
});

describe("disabling, enabling and changing roles", () => {
  it("disabling signs the account out everywhere; enabling lets it back", async () => {
    const target = await signedInStaff("viewer");
    expect(await openSessions(target.user.id)).toBe(1);
    const disabled = await post({ intent: "disable", userId: target.user.id });
    expect(disabled.headers.get("Location")).toBe("/admin/staff?done=disabled");
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: target.user.id } })).disabledAt).not.toBeNull();
    expect(await openSessions(target.user.id)).toBe(0);
    // Their cookie no longer signs them in.
    const thrown = await loader(loaderArgs("/admin/staff", {}, { headers: target.headers })).catch((error: unknown) => error);
    expect((thrown as Response).status).toBe(303);

    const again = await post({ intent: "disable", userId: target.user.id });
    expect(again.headers.get("Location")).toBe("/admin/staff?done=unchanged");

    const enabled = await post({ intent: "enable", userId: target.user.id });
    expect(enabled.headers.get("Location")).toBe("/admin/staff?done=enabled");
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: target.user.id } })).disabledAt).toBeNull();

    const actions = await db().auditLog.findMany({
      where: { targetId: target.user.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(actions).toEqual([
      { action: "staff.disable", actorId: admin.user.id },
      { action: "staff.enable", actorId: admin.user.id },
    ]);
  });

  it("changing the role ends the account's sessions and is recorded", async () => {
    const target = await signedInStaff("viewer");
    const result = await post({ intent: "role", userId: target.user.id, role: "admin" });
    expect(result.headers.get("Location")).toBe("/admin/staff?done=role");
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: target.user.id } })).role).toBe("admin");
    expect(await openSessions(target.user.id)).toBe(0);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "staff.role", targetId: target.user.id } });
    expect(audit.details).toEqual({ role: "admin" });
    // Back to viewer, so the admins of later tests are known.
    await post({ intent: "role", userId: target.user.id, role: "viewer" });
  });

  it("refuses an admin disabling their own account, even when other admins exist", async () => {
    const other = await signedInStaff("admin");
    const result = await post({ intent: "disable", userId: admin.user.id });
    expect(result.status).toBe(409);
    expect(result.data?.refusal).toMatch(/cannot disable your own account/);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: admin.user.id } })).disabledAt).toBeNull();
    expect(await openSessions(admin.user.id)).toBeGreaterThan(0);
    await db().staffUser.update({ where: { id: other.user.id }, data: { disabledAt: new Date() } });
  });

  it("answers 400 to a malformed change", async () => {
    expect(await thrownStatus(() => post({ intent: "disable", userId: "nobody" }))).toBe(400);
    expect(await thrownStatus(() => post({ intent: "role", userId: viewer.user.id, role: "owner" }))).toBe(400);
    expect(await thrownStatus(() => post({ intent: "delete", userId: viewer.user.id }))).toBe(400);
  });
});

describe("the last active admin", () => {
  async function onlyAdmin() {
    await db().staffUser.updateMany({ where: { role: "admin", id: { not: admin.user.id } }, data: { disabledAt: new Date() } });
    expect(await db().staffUser.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  }

  it("cannot be made a viewer", async () => {
    await onlyAdmin();
    const result = await post({ intent: "role", userId: admin.user.id, role: "viewer" });
    expect(result.status).toBe(409);
    expect(result.data?.refusal).toMatch(/only active admin, so it cannot be made a viewer/);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: admin.user.id } })).role).toBe("admin");
    expect(await openSessions(admin.user.id)).toBeGreaterThan(0);
    expect(await db().auditLog.count({ where: { action: "staff.role", targetId: admin.user.id } })).toBe(0);
  });

  it("cannot be disabled, even from the command line", async () => {
    await onlyAdmin();
    await expect(setStaffDisabled(admin.user.id, true, { actorId: null })).rejects.toThrow(/only active admin, so it cannot be disabled/);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: admin.user.id } })).disabledAt).toBeNull();
  });

  it("survives two admins demoting each other at the same moment: one of the two is refused", async () => {
    await onlyAdmin();
    const second = await signedInStaff("admin");
    const results = await Promise.allSettled([
      setStaffRole(second.user.id, "viewer", { actorId: admin.user.id }),
      setStaffRole(admin.user.id, "viewer", { actorId: second.user.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(StaffChangeRefused);
    expect(await db().staffUser.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });
});
