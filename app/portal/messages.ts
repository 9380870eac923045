/**
 * Every word the donor portal shows or emails, in one place: plain strings,
 * and small functions where a sentence takes values (already formatted:
 * amounts through formatMoney, dates through formatPortalDate). Kept apart
 * from the pages and templates so they can be moved into translation
 * catalogues as they are.
 */
export type Interval = "monthly" | "yearly";

export const portalMessages = {
  title: "Your giving",
  intro: (name: string) => `Hello ${name}. Here is every gift you have made, with its receipt.`,
  sessionNote: (until: string) => `For your security this page stays open until ${until}; after that, ask for a new link.`,
  signOut: "Sign out",
  signedOut: "You are signed out. To come back, ask for a new link.",
  ended: "Your page has closed (it stays open for 30 minutes). Ask for a new link below.",

  recurringHeading: "Your recurring gifts",
  noRecurring: "You have no monthly or yearly gift.",
  giftLine: (amount: string, interval: Interval, campaign: string) =>
    `${amount} ${interval === "yearly" ? "each year" : "each month"} to ${campaign}`,
  coveredFeeNote: (fee: string) => `includes ${fee} to cover processing fees`,
  nextCharge: (date: string) => `Next gift: ${date}`,
  pausedUntil: (date: string) => `Paused: nothing is collected until ${date}.`,
  statusLabels: {
    active: "Active",
    past_due: "Payment failed: we will try again",
    unpaid: "Payment failed",
    incomplete: "Starting",
    paused: "Paused",
    canceled: "Cancelled",
  } as Record<string, string>,
  cancelledOn: (date: string) => `Cancelled on ${date}.`,

  changeAmountLegend: "Change the amount",
  newAmountLabel: "New amount",
  changeAmountHint: "From your next gift on; nothing is charged now.",
  changeAmountButton: "Change amount",
  pauseLegend: "Pause",
  pauseMonthsLabel: "For how long",
  pauseMonths: (months: number) => (months === 1 ? "1 month" : `${months} months`),
  pauseButton: "Pause my gift",
  resumeButton: "Resume now",
  cancelLegend: "Cancel",
  cancelReasonLabel: "Why are you cancelling? (optional, read only by our staff)",
  cancelButton: "Cancel my gift",
  cardButton: "Update my card",
  cardHint: "You will go to our payment processor's secure page.",

  giftsHeading: "Your gifts",
  noGifts: "No gifts yet.",
  giftColumns: ["Date", "Gift", "Amount", "Receipt", ""] as const,
  giftKind: (frequency: string, campaign: string) =>
    `${frequency === "yearly" ? "Yearly gift" : frequency === "monthly" ? "Monthly gift" : "Gift"} to ${campaign}`,
  receiptPdf: "Receipt (PDF)",
  refunded: (amount: string) => `${amount} refunded`,
  fullyRefunded: "Refunded",
  noReceiptYet: "Receipt on its way",

  preferenceLegend: "Emails for your recurring gifts",
  preferenceEach: "A receipt for each gift",
  preferenceAnnual: "Only the annual statement (one email a year)",
  preferenceButton: "Save",

  statementHeading: "Annual statement",
  statementLink: (year: number) => `Statement for ${year} (PDF)`,

  done: {
    amount: (amount: string, interval: Interval) =>
      `Thank you. From your next gift on you give ${amount} ${interval === "yearly" ? "each year" : "each month"}.`,
    pause: (date: string) => `Your gift is paused until ${date}.`,
    resume: "Your gift is collecting again from its next date.",
    cancel: "Your gift is cancelled. Thank you for everything you have given.",
    preference: "Your email choice is saved.",
    card: "Thank you: your card is updated.",
  },

  errors: {
    amountRange: (min: string, max: string) => `Give between ${min} and ${max}.`,
    amountFormat: "Enter an amount like 25 or 25.00.",
    sameAmount: "That is already the amount of your gift.",
    pauseMonths: "Choose 1, 2 or 3 months.",
    notRunning: "This gift is not running, so it cannot be changed.",
    alreadyPaused: "This gift is already paused.",
    notPaused: "This gift is not paused.",
    notFound: "We could not find that gift.",
    stripe: "We could not reach our payment processor just now, so nothing changed. Please try again in a moment.",
    reasonTooLong: "Keep your reason to 500 characters or fewer.",
    choose: "Choose one.",
  },

  cardLink: {
    title: "Update your card",
    intro: "Your last payment did not go through. Update your card on our payment processor's secure page to keep your gift going.",
    expired: "This link has expired (it works for 7 days). Ask for a new link to your giving page below.",
    invalid: "This link is not valid. Ask for a new link to your giving page below.",
    askAgain: "Ask for a link to your giving page",
  },

  email: {
    amountSubject: (org: string) => `Your gift to ${org} is changed`,
    greeting: (name: string) => `Dear ${name},`,
    amountBody: (before: string, after: string, interval: Interval, campaign: string) =>
      `Your ${interval === "yearly" ? "yearly" : "monthly"} gift to "${campaign}" changes from ${before} to ${after}, from your next gift on. Nothing was charged for the change.`,
    pauseSubject: (org: string) => `Your gift to ${org} is paused`,
    pauseBody: (campaign: string, until: string) => `Your gift to "${campaign}" is paused: nothing is collected until ${until}.`,
    resumeSubject: (org: string) => `Your gift to ${org} is collecting again`,
    resumeBody: (campaign: string) => `Your gift to "${campaign}" is collecting again from its next date.`,
    cancelSubject: (org: string) => `Your gift to ${org} is cancelled`,
    cancelBody: (campaign: string) => `Your gift to "${campaign}" is cancelled; nothing more will be collected.`,
    notYou: "If you did not make this change, please reply to this email.",
    endedSubject: (org: string) => `Your gift to ${org} has ended`,
    endedBody: (amount: string, campaign: string) =>
      `We tried several times to collect your gift of ${amount} to "${campaign}", but the payments did not go through, so the gift has ended. Nothing was taken.`,
    endedRestart: (url: string) => `If you would like to give again, you can start a new gift here: ${url}`,
    thanks: "Thank you for everything you have given.",
  },
};

/** A date as the portal writes it ("March 2, 2027"), in UTC like every date Lantern stores. */
export function formatPortalDate(date: Date | string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(date));
}

/** A time of day as the portal writes it ("3:05 AM UTC"). */
export function formatPortalTime(date: Date | string): string {
  return `${new Intl.DateTimeFormat("en-US", { timeStyle: "short", timeZone: "UTC" }).format(new Date(date))} UTC`;
}
