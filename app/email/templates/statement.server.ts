import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
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

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}

/** One donor's statement of a year's giving, with the deductible total per currency. */
export function annualStatementEmail(input: {
  year: number;
  donorId: string;
  to: string;
  donorName: string;
  gifts: StatementGift[];
  organisation: OrganisationSettings;
  /** The donor's language (that of their last gift). */
  lang?: Language;
}): OutgoingEmail {
  const org = input.organisation;
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const locale = localeOf(lang);
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const date = (value: Date) => dateFormat(locale).format(value);
  const year = String(input.year);
  const totals = new Map<string, number>();
  for (const gift of input.gifts) totals.set(gift.currency, (totals.get(gift.currency) ?? 0) + gift.deductible);
  const totalText = [...totals].map(([currency, amount]) => money(amount, currency)).join(" + ");
  const line = (g: StatementGift) =>
    `${date(g.paidAt)}  ${g.campaignTitle}  ${money(g.grossAmount, g.currency)}` +
    `${g.refundedAmount > 0 ? `  (${t("email.statement.refunded", { amount: money(g.refundedAmount, g.currency) })})` : ""}` +
    `${g.receiptNumber ? `  ${t("email.statement.receipt", { number: g.receiptNumber })}` : ""}`;
  const subject = t("email.statement.subject", { year, org: org.name });
  const noGoods = t("email.statement.noGoods");
  const thanks = { legalName: org.legalName, ein: org.ein, address: org.address, year };
  const total = t("email.statement.total", { year, total: totalText });
  const text = [
    t("email.statement.dear", { name: input.donorName }),
    "",
    t("email.statement.thanks", thanks),
    "",
    ...input.gifts.map(line),
    "",
    total,
    noGoods,
    "",
    t("email.statement.questions", { email: org.supportEmail }),
  ].join("\n");
  const rows = input.gifts
    .map(
      (g) =>
        `<tr><td>${escapeHtml(date(g.paidAt))}</td><td>${escapeHtml(g.campaignTitle)}</td><td>${escapeHtml(money(g.grossAmount, g.currency))}</td><td>${g.refundedAmount > 0 ? escapeHtml(money(g.refundedAmount, g.currency)) : ""}</td><td>${escapeHtml(g.receiptNumber ?? "")}</td></tr>`,
    )
    .join("\n");
  const heading = (key: string) => `<th scope="col" align="left">${escapeHtml(t(`email.statement.${key}`))}</th>`;
  const html = emailDocument(
    subject,
    `<p>${escapeHtml(t("email.statement.dear", { name: input.donorName }))}</p>
<p>${escapeHtml(t("email.statement.thanksHtml", thanks))}</p>
<table style="border-collapse:collapse" cellpadding="4">
<caption style="text-align:left;font-weight:bold">${escapeHtml(t("email.statement.caption", { year }))}</caption>
<thead><tr>${["date", "campaign", "amount", "refundedHeading", "receiptHeading"].map(heading).join("")}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><strong>${escapeHtml(total)}</strong></p>
<p>${escapeHtml(noGoods)}</p>
<p>${escapeHtml(t("email.statement.questionsLead"))} <a href="mailto:${escapeHtml(org.supportEmail)}">${escapeHtml(org.supportEmail)}</a></p>`,
    lang,
  );
  return {
    dedupeKey: `statement:${input.donorId}:${input.year}`,
    kind: "annual_statement",
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
    lang,
  };
}
