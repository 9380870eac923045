import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { sendDueEmails } from "~/email/sender.server";
import type { MailTransport } from "~/email/transport.server";
import type { EmailStatus } from "~/generated/prisma/client";
import { OUTBOX_PAGE_SIZE } from "~/email/outbox-admin.data.server";
import { action, loader } from "~/routes/admin.outbox";

import { formRequest, loaderArgs, outcome, thrownStatus } from "../support/requests";
import { signedInStaff, type SignedInStaff } from "../support/staff";

let admin: SignedInStaff;
let viewer: SignedInStaff;

beforeAll(async () => {
  admin = await signedInStaff("admin");
  viewer = await signedInStaff("viewer");
});

beforeEach(async () => {
  await db().emailMessage.deleteMany();
  await db().auditLog.deleteMany({ where: { action: "email.retry" } });
});

let counter = 0;
async function email(
  status: EmailStatus,
  overrides: { createdAt?: Date; attempts?: number; lastError?: string | null; sentAt?: Date | null } = {},
) {
  counter += 1;
  return db().emailMessage.create({
    data: {
      dedupeKey: `test:${counter}`,
      kind: "receipt",
      toAddress: `donor${counter}@example.org`,
      subject: `Receipt ${counter}`,
      textBody: "text",
      htmlBody: "<p>html</p>",
      status,
      attempts: overrides.attempts ?? (status === "failed" ? 8 : 0),
      lastError: overrides.lastError === undefined ? (status === "failed" ? "550 mailbox unavailable" : null) : overrides.lastError,
      nextAttemptAt: new Date(Date.now() + 3_600_000),
      sentAt: overrides.sentAt ?? (status === "sent" ? new Date() : null),
      createdAt: overrides.createdAt ?? new Date(Date.now() - 1_000_000 + counter),
    },
  });
}

const view = (query = "", staff = admin) => loader(loaderArgs(`/admin/outbox${query}`, {}, { headers: staff.headers }));
async function retry(emailId: string, staff = admin, extra: Record<string, string> = {}) {
  return outcome<{ message: string }>(
    await action({ request: formRequest("/admin/outbox", { intent: "retry", emailId, ...extra }, staff.headers), params: {}, context: {} }),
  );
}

describe("who may see the outbox", () => {
  it("sends anonymous visitors to sign in", async () => {
    const thrown = await loader(loaderArgs("/admin/outbox")).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(303);
    expect((thrown as Response).headers.get("Location")).toBe("/admin/sign-in?next=%2Fadmin%2Foutbox");
    const failed = await email("failed");
    expect(
      await thrownStatus(() =>
        action({ request: formRequest("/admin/outbox", { intent: "retry", emailId: failed.id }), params: {}, context: {} }),
      ),
    ).toBe(303);
  });

  it("refuses viewers: 403 to look, 403 to retry, and the email stays failed", async () => {
    const failed = await email("failed");
    expect(await thrownStatus(() => view("", viewer))).toBe(403);
    expect(await thrownStatus(() => retry(failed.id, viewer))).toBe(403);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "failed", attempts: 8 });
    expect(await db().auditLog.count({ where: { action: "email.retry" } })).toBe(0);
  });
});

describe("the outbox list", () => {
  it("shows every email newest first with its delivery details", async () => {
    const older = await email("sent", { createdAt: new Date("2026-05-01T10:00:00Z"), sentAt: new Date("2026-05-01T10:00:05Z") });
    const newer = await email("failed", { createdAt: new Date("2026-05-02T10:00:00Z") });
    const page = await view();
    expect(page.emails.map((e) => e.id)).toEqual([newer.id, older.id]);
    expect(page.emails[0]).toMatchObject({
      kind: "receipt",
      to: newer.toAddress,
      subject: newer.subject,
      status: "failed",
      attempts: 8,
      lastError: "550 mailbox unavailable",
      createdAt: "2026-05-02 10:00 UTC",
      nextAttemptAt: null,
      sentAt: null,
    });
    expect(page.emails[1]).toMatchObject({ status: "sent", sentAt: "2026-05-01 10:00 UTC" });
  });

  it("filters by status", async () => {
    const failed = await email("failed");
    await email("sent");
    const pending = await email("pending");
    expect((await view("?status=failed")).emails.map((e) => e.id)).toEqual([failed.id]);
    expect((await view("?status=pending")).emails).toMatchObject([{ id: pending.id, nextAttemptAt: expect.stringMatching(/UTC$/) }]);
    expect((await view("?status=")).emails).toHaveLength(3);
    expect(await thrownStatus(() => view("?status=lost"))).toBe(400);
  });

  it("pages through older emails without skipping or repeating one", async () => {
    const base = Date.parse("2026-06-01T00:00:00Z");
    const same = new Date(base);
    // Several rows share a timestamp: the id breaks the tie.
    for (let i = 0; i < OUTBOX_PAGE_SIZE + 7; i++) await email("sent", { createdAt: i < 10 ? same : new Date(base + i * 1000) });
    const first = await view();
    expect(first.emails).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(first.nextCursor).toBeTruthy();
    const second = await view(`?before=${first.nextCursor}`);
    expect(second.paged).toBe(true);
    expect(second.emails).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.emails, ...second.emails].map((e) => e.id);
    expect(new Set(ids).size).toBe(OUTBOX_PAGE_SIZE + 7);
    expect(await thrownStatus(() => view("?before=yesterday"))).toBe(400);
  });
});

describe("retrying a failed email", () => {
  it("queues it again, due now, keeps its attempts and records who did it", async () => {
    const failed = await email("failed", { attempts: 8 });
    const result = await retry(failed.id, admin, { status: "failed" });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/admin/outbox?status=failed&retried=1");

    const row = await db().emailMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 8 });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());

    const audit = await db().auditLog.findMany({ where: { action: "email.retry" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.user.id, targetType: "email", targetId: failed.id });
    expect(audit[0]!.details).toEqual({ attempts: 8, lastError: "550 mailbox unavailable" });
  });

  it("gives it exactly one more attempt: failing again marks it failed with the new error", async () => {
    const failed = await email("failed", { attempts: 3 });
    await retry(failed.id);
    const refusing: MailTransport = {
      send: async () => {
        throw new Error("421 try again later");
      },
      describe: () => "refusing",
      close: () => undefined,
    };
    const report = await sendDueEmails(refusing, { from: "receipts@example.org", maxAttempts: 3, baseDelayMs: 60_000 });
    expect(report).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "failed",
      attempts: 4,
      lastError: "421 try again later",
    });
  });

  it("refuses an email that is not failed, changing nothing", async () => {
    for (const status of ["pending", "sending", "sent"] as const) {
      const row = await email(status);
      const result = await retry(row.id);
      expect(result.status).toBe(409);
      expect(result.data?.message).toMatch(/Only a failed email can be retried/);
      const after = await db().emailMessage.findUniqueOrThrow({ where: { id: row.id } });
      expect(after).toMatchObject({ status, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt });
    }
    expect(await db().auditLog.count({ where: { action: "email.retry" } })).toBe(0);
  });

  it("answers 404 for an unknown email and 400 for a malformed request", async () => {
    expect(await thrownStatus(() => retry("00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(await thrownStatus(() => retry("not-an-id"))).toBe(400);
    expect(
      await thrownStatus(async () =>
        action({
          request: formRequest("/admin/outbox", { intent: "delete", emailId: "00000000-0000-4000-8000-000000000000" }, admin.headers),
          params: {},
          context: {},
        }),
      ),
    ).toBe(400);
  });
});
