import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
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
  /** The language the donor gave in. */
  lang?: Language;
}): OutgoingEmail {
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const amount = formatMoney(input.amount, input.currency, localeOf(lang));
  const subject = t("email.paymentFailed.subject", { org: input.organisationName });
  const dear = t("email.paymentFailed.dear", { name: input.donorName });
  const tried = t("email.paymentFailed.tried", { amount, campaign: input.campaignTitle });
  const text = [
    dear,
    "",
    tried,
    "",
    t("email.paymentFailed.update", { url: input.manageUrl }),
    "",
    t("email.paymentFailed.retry"),
    "",
    t("email.paymentFailed.thanks"),
    input.organisationName,
  ].join("\n");
  const html = emailDocument(
    subject,
    `<p>${escapeHtml(dear)}</p>
<p>${escapeHtml(tried)}</p>
<p><a href="${escapeHtml(input.manageUrl)}">${escapeHtml(t("email.paymentFailed.updateLink"))}</a></p>
<p>${escapeHtml(t("email.paymentFailed.cancelHtml"))}</p>
<p>${escapeHtml(t("email.paymentFailed.thanks"))}<br>${escapeHtml(input.organisationName)}</p>`,
    lang,
  );
  return {
    dedupeKey: `payment-failed:${input.invoiceId}`,
    kind: "payment_failed",
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
    lang,
  };
}
