/** Words and formats the staff pages use for donations (shared by server and browser code). */
export const FREQUENCY_LABELS: Record<string, string> = { once: "Once", monthly: "Monthly", yearly: "Yearly" };

export const STATUS_LABELS: Record<string, string> = {
  succeeded: "Succeeded",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  disputed: "Disputed",
};

export const DISPUTE_LABELS: Record<string, string> = {
  inquiry: "Inquiry open",
  open: "Dispute open",
  won: "Dispute won",
  lost: "Dispute lost",
};

const dateTime = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "25 Nov 2026, 14:05 UTC": staff pages show times in UTC, as receipts and filters count days in UTC. */
export function formatUtc(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}

/** How an offline gift was paid, as staff and receipts name it. */
export const OFFLINE_METHOD_LABELS: Record<string, string> = {
  cheque: "Cheque",
  cash: "Cash",
  bank_transfer: "Bank transfer",
  other: "Other",
};

/** What staff pages show for a donor whose personal data was erased. */
export const ERASED_DONOR_NAME = "Erased donor";
