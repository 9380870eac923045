import { emailDocument, paragraphsHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import type { OrganisationSettings } from "~/organisation/organisation.data.server";
import { formatMoney } from "~/utils/money";

/**
 * Sent only when staff ask for it while voiding an offline gift (a bounced
 * cheque, a gift entered twice): the receipt no longer stands. Written in
 * the donor's language; the reason is staff's own words, as they typed it.
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
  /** The donor's language (their last gift's). */
  lang?: Language;
}): OutgoingEmail {
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const receipt = input.receiptNumber ? t("email.giftVoided.receipt", { number: input.receiptNumber }) : t("email.giftVoided.theGift");
  const subject = t("email.giftVoided.subject", { org: input.organisation.name });
  const lines = [
    t("email.giftVoided.dear", { name: input.donorName }),
    "",
    t("email.giftVoided.cancelled", {
      amount: formatMoney(input.amount, input.currency, localeOf(lang)),
      receipt,
      reason: input.reason,
    }),
    input.receiptNumber ? t("email.giftVoided.receiptVoid", { number: input.receiptNumber }) : t("email.giftVoided.noReceipt"),
    "",
    t("email.giftVoided.org", { legalName: input.organisation.legalName, ein: input.organisation.ein }),
    t("email.giftVoided.questions", { email: input.organisation.supportEmail }),
  ];
  return {
    dedupeKey: `gift-voided:${input.donationId}`,
    kind: "gift_voided",
    to: input.to,
    subject,
    text: lines.join("\n"),
    html: emailDocument(subject, paragraphsHtml(lines), lang),
    donorId: input.donorId,
    donationId: input.donationId,
  };
}
