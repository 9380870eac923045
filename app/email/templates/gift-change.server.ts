import { emailDocument, paragraphsHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { formatPortalDate, type Interval } from "~/portal/messages";
import { formatMoney } from "~/utils/money";

/** What a donor changed on their giving pages, confirmed by email (amounts in minor units, written in the email's language). */
export type GiftChange =
  | { kind: "amount"; before: number; after: number; currency: string }
  | { kind: "pause"; until: Date }
  | { kind: "resume" }
  | { kind: "cancel" };

export function giftChangeEmail(input: {
  /** Unique per change (the audit row's id): the same change is never confirmed twice. */
  changeId: string;
  to: string;
  donorId: string;
  donorName: string;
  interval: Interval;
  /** In the email's language. */
  campaignTitle: string;
  organisationName: string;
  change: GiftChange;
  /** The donor's language (that of their latest gift). */
  lang?: Language;
}): OutgoingEmail {
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const { change } = input;
  const org = { org: input.organisationName };
  const campaign = input.campaignTitle;
  const [subject, body] =
    change.kind === "amount"
      ? [
          t("email.giftChange.amountSubject", org),
          t(input.interval === "yearly" ? "email.giftChange.amountBodyYearly" : "email.giftChange.amountBodyMonthly", {
            campaign,
            before: formatMoney(change.before, change.currency, localeOf(lang)),
            after: formatMoney(change.after, change.currency, localeOf(lang)),
          }),
        ]
      : change.kind === "pause"
        ? [
            t("email.giftChange.pauseSubject", org),
            t("email.giftChange.pauseBody", { campaign, until: formatPortalDate(change.until, lang) }),
          ]
        : change.kind === "resume"
          ? [t("email.giftChange.resumeSubject", org), t("email.giftChange.resumeBody", { campaign })]
          : [t("email.giftChange.cancelSubject", org), t("email.giftChange.cancelBody", { campaign })];
  const greeting = t("email.giftChange.greeting", { name: input.donorName });
  const notYou = t("email.giftChange.notYou");
  const text = [greeting, "", body, "", notYou].join("\n");
  const html = emailDocument(subject, paragraphsHtml([greeting, body, notYou]), lang);
  return {
    dedupeKey: `gift-change:${input.changeId}`,
    kind: `gift_${change.kind}`,
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
    lang,
  };
}

/** The second failed-payment notice: Stripe's last retry failed and the gift has ended. */
export function giftEndedEmail(input: {
  subscriptionId: string;
  to: string;
  donorId: string;
  donorName: string;
  amount: number;
  currency: string;
  /** In the email's language. */
  campaignTitle: string;
  /** The campaign's page in the email's language. */
  campaignUrl: string;
  organisationName: string;
  /** The language the donor gave in. */
  lang?: Language;
}): OutgoingEmail {
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const subject = t("email.giftChange.endedSubject", { org: input.organisationName });
  const amount = formatMoney(input.amount, input.currency, localeOf(lang));
  const greeting = t("email.giftChange.greeting", { name: input.donorName });
  const lines = [
    t("email.giftChange.endedBody", { amount, campaign: input.campaignTitle }),
    t("email.giftChange.endedRestart", { url: input.campaignUrl }),
    t("email.giftChange.thanks"),
  ];
  const text = [greeting, "", ...lines.flatMap((line) => [line, ""]), input.organisationName].join("\n");
  const html = emailDocument(subject, paragraphsHtml([greeting, ...lines, input.organisationName]), lang);
  return {
    dedupeKey: `gift-ended:${input.subscriptionId}`,
    kind: "gift_ended",
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
    lang,
  };
}
