import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";

/**
 * Tells a staff member that their account is meeting many wrong passwords.
 * Nothing is locked, so the message says what the site did (slowed the
 * attempts down) and what they may want to do; it carries no link, so it
 * cannot be imitated into a phishing lure that looks like ours.
 */
export function signInAlertEmail(input: {
  userId: string;
  to: string;
  staffName: string;
  failures: number;
  windowMinutes: number;
  windowStart: Date;
  organisationName: string;
}): OutgoingEmail {
  const subject = `Many failed sign-in attempts on your ${input.organisationName} staff account`;
  const seen = `${input.failures} sign-in attempts with a wrong password for your staff account (${input.to}) within ${input.windowMinutes} minutes`;
  const text = [
    `Dear ${input.staffName},`,
    "",
    `We have seen ${seen}, from one or more addresses.`,
    "",
    "Your account is not locked: you can still sign in as usual. While the attempts go on, each one on your account is answered more slowly, and each address may try only a few times.",
    "",
    "If these were you, there is nothing to do. If not, someone may be guessing your password: make sure it is long and used nowhere else, and tell an administrator.",
    "",
    input.organisationName,
  ].join("\n");
  const html = emailDocument(
    subject,
    `<p>Dear ${escapeHtml(input.staffName)},</p>
<p>We have seen ${escapeHtml(seen)}, from one or more addresses.</p>
<p>Your account is <strong>not locked</strong>: you can still sign in as usual. While the attempts go on, each one on your account is answered more slowly, and each address may try only a few times.</p>
<p>If these were you, there is nothing to do. If not, someone may be guessing your password: make sure it is long and used nowhere else, and tell an administrator.</p>
<p>${escapeHtml(input.organisationName)}</p>`,
  );
  return {
    // One message per account and window, however many attempts follow.
    dedupeKey: `staff-sign-in-alert:${input.userId}:${input.windowStart.toISOString()}`,
    kind: "staff_sign_in_alert",
    to: input.to,
    subject,
    text,
    html,
  };
}
