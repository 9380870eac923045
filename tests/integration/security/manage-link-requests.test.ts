import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { http } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { db, setDatabase } from "~/db/db.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { sendDueEmails } from "~/email/sender.server";
import { createMailTransport } from "~/email/transport.server";
import { MANAGE_LINK_WINDOW_MS, queueRequestedManageLinks } from "~/manage/manage-link-requests.server";
import { checkManageLink } from "~/manage/manage.server";
import { action as requestAction } from "~/routes/_site.give.manage._index";
import { action as webhookAction } from "~/routes/webhooks.stripe";

import { mockServer } from "../../mocks/server";
import { createCampaign } from "../../support/factories";
import { startAtWindowStart } from "../../support/fixed-window-clock";
import { formRequest, outcome } from "../../support/requests";
import { testDatabase } from "../../support/setup-database";
import { deliver, giveThroughSandbox } from "../../support/webhooks";

/**
 * The "manage my monthly gift" form must not tell an attacker which emails
 * belong to monthly donors (the answer used to take measurably longer for
 * them: it looked the donor up and queued the email before answering), and
 * a per-email limit must not let an attacker stop a donor from getting a link
 * (three requests from three addresses used to block the email for an hour).
 * The timing itself is measured by `tsx bench/manage-timing.ts`; here the
 * work done while answering is compared, operation by operation.
 */
const MONTHLY = "monthly.manage@example.org";
const ONCE = "once.manage@example.org";

beforeAll(async () => {
  startAtWindowStart(MANAGE_LINK_WINDOW_MS);
  mockServer.use(http.post("http://127.0.0.1:3000/webhooks/stripe", ({ request }) => webhookAction({ request, params: {}, context: {} })));
  const campaign = await createCampaign();
  for (const [email, frequency] of [
    [MONTHLY, "monthly"],
    [ONCE, "once"],
  ] as const) {
    const gift = await giveThroughSandbox(campaign.slug, { frequency, email });
    for (const event of gift.events) await deliver(event);
  }
});

beforeEach(async () => {
  await db().manageLinkRequest.deleteMany();
  await db().emailMessage.deleteMany({ where: { kind: "manage_link" } });
});

let ipSeed = 0;
async function ask(email: string, ip = `198.51.100.${++ipSeed}`) {
  return outcome<{ sent: boolean; error: string | null }>(
    await requestAction({ request: formRequest("/give/manage", { email }), params: {}, context: { clientIp: ip } }),
  );
}

/** Runs `work` with every database operation it makes recorded, as `model.operation`. */
async function operationsOf(work: () => Promise<unknown>): Promise<{ operations: string[]; result: unknown }> {
  const operations: string[] = [];
  const database = testDatabase();
  const recording = database.prisma.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        operations.push(`${model ?? "$"}.${operation}`);
        return query(args);
      },
    },
  });
  setDatabase({ ...database, prisma: recording as unknown as PrismaClient });
  try {
    return { operations, result: await work() };
  } finally {
    setDatabase(database);
  }
}

const linkEmails = (to: string) => db().emailMessage.findMany({ where: { kind: "manage_link", toAddress: to } });

describe("asking for a manage link", () => {
  it("does the same work and gives the same answer for a monthly donor, a one-time donor and an unknown email", async () => {
    const runs = [];
    for (const email of [MONTHLY, ONCE, "nobody.manage@example.org", MONTHLY.toUpperCase()]) {
      const { operations, result } = await operationsOf(() => ask(email));
      runs.push({ operations, result });
    }
    expect(runs[0]?.operations).toEqual(["$.$queryRaw", "ManageLinkRequest.create"]);
    for (const run of runs) {
      expect(run.operations).toEqual(runs[0]?.operations);
      expect(run.result).toEqual(runs[0]?.result);
    }
    // Nothing about any donor was read while answering.
    expect(runs[0]?.operations.some((operation) => /^(Donor|RecurringGift|EmailMessage)\./.test(operation))).toBe(false);
    expect(await linkEmails(MONTHLY)).toHaveLength(0);

    // After the answer, the outbox sender turns the requests into links for the donors who gave (monthly and once), none for the unknown email.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-manage-"));
    try {
      await sendDueEmails(createMailTransport({ dataDir }), { from: "receipts@example.org", maxAttempts: 3, baseDelayMs: 1_000 });
      const files = fs.readdirSync(path.join(dataDir, "outbox")).map((file) => fs.readFileSync(path.join(dataDir, "outbox", file), "utf8"));
      expect(files.filter((file) => file.includes("/give/manage/"))).toHaveLength(2);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect((await linkEmails(MONTHLY)).map((email) => email.status)).toEqual(["sent"]);
    expect((await linkEmails(ONCE)).map((email) => email.status)).toEqual(["sent"]);
    expect(await db().emailMessage.count({ where: { kind: "manage_link", toAddress: { notIn: [MONTHLY, ONCE] } } })).toBe(0);
    expect(await db().manageLinkRequest.count()).toBe(0);
  });

  it("cannot be used to stop the donor getting a link: requests from three other addresses first, then the donor's own", async () => {
    for (const ip of ["203.0.113.201", "203.0.113.202", "203.0.113.203"]) expect((await ask(MONTHLY, ip)).status).toBe(200);
    const own = await ask(MONTHLY, "192.0.2.77");
    expect(own).toMatchObject({ status: 200, data: { sent: true } });
    await queueRequestedManageLinks();

    // One link for the window, in the donor's own inbox, valid beyond the window's end.
    const [link] = await linkEmails(MONTHLY);
    expect(await linkEmails(MONTHLY)).toHaveLength(1);
    const token = /\/give\/manage\/([\w-]+\.[\w-]+)/.exec(link?.textBody ?? "")?.[1] ?? "";
    const state = await checkManageLink(token);
    expect(state.ok).toBe(true);
    const payload = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()) as { e: number };
    const windowEnd = (Math.floor(Date.now() / MANAGE_LINK_WINDOW_MS) + 1) * MANAGE_LINK_WINDOW_MS;
    expect(payload.e).toBeGreaterThanOrEqual(windowEnd);
  });

  it("sends one link per window however many ask, and a new one in the next window", async () => {
    for (let i = 0; i < 12; i++) await ask(MONTHLY);
    await queueRequestedManageLinks();
    expect(await linkEmails(MONTHLY)).toHaveLength(1);

    // A request in the next window (as if made 15 minutes later).
    await ask(MONTHLY);
    await db().manageLinkRequest.updateMany({ data: { requestedAt: new Date(Date.now() + MANAGE_LINK_WINDOW_MS) } });
    await queueRequestedManageLinks();
    expect(await linkEmails(MONTHLY)).toHaveLength(2);
  });
});

afterAll(() => {
  vi.useRealTimers();
  mockServer.resetHandlers();
});
