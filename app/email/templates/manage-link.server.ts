import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";

/** The email carrying a one-time link to the donor's giving pages. */
export function manageLinkEmail(input: {
  /** Start of the window the request fell in: one link per donor and window. */
  window: Date;
  to: string;
  donorId: string;
  donorName: string;
  url: string;
  organisationName: string;
}): OutgoingEmail {
  const subject = `Your gifts to ${input.organisationName}`;
  const text = [
    `Dear ${input.donorName},`,
    "",
    "Use this link to see your gifts and receipts, and to change, pause or cancel a monthly gift. It works once, for 30 minutes:",
    input.url,
    "",
    "If you did not ask for it, you can ignore this email: nothing changes.",
  ].join("\n");
  const html = emailDocument(
    subject,
    `<p>Dear ${escapeHtml(input.donorName)},</p>
<p><a href="${escapeHtml(input.url)}">See your gifts and receipts, and change, pause or cancel a monthly gift</a>. The link works once, for 30 minutes.</p>
<p>If you did not ask for it, you can ignore this email: nothing changes.</p>`,
  );
  return {
    dedupeKey: `manage-link:${input.donorId}:${input.window.toISOString()}`,
    kind: "manage_link",
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
  };
}
