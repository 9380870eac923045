import type { MailTransport } from "~/email/transport.server";
import type { Env } from "~/utils/env.server";
import { queueRequestedManageLinks } from "~/manage/manage-link-requests.server";
import { claimDueEmails, markEmailFailed, markEmailSent } from "~/email/outbox.data.server";

export interface SendPolicy {
  from: string;
  maxAttempts: number;
  baseDelayMs: number;
  batchSize?: number;
  /** How long a claimed message stays claimed before another sender may retry it. */
  leaseMs?: number;
}

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers every message that is due, batch after batch, until none is left.
 * Work that was deferred until after a request was answered becomes emails
 * first (manage-link requests: see manage-link-requests.server.ts).
 */
export async function sendDueEmails(transport: MailTransport, policy: SendPolicy): Promise<SendReport> {
  const report: SendReport = { sent: 0, retrying: 0, failed: 0 };
  await queueRequestedManageLinks();
  for (;;) {
    const batch = await claimDueEmails(policy.batchSize ?? 20, policy.leaseMs ?? 5 * 60_000);
    if (batch.length === 0) return report;
    for (const message of batch) {
      try {
        await transport.send({
          id: message.id,
          from: policy.from,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
        });
        await markEmailSent(message.id);
        report.sent += 1;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const outcome = await markEmailFailed(message.id, message.attempts, reason, policy);
        report[outcome === "failed" ? "failed" : "retrying"] += 1;
      }
    }
  }
}

/** Runs the sender every `intervalMs` inside the server; returns a stop function. */
export function startEmailSender(transport: MailTransport, policy: SendPolicy, intervalMs: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await sendDueEmails(transport, policy);
      if (report.sent + report.retrying + report.failed > 0) {
        console.log(`Outbox: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} given up`);
      }
    } catch (error) {
      console.error("Outbox sender:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

export function sendPolicyFromEnv(env: Env): SendPolicy {
  return {
    from: env.EMAIL_FROM,
    maxAttempts: env.EMAIL_MAX_ATTEMPTS,
    baseDelayMs: env.EMAIL_RETRY_BASE_SECONDS * 1000,
  };
}
