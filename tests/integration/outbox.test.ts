import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db.server";
import { sendDueEmails, type SendPolicy } from "~/email/sender.server";
import { createMailTransport } from "~/email/transport.server";
import { queueEmail } from "~/models/outbox.server";

import { freePort } from "../support/free-port";
import { truncateAll } from "../support/database";
import { testDatabase } from "../support/setup-database";

const policy: SendPolicy = { from: "receipts@example.org", maxAttempts: 3, baseDelayMs: 60_000 };

/** A real SMTP server on 127.0.0.1 that records what it receives. */
async function startSmtp(port: number) {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
      stream.on("end", () => {
        received.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function queue(count: number) {
  await db().$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await queueEmail(tx, { dedupeKey: `test:${i}`, kind: "receipt", to: `d${i}@example.org`, subject: `Receipt ${i}`, text: `Text ${i}`, html: `<p>Html ${i}</p>` });
    }
  });
}

/** Makes every waiting message due now (instead of waiting out the backoff). */
async function makeDue() {
  await db().emailMessage.updateMany({ where: { status: "pending" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

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

  it("keeps every message while the mail server is down and sends each exactly once when it is back", async () => {
    await queue(3);
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
    expect(smtp.received.join("\n")).toMatch(/Subject: Receipt 0/);
    expect(await sendDueEmails(transport, policy)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(3);
    expect((await db().emailMessage.findMany()).every((m) => m.status === "sent" && m.sentAt && m.attempts === 2)).toBe(true);
    transport.close();
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
    const [first, second] = await Promise.all([sendDueEmails(a, { ...policy, batchSize: 3 }), sendDueEmails(b, { ...policy, batchSize: 3 })]);
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
    expect(eml).toMatch(/^Subject: Receipt 0$/m);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
