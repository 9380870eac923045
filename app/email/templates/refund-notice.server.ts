import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { formatMoney } from "~/utils/money";

/**
 * A short notice whenever a gift's refunded total changes, stating the
 * corrected deductible amount: after a refund, and again when a refund fails
 * or is cancelled and the money stays with the organisation as a gift.
 */
export function refundNoticeEmail(input: {
  donationId: string;
  donorId: string;
  /** The Stripe event that changed the total: each change gets its own notice. */
  eventId: string;
  to: string;
  donorName: string;
  receiptNumber: string | null;
  grossAmount: number;
  previousRefundedAmount: number;
  refundedAmount: number;
  currency: string;
  organisation: OrganisationSettings;
}): OutgoingEmail {
  const money = (amount: number) => formatMoney(amount, input.currency);
  const deductible = money(Math.max(0, input.grossAmount - input.refundedAmount));
  const original = money(input.grossAmount);
  const receipt = input.receiptNumber ? `receipt ${input.receiptNumber}` : "your receipt";
  const reversed = input.refundedAmount < input.previousRefundedAmount;
  const subject = reversed
    ? `Correction: a refund of your gift to ${input.organisation.name} did not go through`
    : `Refund of your gift to ${input.organisation.name}`;
  const what = reversed
    ? [
        `The refund of ${money(input.previousRefundedAmount - input.refundedAmount)} on your gift of ${original} (${receipt}) did not go through: it failed or was cancelled, so that money was not returned to you and stays with us as your gift.`,
        input.refundedAmount > 0
          ? `In all, ${money(input.refundedAmount)} of this gift has been refunded.`
          : "None of this gift has been refunded.",
      ]
    : [
        `We have refunded ${money(input.refundedAmount - input.previousRefundedAmount)} of your gift of ${original} (${receipt}).`,
        ...(input.previousRefundedAmount > 0 ? [`In all, ${money(input.refundedAmount)} of this gift has been refunded.`] : []),
      ];
  const lines = [
    `Dear ${input.donorName},`,
    "",
    ...what,
    `The corrected tax-deductible amount of this gift is ${deductible}. Please use it in place of the amount on ${receipt} and in any earlier notice.`,
    "",
    `${input.organisation.legalName}, EIN ${input.organisation.ein}`,
    `Questions: ${input.organisation.supportEmail}`,
  ];
  return {
    dedupeKey: `refund:${input.donationId}:${input.eventId}`,
    kind: "refund_notice",
    to: input.to,
    subject,
    text: lines.join("\n"),
    html: emailDocument(
      subject,
      lines
        .filter(Boolean)
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join("\n"),
    ),
    donorId: input.donorId,
    donationId: input.donationId,
  };
}
