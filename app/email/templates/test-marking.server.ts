import { escapeHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { KNOWN_LANGUAGES, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";

/**
 * In sandbox mode no money moves, so no email may pass for a real one: every
 * message says so at the start of its subject and of its body, in plain words
 * a donor cannot miss, whatever kind of message it is, in the language the
 * email is written in (`email.test` in the catalogues).
 */
export function testSubjectPrefix(lang: Language = "en"): string {
  return `${translator(lang)("email.test.subjectPrefix")} `;
}

export function testNotice(lang: Language = "en"): string {
  return translator(lang)("email.test.notice");
}

/** The default language's marking, as most tests read it. */
export const TEST_SUBJECT_PREFIX = testSubjectPrefix();
export const TEST_NOTICE = testNotice();

function banner(lang: Language): string {
  return `<p style="margin:0 0 16px;padding:12px;border:2px solid #92400e;background:#fef3c7;color:#451a03;font-weight:bold">${escapeHtml(testNotice(lang))}</p>`;
}

/** The email with the test marking added (once, in any language: marking a marked email changes nothing). */
export function markedAsTest(email: OutgoingEmail): OutgoingEmail {
  if (KNOWN_LANGUAGES.some((lang) => email.subject.startsWith(testSubjectPrefix(lang)))) return email;
  const lang = email.lang ?? "en";
  const body = /<body[^>]*>/i.exec(email.html);
  const html = body
    ? `${email.html.slice(0, body.index + body[0].length)}\n${banner(lang)}${email.html.slice(body.index + body[0].length)}`
    : `${banner(lang)}\n${email.html}`;
  return { ...email, subject: `${testSubjectPrefix(lang)}${email.subject}`, text: `${testNotice(lang)}\n\n${email.text}`, html };
}
