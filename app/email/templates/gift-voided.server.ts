import { emailDocument, paragraphsHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";
import { formatMoney } from "~/utils/money";

/**
 * Sent only when staff ask for it while voiding an offline gift (a bounced
 * cheque, a gift entered twice): the receipt no longer stands.
 */
export function giftVoidedEmail(input: {
  donationId: string;
  donorId: string;
  to: string;
  donorName: string;
  receiptNumber: string | null;
  amount: number;
  currency: string;
  reason: string;
  organisation: OrganisationSettings;
}): OutgoingEmail {
  const receipt = input.receiptNumber ? `receipt ${input.receiptNumber}` : "the gift";
  const subject = `A gift recorded by ${input.organisation.name} was cancelled`;
  const lines = [
    `Dear ${input.donorName},`,
    "",
    `We have cancelled the gift of ${formatMoney(input.amount, input.currency)} we recorded for you (${receipt}): ${input.reason}`,
    input.receiptNumber
      ? `Receipt ${input.receiptNumber} no longer stands: please do not use it for your tax records.`
      : "No receipt was issued for it.",
    "",
    `${input.organisation.legalName}, EIN ${input.organisation.ein}`,
    `Questions: ${input.organisation.supportEmail}`,
  ];
  return {
    dedupeKey: `gift-voided:${input.donationId}`,
    kind: "gift_voided",
    to: input.to,
    subject,
    text: lines.join("\n"),
    html: emailDocument(subject, paragraphsHtml(lines)),
    donorId: input.donorId,
    donationId: input.donationId,
  };
}
