import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { staffLanguage, staffTranslator } from "~/staff/staff-language.server";

/**
 * Tells a staff member that their account is meeting many wrong passwords.
 * Nothing is locked, so the message says what the site did (slowed the
 * attempts down) and what they may want to do; it carries no link, so it
 * cannot be imitated into a phishing lure that looks like ours. Written in
 * the language staff pages speak (the catalogue's staff.signInAlert).
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
  const t = staffTranslator();
  const words = (key: string, values?: Record<string, unknown>) => t(`staff.signInAlert.${key}`, values);
  const subject = words("subject", { organisation: input.organisationName });
  const seen = words("seen", { failures: input.failures, email: input.to, minutes: input.windowMinutes });
  const greeting = words("greeting", { name: input.staffName });
  const seenLine = words("seenLine", { seen });
  const text = [greeting, "", seenLine, "", words("notLocked"), "", words("advice"), "", input.organisationName].join("\n");
  const html = emailDocument(
    subject,
    `<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(seenLine)}</p>
<p>${words("notLockedHtml")}</p>
<p>${escapeHtml(words("advice"))}</p>
<p>${escapeHtml(input.organisationName)}</p>`,
    staffLanguage(),
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
