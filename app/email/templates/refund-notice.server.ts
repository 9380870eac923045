import { emailDocument, paragraphsHtml } from "~/email/templates/html.server";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
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
  /** The language the donor gave in. */
  lang?: Language;
}): OutgoingEmail {
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const money = (amount: number) => formatMoney(amount, input.currency, localeOf(lang));
  const deductible = money(Math.max(0, input.grossAmount - input.refundedAmount));
  const original = money(input.grossAmount);
  const receipt = input.receiptNumber ? t("email.refund.receipt", { number: input.receiptNumber }) : t("email.refund.yourReceipt");
  const reversed = input.refundedAmount < input.previousRefundedAmount;
  const subject = t(reversed ? "email.refund.subjectReversed" : "email.refund.subject", { org: input.organisation.name });
  const inAll = t("email.refund.inAll", { amount: money(input.refundedAmount) });
  const what = reversed
    ? [
        t("email.refund.reversed", { amount: money(input.previousRefundedAmount - input.refundedAmount), original, receipt }),
        input.refundedAmount > 0 ? inAll : t("email.refund.none"),
      ]
    : [
        t("email.refund.refunded", { amount: money(input.refundedAmount - input.previousRefundedAmount), original, receipt }),
        ...(input.previousRefundedAmount > 0 ? [inAll] : []),
      ];
  const lines = [
    t("email.refund.dear", { name: input.donorName }),
    "",
    ...what,
    t("email.refund.corrected", { amount: deductible, receipt }),
    "",
    t("email.refund.org", { legalName: input.organisation.legalName, ein: input.organisation.ein }),
    t("email.refund.questions", { email: input.organisation.supportEmail }),
  ];
  return {
    dedupeKey: `refund:${input.donationId}:${input.eventId}`,
    kind: "refund_notice",
    to: input.to,
    subject,
    text: lines.join("\n"),
    html: emailDocument(subject, paragraphsHtml(lines), lang),
    donorId: input.donorId,
    lang,
    donationId: input.donationId,
  };
}
