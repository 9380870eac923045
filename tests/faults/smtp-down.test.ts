import os from "node:os";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { sendDueEmails, type SendPolicy } from "~/email/sender.server";
import { createMailTransport } from "~/email/transport.server";

import { truncateAll } from "../support/database";
import { freePort } from "../support/free-port";
import { makeDue, queueTestEmails } from "../support/outbox";
import { startSmtp } from "../support/smtp-server";
// Opens this file's own migrated database (from the template the faults project prepares).
import { testDatabase } from "../support/setup-database";

const policy: SendPolicy = { from: "receipts@example.org", maxAttempts: 3, baseDelayMs: 60_000 };

beforeEach(async () => truncateAll(testDatabase()));

describe("the mail server down", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });

  it("keeps every receipt in the outbox while it is down and sends each exactly once when it is back", async () => {
    const port = await freePort();
    await queueTestEmails(3);
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, dataDir: os.tmpdir() });

    const down = await sendDueEmails(transport, policy);
    expect(down).toEqual({ sent: 0, retrying: 3, failed: 0 });
    const waiting = await db().emailMessage.findMany();
    expect(waiting.every((m) => m.status === "pending" && m.attempts === 1 && m.lastError && m.nextAttemptAt > new Date())).toBe(true);
    // Not due yet: a second run right away sends nothing.
    expect(await sendDueEmails(transport, policy)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    smtp = await startSmtp(port);
    await makeDue();
    expect(await sendDueEmails(transport, policy)).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(3);
    expect(smtp.received.join("\n")).toMatch(/Subject: .*Receipt 0/);
    expect(await sendDueEmails(transport, policy)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(3);
    expect((await db().emailMessage.findMany()).every((m) => m.status === "sent" && m.sentAt && m.attempts === 2)).toBe(true);
    transport.close();
  });
});
