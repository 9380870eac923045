import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { formatMoney } from "~/utils/money";

/** Tells a monthly donor that a payment failed, with where to update the card. */
export function paymentFailedEmail(input: {
  invoiceId: string;
  to: string;
  donorName: string;
  donorId: string;
  amount: number;
  currency: string;
  campaignTitle: string;
  organisationName: string;
  manageUrl: string;
}): OutgoingEmail {
  const amount = formatMoney(input.amount, input.currency);
  const subject = `Your monthly gift to ${input.organisationName} did not go through`;
  const text = [
    `Dear ${input.donorName},`,
    "",
    `We tried to collect your monthly gift of ${amount} to "${input.campaignTitle}", but the payment did not go through. Nothing was taken.`,
    "",
    `To keep your gift going, please update your card here: ${input.manageUrl}`,
    "",
    "Your card's bank will try again over the next days; if you would rather stop your monthly gift, you can cancel at the same address.",
    "",
    `Thank you for standing with us,`,
    input.organisationName,
  ].join("\n");
  const html = emailDocument(
    subject,
    `<p>Dear ${escapeHtml(input.donorName)},</p>
<p>We tried to collect your monthly gift of <strong>${escapeHtml(amount)}</strong> to &ldquo;${escapeHtml(input.campaignTitle)}&rdquo;, but the payment did not go through. Nothing was taken.</p>
<p><a href="${escapeHtml(input.manageUrl)}">Update your card to keep your gift going</a></p>
<p>If you would rather stop your monthly gift, you can cancel at the same page.</p>
<p>Thank you for standing with us,<br>${escapeHtml(input.organisationName)}</p>`,
  );
  return {
    dedupeKey: `payment-failed:${input.invoiceId}`,
    kind: "payment_failed",
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
  };
}
