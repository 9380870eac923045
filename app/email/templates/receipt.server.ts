import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
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
  /** An offline gift's way of payment ("Cheque 1042", "Cash"), shown instead of a card. */
  paymentMethodLabel?: string;
  dedication: { kind: "honour" | "memory"; name: string } | null;
  organisation: OrganisationSettings;
  manageUrl: string;
  /** A copy sent again later: says so at the top and in the subject. */
  copy?: boolean;
  /** Made in sandbox mode: no gift was made, so it must not claim to be a tax receipt. */
  test?: boolean;
  /** The language the donor gave in (the pledge's); the default language's when unknown. */
  lang?: Language;
}

/**
 * The tax receipt for one gift, in plain text and simple HTML. The amount is
 * what the donor gave, covered fee included, and says which part was the fee.
 */
export function receiptEmail(input: ReceiptInput): OutgoingEmail {
  const org = input.organisation;
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const locale = localeOf(lang);
  const amount = formatMoney(input.grossAmount, input.currency, locale);
  const fee = input.coveredFee > 0 ? formatMoney(input.coveredFee, input.currency, locale) : null;
  // An offline gift names its method as staff recorded it (e.g. "Cheque 001042").
  const method = input.paymentMethodLabel
    ? input.paymentMethodLabel
    : input.paymentMethod.brand && input.paymentMethod.last4
      ? t("email.receipt.cardEnding", {
          brand: `${input.paymentMethod.brand.charAt(0).toUpperCase()}${input.paymentMethod.brand.slice(1)}`,
          last4: input.paymentMethod.last4,
        })
      : t("email.receipt.card");
  const dedication = input.dedication
    ? t(input.dedication.kind === "honour" ? "email.receipt.honour" : "email.receipt.memory", { name: input.dedication.name })
    : null;
  const subject = t(input.copy ? "email.receipt.subjectCopy" : "email.receipt.subject", { number: input.receiptNumber, org: org.name });
  const copyNote = input.copy ? t("email.receipt.copyNote") : null;
  const rows: Array<[string, string]> = [
    [t("email.receipt.number"), input.receiptNumber],
    [t("email.receipt.donor"), input.donorName],
    [t("email.receipt.date"), dateFormat(locale).format(input.paidAt)],
    [
      t("email.receipt.amount"),
      fee
        ? t("email.receipt.amountFee", { amount, currency: input.currency, fee })
        : t("email.receipt.amountValue", { amount, currency: input.currency }),
    ],
    [
      t("email.receipt.gift"),
      t(input.yearly ? "email.receipt.giftYearly" : input.monthly ? "email.receipt.giftMonthly" : "email.receipt.giftOnce", {
        campaign: input.campaignTitle,
      }),
    ],
    [t("email.receipt.paymentMethod"), method],
    ...(dedication ? ([[t("email.receipt.dedication"), dedication]] as Array<[string, string]>) : []),
  ];
  // The legal wording (no goods or services; the organisation's exemption), in the donor's language.
  const noGoods = t("email.receipt.noGoods");
  const taxNote = input.test ? t("email.receipt.testNote") : t("email.receipt.taxNote", { legalName: org.legalName });
  const monthlyNote = input.monthly
    ? t(input.yearly ? "email.receipt.yearlyNote" : "email.receipt.monthlyNote", { url: input.manageUrl })
    : null;
  const text = [
    ...(copyNote ? [copyNote, ""] : []),
    t("email.receipt.thanks", { name: input.donorName }),
    "",
    `${org.legalName}`,
    t("email.receipt.ein", { ein: org.ein }),
    org.address,
    "",
    ...rows.map(([label, value]) => `${label}: ${value}`),
    "",
    noGoods,
    taxNote,
    ...(monthlyNote ? ["", monthlyNote] : []),
    "",
    t("email.receipt.questions", { email: org.supportEmail }),
  ].join("\n");
  const html = emailDocument(
    subject,
    `${copyNote ? `<p><em>${escapeHtml(copyNote)}</em></p>\n` : ""}<h1 style="font-size:22px">${escapeHtml(t("email.receipt.thanksHeading", { name: input.donorName }))}</h1>
<p><strong>${escapeHtml(org.legalName)}</strong><br>${escapeHtml(t("email.receipt.ein", { ein: org.ein }))}<br>${escapeHtml(org.address)}</p>
<table role="presentation" style="border-collapse:collapse">
${rows.map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`).join("\n")}
</table>
<p>${escapeHtml(noGoods)}</p>
<p>${escapeHtml(taxNote)}</p>
${input.monthly ? `<p>${escapeHtml(t(input.yearly ? "email.receipt.yearlyHtml" : "email.receipt.monthlyHtml"))} <a href="${escapeHtml(input.manageUrl)}">${escapeHtml(t("email.receipt.monthlyLink"))}</a>.</p>` : ""}
<p>${escapeHtml(t("email.receipt.questionsLead"))} <a href="mailto:${escapeHtml(org.supportEmail)}">${escapeHtml(org.supportEmail)}</a></p>`,
    lang,
  );
  return {
    dedupeKey: `receipt:${input.donationId}`,
    kind: "receipt",
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
    lang,
    donationId: input.donationId,
    test: input.test ?? false,
  };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}
