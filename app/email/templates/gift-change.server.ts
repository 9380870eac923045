import { emailDocument, escapeHtml } from "~/email/templates/html.server";
import type { OutgoingEmail } from "~/email/outbox.data.server";
import { portalMessages, type Interval } from "~/portal/messages";

/** What a donor changed on their giving pages, confirmed by email. */
export type GiftChange =
  { kind: "amount"; before: string; after: string } | { kind: "pause"; until: string } | { kind: "resume" } | { kind: "cancel" };

export function giftChangeEmail(input: {
  /** Unique per change (the audit row's id): the same change is never confirmed twice. */
  changeId: string;
  to: string;
  donorId: string;
  donorName: string;
  interval: Interval;
  campaignTitle: string;
  organisationName: string;
  change: GiftChange;
}): OutgoingEmail {
  const m = portalMessages.email;
  const { change } = input;
  const [subject, body] =
    change.kind === "amount"
      ? [m.amountSubject(input.organisationName), m.amountBody(change.before, change.after, input.interval, input.campaignTitle)]
      : change.kind === "pause"
        ? [m.pauseSubject(input.organisationName), m.pauseBody(input.campaignTitle, change.until)]
        : change.kind === "resume"
          ? [m.resumeSubject(input.organisationName), m.resumeBody(input.campaignTitle)]
          : [m.cancelSubject(input.organisationName), m.cancelBody(input.campaignTitle)];
  const text = [m.greeting(input.donorName), "", body, "", m.notYou].join("\n");
  const html = emailDocument(
    subject,
    `<p>${escapeHtml(m.greeting(input.donorName))}</p>
<p>${escapeHtml(body)}</p>
<p>${escapeHtml(m.notYou)}</p>`,
  );
  return {
    dedupeKey: `gift-change:${input.changeId}`,
    kind: `gift_${change.kind}`,
    to: input.to,
    subject,
    text,
    html,
    donorId: input.donorId,
  };
}

/** The second failed-payment notice: Stripe's last retry failed and the gift has ended. */
export function giftEndedEmail(input: {
  subscriptionId: string;
  to: string;
  donorId: string;
  donorName: string;
  amount: string;
  campaignTitle: string;
  campaignUrl: string;
  organisationName: string;
}): OutgoingEmail {
  const m = portalMessages.email;
  const subject = m.endedSubject(input.organisationName);
  const lines = [m.endedBody(input.amount, input.campaignTitle), m.endedRestart(input.campaignUrl), m.thanks];
  const text = [m.greeting(input.donorName), "", ...lines.flatMap((line) => [line, ""]), input.organisationName].join("\n");
  const html = emailDocument(
    subject,
    `<p>${escapeHtml(m.greeting(input.donorName))}</p>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
<p>${escapeHtml(input.organisationName)}</p>`,
  );
  return { dedupeKey: `gift-ended:${input.subscriptionId}`, kind: "gift_ended", to: input.to, subject, text, html, donorId: input.donorId };
}
