import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { formatMoney } from "~/utils/money";

export interface ReceiptInput {
  donationId: string;
  donorId: string;
  to: string;
  receiptNumber: string;
  donorName: string;
  paidAt: Date;
  grossAmount: number;
  coveredFee: number;
  currency: string;
  campaignTitle: string;
  monthly: boolean;
  /** A yearly gift: receipted like a monthly one, named as it is. */
  yearly?: boolean;
  paymentMethod: { brand: string | null; last4: string | null };
  dedication: { kind: "honour" | "memory"; name: string } | null;
  organisation: OrganisationSettings;
  manageUrl: string;
  /** A copy sent again later: says so at the top and in the subject. */
  copy?: boolean;
  /** Made in sandbox mode: no gift was made, so it must not claim to be a tax receipt. */
  test?: boolean;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/**
 * The tax receipt for one gift, in plain text and simple HTML. The amount is
 * what the donor gave, covered fee included, and says which part was the fee.
 */
export function receiptEmail(input: ReceiptInput): OutgoingEmail {
  const org = input.organisation;
  const amount = formatMoney(input.grossAmount, input.currency);
  const fee = input.coveredFee > 0 ? formatMoney(input.coveredFee, input.currency) : null;
  const method =
    input.paymentMethod.brand && input.paymentMethod.last4
      ? `${input.paymentMethod.brand.charAt(0).toUpperCase()}${input.paymentMethod.brand.slice(1)} ending in ${input.paymentMethod.last4}`
      : "Card";
  const dedication = input.dedication ? `In ${input.dedication.kind === "honour" ? "honour" : "memory"} of ${input.dedication.name}` : null;
  const subject = `${input.copy ? "Copy of your" : "Your"} receipt ${input.receiptNumber} from ${org.name}`;
  const copyNote = input.copy ? "This is a copy of a receipt we sent you earlier, for your records." : null;
  const rows: Array<[string, string]> = [
    ["Receipt number", input.receiptNumber],
    ["Donor", input.donorName],
    ["Date", dateFormat.format(input.paidAt)],
    ["Amount", `${amount} (${input.currency})${fee ? `, of which ${fee} you added to cover processing fees` : ""}`],
    ["Gift", input.monthly ? `${input.yearly ? "Yearly" : "Monthly"} gift to ${input.campaignTitle}` : `Gift to ${input.campaignTitle}`],
    ["Payment method", method],
    ...(dedication ? ([["Dedication", dedication]] as Array<[string, string]>) : []),
  ];
  const noGoods = "No goods or services were provided in exchange for this contribution.";
  const taxNote = input.test
    ? "This is a test receipt from sandbox mode: no gift was made and no money moved. It is not a tax receipt."
    : `${org.legalName} is a tax-exempt organisation; keep this receipt for your tax records.`;
  const monthlyNote = input.monthly
    ? `This is a ${input.yearly ? "yearly" : "monthly"} gift. To update your card or cancel, visit ${input.manageUrl}`
    : null;
  const text = [
    ...(copyNote ? [copyNote, ""] : []),
    `Thank you, ${input.donorName}.`,
    "",
    `${org.legalName}`,
    `EIN ${org.ein}`,
    org.address,
    "",
    ...rows.map(([label, value]) => `${label}: ${value}`),
    "",
    noGoods,
    taxNote,
    ...(monthlyNote ? ["", monthlyNote] : []),
    "",
    `Questions: ${org.supportEmail}`,
  ].join("\n");
  const html = emailDocument(
    subject,
    `${copyNote ? `<p><em>${escapeHtml(copyNote)}</em></p>\n` : ""}<h1 style="font-size:22px">Thank you, ${escapeHtml(input.donorName)}</h1>
<p><strong>${escapeHtml(org.legalName)}</strong><br>EIN ${escapeHtml(org.ein)}<br>${escapeHtml(org.address)}</p>
<table role="presentation" style="border-collapse:collapse">
${rows.map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`).join("\n")}
</table>
<p>${escapeHtml(noGoods)}</p>
<p>${escapeHtml(taxNote)}</p>
${input.monthly ? `<p>This is a ${input.yearly ? "yearly" : "monthly"} gift. <a href="${escapeHtml(input.manageUrl)}">Update your card or cancel</a>.</p>` : ""}
<p>Questions: <a href="mailto:${escapeHtml(org.supportEmail)}">${escapeHtml(org.supportEmail)}</a></p>`,
  );
  return {
    dedupeKey: `receipt:${input.donationId}`,
    kind: "receipt",
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
    donationId: input.donationId,
    test: input.test ?? false,
  };
}
