import { emailDocument, paragraphsHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import type { Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";

/** "n•••@example.org": enough for the owner to recognise, not a new address handed to whoever reads the old mailbox. */
export function maskedEmail(email: string): string {
  const at = email.indexOf("@");
  return at <= 0 ? "•••" : `${email.slice(0, 1)}•••${email.slice(at)}`;
}

/**
 * Told to a donor's old address when staff change their email: receipts and
 * "manage my monthly gift" links go to the new one from now on, so a change
 * nobody asked for is noticed. Written in the donor's language.
 */
export function donorEmailChangedEmail(input: {
  donorId: string;
  /** The audit row of the change: each change gets its own notice. */
  changeId: string;
  to: string;
  newEmail: string;
  donorName: string;
  organisation: OrganisationSettings;
  /** The donor's language (their last gift's). */
  lang?: Language;
}): OutgoingEmail {
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const subject = t("email.emailChanged.subject", { org: input.organisation.name });
  const lines = [
    t("email.emailChanged.dear", { name: input.donorName }),
    "",
    t("email.emailChanged.changed", { email: maskedEmail(input.newEmail) }),
    t("email.emailChanged.notYou", { email: input.organisation.supportEmail }),
    "",
    input.organisation.legalName,
  ];
  return {
    dedupeKey: `donor-email-changed:${input.donorId}:${input.changeId}`,
    kind: "email_changed",
    to: input.to,
    subject,
    text: lines.join("\n"),
    html: emailDocument(subject, paragraphsHtml(lines), lang),
    donorId: input.donorId,
  };
}
