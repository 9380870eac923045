import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import type { Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";

/** The email carrying a one-time link to the donor's giving pages. */
export function manageLinkEmail(input: {
  /** Start of the window the request fell in: one link per donor and window. */
  window: Date;
  to: string;
  donorId: string;
  donorName: string;
  url: string;
  organisationName: string;
  /** The donor's language (that of their last gift). */
  lang?: Language;
}): OutgoingEmail {
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const subject = t("email.manageLink.subject", { org: input.organisationName });
  const dear = t("email.manageLink.dear", { name: input.donorName });
  const text = [dear, "", t("email.manageLink.use"), input.url, "", t("email.manageLink.ignore")].join("\n");
  const html = emailDocument(
    subject,
    `<p>${escapeHtml(dear)}</p>
<p><a href="${escapeHtml(input.url)}">${escapeHtml(t("email.manageLink.link"))}</a>. ${escapeHtml(t("email.manageLink.once"))}</p>
<p>${escapeHtml(t("email.manageLink.ignore"))}</p>`,
    lang,
  );
  return {
    dedupeKey: `manage-link:${input.donorId}:${input.window.toISOString()}`,
    kind: "manage_link",
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
    lang,
  };
}
