import { emailDocument, paragraphsHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";

/** "n•••@example.org": enough for the owner to recognise, not a new address handed to whoever reads the old mailbox. */
export function maskedEmail(email: string): string {
  const at = email.indexOf("@");
  return at <= 0 ? "•••" : `${email.slice(0, 1)}•••${email.slice(at)}`;
}

/**
 * Told to a donor's old address when staff change their email: receipts and
 * "manage my monthly gift" links go to the new one from now on, so a change
 * nobody asked for is noticed.
 */
export function donorEmailChangedEmail(input: {
  donorId: string;
  /** The audit row of the change: each change gets its own notice. */
  changeId: string;
  to: string;
  newEmail: string;
  donorName: string;
  organisation: OrganisationSettings;
}): OutgoingEmail {
  const subject = `The email on your donor record at ${input.organisation.name} was changed`;
  const lines = [
    `Dear ${input.donorName},`,
    "",
    `Our staff changed the email on your donor record from this address to ${maskedEmail(input.newEmail)}. Receipts and links to manage a monthly gift will go there from now on.`,
    `If you did not ask for this, write to ${input.organisation.supportEmail} and we will put it right.`,
    "",
    input.organisation.legalName,
  ];
  return {
    dedupeKey: `donor-email-changed:${input.donorId}:${input.changeId}`,
    kind: "email_changed",
    to: input.to,
    subject,
    text: lines.join("\n"),
    html: emailDocument(subject, paragraphsHtml(lines)),
    donorId: input.donorId,
  };
}
