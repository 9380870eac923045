import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { sendDueEmails, type SendPolicy } from "~/email/sender.server";
import { createMailTransport } from "~/email/transport.server";

import { truncateAll } from "../support/database";
import { freePort } from "../support/free-port";
import { makeDue, queueTestEmails as queue } from "../support/outbox";
import { startSmtp } from "../support/smtp-server";
import { testDatabase } from "../support/setup-database";

const policy: SendPolicy = { from: "receipts@example.org", maxAttempts: 3, baseDelayMs: 60_000 };

beforeEach(async () => truncateAll(testDatabase()));

describe("the outbox sender", () => {
  let port: number;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  beforeEach(async () => {
    port = await freePort();
  });
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });

  it("never queues the same email twice", async () => {
    await queue(2);
    await queue(2);
    expect(await db().emailMessage.count()).toBe(2);
  });

  it("gives up after the configured number of attempts, keeping the last error", async () => {
    await queue(1);
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, dataDir: os.tmpdir() });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await makeDue();
      await sendDueEmails(transport, policy);
    }
    const message = await db().emailMessage.findFirstOrThrow();
    expect(message).toMatchObject({ status: "failed", attempts: 3 });
    expect(message.lastError).toMatch(/ECONNREFUSED|connect/i);
    transport.close();
  });

  it("two senders running at once deliver each message once", async () => {
    await queue(12);
    smtp = await startSmtp(port);
    const a = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, dataDir: os.tmpdir() });
    const b = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, dataDir: os.tmpdir() });
    const [first, second] = await Promise.all([
      sendDueEmails(a, { ...policy, batchSize: 3 }),
      sendDueEmails(b, { ...policy, batchSize: 3 }),
    ]);
    expect(first.sent + second.sent).toBe(12);
    expect(smtp.received).toHaveLength(12);
    a.close();
    b.close();
  });

  it("writes .eml files when no SMTP server is configured", async () => {
    await queue(1);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-outbox-"));
    const transport = createMailTransport({ dataDir });
    expect(await sendDueEmails(transport, policy)).toMatchObject({ sent: 1 });
    const files = fs.readdirSync(path.join(dataDir, "outbox"));
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(path.join(dataDir, "outbox", files[0]!), "utf8");
    expect(eml).toMatch(/^To: d0@example.org$/m);
    expect(eml).toMatch(/^Subject: \[TEST, not a tax receipt\] Receipt 0$/m);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
