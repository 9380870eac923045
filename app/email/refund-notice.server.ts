import { emailDocument, escapeHtml } from "~/email/html.server";
import type { OrganisationSettings } from "~/models/organisation.server";
import type { OutgoingEmail } from "~/models/outbox.server";
import { formatMoney } from "~/utils/money";

/** A short notice after a refund, stating the corrected deductible amount. */
export function refundNoticeEmail(input: {
  donationId: string;
  donorId: string;
  to: string;
  donorName: string;
  receiptNumber: string | null;
  grossAmount: number;
  refundedAmount: number;
  currency: string;
  organisation: OrganisationSettings;
}): OutgoingEmail {
  const refunded = formatMoney(input.refundedAmount, input.currency);
  const deductible = formatMoney(Math.max(0, input.grossAmount - input.refundedAmount), input.currency);
  const original = formatMoney(input.grossAmount, input.currency);
  const receipt = input.receiptNumber ? `receipt ${input.receiptNumber}` : "your receipt";
  const subject = `Refund of your gift to ${input.organisation.name}`;
  const lines = [
    `Dear ${input.donorName},`,
    "",
    `We have refunded ${refunded} of your gift of ${original} (${receipt}).`,
    `The corrected tax-deductible amount of this gift is ${deductible}. Please use it in place of the amount on ${receipt}.`,
    "",
    `${input.organisation.legalName}, EIN ${input.organisation.ein}`,
    `Questions: ${input.organisation.supportEmail}`,
  ];
  return {
    dedupeKey: `refund:${input.donationId}:${input.refundedAmount}`,
    kind: "refund_notice",
    to: input.to,
    subject,
    text: lines.join("\n"),
    html: emailDocument(subject, lines.filter(Boolean).map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")),
    donorId: input.donorId,
    donationId: input.donationId,
  };
}
