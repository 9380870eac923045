import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { formatMoney } from "~/utils/money";

export interface StatementGift {
  paidAt: Date;
  campaignTitle: string;
  receiptNumber: string | null;
  grossAmount: number;
  refundedAmount: number;
  /** What remains deductible: gross less refunds and a lost dispute. */
  deductible: number;
  currency: string;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** One donor's statement of a year's giving, with the deductible total per currency. */
export function annualStatementEmail(input: {
  year: number;
  donorId: string;
  to: string;
  donorName: string;
  gifts: StatementGift[];
  organisation: OrganisationSettings;
}): OutgoingEmail {
  const org = input.organisation;
  const totals = new Map<string, number>();
  for (const gift of input.gifts) totals.set(gift.currency, (totals.get(gift.currency) ?? 0) + gift.deductible);
  const totalText = [...totals].map(([currency, amount]) => formatMoney(amount, currency)).join(" + ");
  const line = (g: StatementGift) =>
    `${dateFormat.format(g.paidAt)}  ${g.campaignTitle}  ${formatMoney(g.grossAmount, g.currency)}` +
    `${g.refundedAmount > 0 ? `  (refunded ${formatMoney(g.refundedAmount, g.currency)})` : ""}${g.receiptNumber ? `  receipt ${g.receiptNumber}` : ""}`;
  const subject = `Your ${input.year} giving statement from ${org.name}`;
  const noGoods = "No goods or services were provided in exchange for these contributions.";
  const text = [
    `Dear ${input.donorName},`,
    "",
    `Thank you for your gifts to ${org.legalName} (EIN ${org.ein}, ${org.address}) in ${input.year}:`,
    "",
    ...input.gifts.map(line),
    "",
    `Total tax-deductible amount for ${input.year}: ${totalText}`,
    noGoods,
    "",
    `Questions: ${org.supportEmail}`,
  ].join("\n");
  const rows = input.gifts
    .map(
      (g) =>
        `<tr><td>${escapeHtml(dateFormat.format(g.paidAt))}</td><td>${escapeHtml(g.campaignTitle)}</td><td>${escapeHtml(formatMoney(g.grossAmount, g.currency))}</td><td>${g.refundedAmount > 0 ? escapeHtml(formatMoney(g.refundedAmount, g.currency)) : ""}</td><td>${escapeHtml(g.receiptNumber ?? "")}</td></tr>`,
    )
    .join("\n");
  const html = emailDocument(
    subject,
    `<p>Dear ${escapeHtml(input.donorName)},</p>
<p>Thank you for your gifts to <strong>${escapeHtml(org.legalName)}</strong> (EIN ${escapeHtml(org.ein)}, ${escapeHtml(org.address)}) in ${input.year}.</p>
<table style="border-collapse:collapse" cellpadding="4">
<caption style="text-align:left;font-weight:bold">Gifts in ${input.year}</caption>
<thead><tr><th scope="col" align="left">Date</th><th scope="col" align="left">Campaign</th><th scope="col" align="left">Amount</th><th scope="col" align="left">Refunded</th><th scope="col" align="left">Receipt</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><strong>Total tax-deductible amount for ${input.year}: ${escapeHtml(totalText)}</strong></p>
<p>${escapeHtml(noGoods)}</p>
<p>Questions: <a href="mailto:${escapeHtml(org.supportEmail)}">${escapeHtml(org.supportEmail)}</a></p>`,
  );
  return {
    dedupeKey: `statement:${input.donorId}:${input.year}`,
    kind: "annual_statement",
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
  };
}
