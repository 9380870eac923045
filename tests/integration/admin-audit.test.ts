import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { AUDIT_PAGE_SIZE, recordAudit } from "~/staff/audit.data.server";
import { loader } from "~/routes/admin.audit";

import { createCampaign } from "../support/factories";
import { loaderArgs, thrownStatus } from "../support/requests";
import { signedInStaff, type SignedInStaff } from "../support/staff";

let admin: SignedInStaff;
let viewer: SignedInStaff;

beforeAll(async () => {
  admin = await signedInStaff("admin", { name: "Grace Admin", email: "grace@example.org" });
  viewer = await signedInStaff("viewer");
});

beforeEach(async () => {
  await db().auditLog.deleteMany();
});

const view = (query = "", staff = admin) => loader(loaderArgs(`/admin/audit${query}`, {}, { headers: staff.headers }));

describe("who may read the audit log", () => {
  it("sends anonymous visitors to sign in and refuses viewers", async () => {
    const thrown = await loader(loaderArgs("/admin/audit?action=staff.create")).catch((error: unknown) => error);
    expect((thrown as Response).status).toBe(303);
    expect((thrown as Response).headers.get("Location")).toBe("/admin/sign-in?next=%2Fadmin%2Faudit%3Faction%3Dstaff.create");
    expect(await thrownStatus(() => view("", viewer))).toBe(403);
  });
});

describe("the audit log", () => {
  it("lists every entry newest first: who, when, action, linked target, details and address", async () => {
    const campaign = await createCampaign({ title: "Safe homes" });
    await db().$transaction(async (tx) => {
      await recordAudit(tx, {
        actorId: null,
        action: "staff.create",
        target: { type: "staff", id: admin.user.id },
        details: { email: admin.user.email, role: "admin" },
      });
      await tx.auditLog.updateMany({ data: { createdAt: new Date("2026-04-01T08:00:00Z") } });
      await recordAudit(tx, {
        actorId: admin.user.id,
        action: "campaign.update",
        target: { type: "campaign", id: campaign.id },
        details: { changed: ["title", "status"], status: { from: "draft", to: "published" } },
        ip: "203.0.113.9",
      });
    });

    const page = await view();
    expect(page.entries).toHaveLength(2);
    expect(page.entries[0]).toMatchObject({
      who: "Grace Admin (grace@example.org)",
      action: "campaign.update",
      target: { type: "campaign", id: campaign.id, name: "Safe homes", href: `/admin/campaigns/${campaign.id}` },
      details: { changed: ["title", "status"], status: { from: "draft", to: "published" } },
      ip: "203.0.113.9",
    });
    expect(page.entries[1]).toMatchObject({
      who: "command line",
      when: "2026-04-01 08:00 UTC",
      action: "staff.create",
      target: { type: "staff", name: "Grace Admin (grace@example.org)", href: `/admin/staff#staff-${admin.user.id}` },
      ip: null,
    });
  });

  it("filters by action and refuses an unknown one", async () => {
    await db().$transaction(async (tx) => {
      await recordAudit(tx, {
        actorId: admin.user.id,
        action: "email.retry",
        target: { type: "email", id: "00000000-0000-4000-8000-000000000001" },
      });
      await recordAudit(tx, { actorId: admin.user.id, action: "staff.sign_in" });
    });
    const page = await view("?action=email.retry");
    expect(page.entries.map((e) => e.action)).toEqual(["email.retry"]);
    expect(page.entries[0]?.target).toMatchObject({ type: "email", href: null });
    expect(page.actions).toContain("campaign.update");
    expect((await view("?action=")).entries).toHaveLength(2);
    expect(await thrownStatus(() => view("?action=drop.table"))).toBe(400);
  });

  it("pages through older entries", async () => {
    await db().auditLog.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => ({
        actorId: admin.user.id,
        action: "staff.sign_in",
        createdAt: new Date(Date.parse("2026-04-01T00:00:00Z") + Math.floor(i / 2) * 1000),
      })),
    });
    const first = await view();
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await view(`?before=${first.nextCursor}`);
    expect(second.entries).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(AUDIT_PAGE_SIZE + 3);
    expect(await thrownStatus(() => view("?before=1_nope"))).toBe(400);
  });
});
