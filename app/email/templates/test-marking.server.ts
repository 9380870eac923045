import { escapeHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";

/**
 * In sandbox mode no money moves, so no email may pass for a real one: every
 * message says so at the start of its subject and of its body, in plain words
 * a donor cannot miss, whatever kind of message it is.
 */
export const TEST_SUBJECT_PREFIX = "[TEST, not a tax receipt] ";

export const TEST_NOTICE =
  "TEST ONLY: this email comes from a site in sandbox mode. No money moved, and it is not a tax receipt: do not use it for your taxes.";

const BANNER = `<p style="margin:0 0 16px;padding:12px;border:2px solid #92400e;background:#fef3c7;color:#451a03;font-weight:bold">${escapeHtml(TEST_NOTICE)}</p>`;

/** The email with the test marking added (once: marking a marked email changes nothing). */
export function markedAsTest(email: OutgoingEmail): OutgoingEmail {
  if (email.subject.startsWith(TEST_SUBJECT_PREFIX)) return email;
  const body = /<body[^>]*>/i.exec(email.html);
  const html = body
    ? `${email.html.slice(0, body.index + body[0].length)}\n${BANNER}${email.html.slice(body.index + body[0].length)}`
    : `${BANNER}\n${email.html}`;
  return { ...email, subject: `${TEST_SUBJECT_PREFIX}${email.subject}`, text: `${TEST_NOTICE}\n\n${email.text}`, html };
}
