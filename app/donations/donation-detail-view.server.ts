import type { Fact } from "~/donations/components/Facts";
import type { DonationDetail } from "~/donations/donation-detail.data.server";
import { DISPUTE_LABELS, FREQUENCY_LABELS, OFFLINE_METHOD_LABELS, STATUS_LABELS, formatUtc } from "~/donations/donation-labels";
import { formatMoney } from "~/utils/money";

/**
 * Turns a gift's detail into what the staff page shows: formatted on the
 * server, so the page reads the same with or without JavaScript.
 */
const NONE = "—";

function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}

/** How Stripe settled the gift, when the account's balance is in another currency. */
function settledFacts(donation: DonationDetail["donation"]): Fact[] {
  const currency = donation.settlementCurrency;
  if (!currency || currency === donation.currency || donation.settlementAmount === null) return [];
  const settled = (amount: number | null) => (amount === null ? NONE : formatMoney(amount, currency));
  const rate = donation.exchangeRate ? ` at ${donation.exchangeRate.toString()} ${currency} per ${donation.currency}` : "";
  return [
    {
      label: `Settled in ${currency}`,
      value: `${settled(donation.settlementAmount)}${rate}: fee ${settled(donation.settlementFee)}, net ${settled(donation.settlementNet)}`,
    },
  ];
}

export function donationDetailView(detail: DonationDetail) {
  const { donation, emails, events } = detail;
  const { donor, pledge, campaign, recurringGift } = donation;
  const money = (amount: number | null | undefined) =>
    amount === null || amount === undefined ? NONE : formatMoney(amount, donation.currency);
  const dedication =
    pledge?.dedicationKind && pledge.dedicationName
      ? `In ${pledge.dedicationKind === "honour" ? "honour" : "memory"} of ${pledge.dedicationName}`
      : NONE;

  const donorFacts: Fact[] = [
    { label: "Name", value: donor.name },
    ...(pledge && pledge.name !== donor.name ? [{ label: "Name on this gift", value: pledge.name }] : []),
    { label: "Email (current)", value: donor.email ?? NONE },
    ...(pledge && pledge.email.toLowerCase() !== donor.email ? [{ label: "Email on this gift", value: pledge.email }] : []),
    { label: "Stripe customer", value: donor.stripeCustomerId ?? NONE, code: Boolean(donor.stripeCustomerId) },
    { label: "All their gifts", value: "The donor's page", href: `/admin/donors/${donor.id}` },
  ];

  const offlineFacts: Fact[] =
    donation.source === "offline"
      ? [
          { label: "Received by", value: OFFLINE_METHOD_LABELS[donation.offlineMethod ?? "other"] ?? "Other" },
          { label: "Reference", value: donation.reference ?? NONE },
          { label: "Note", value: donation.note ?? NONE },
          { label: "Imported as", value: donation.importKey ?? NONE, code: Boolean(donation.importKey) },
          {
            label: "Voided",
            value: donation.voidedAt ? `${formatUtc(donation.voidedAt)}: ${donation.voidReason ?? NONE} (counts toward nothing)` : "No",
          },
        ]
      : [];

  const giftFacts: Fact[] = [
    { label: "Campaign", value: campaign.title },
    { label: "Once or monthly", value: FREQUENCY_LABELS[donation.frequency] ?? donation.frequency },
    { label: donation.source === "offline" ? "Received" : "Paid", value: formatUtc(donation.paidAt) },
    { label: "Receipt number", value: donation.receiptNumber ?? NONE, code: Boolean(donation.receiptNumber) },
    { label: "Pledged amount", value: pledge ? formatMoney(pledge.amount, pledge.currency) : NONE },
    {
      label: "Fee covered by the donor",
      value: pledge ? (pledge.coveredFee > 0 ? formatMoney(pledge.coveredFee, pledge.currency) : "No") : NONE,
    },
    { label: "Dedication", value: dedication },
    { label: "Public comment", value: pledge?.comment || donation.publicComment || NONE },
    { label: "Anonymous on the donor wall", value: yesNo(pledge?.anonymous ?? donation.anonymous) },
    {
      label: "Payment method",
      value:
        donation.paymentMethodBrand && donation.paymentMethodLast4
          ? `${donation.paymentMethodBrand} ending in ${donation.paymentMethodLast4}`
          : NONE,
    },
  ];

  const moneyFacts: Fact[] = [
    { label: "Gross (paid by the donor)", value: money(donation.grossAmount) },
    { label: "Covered fee (in gross)", value: money(donation.coveredFee) },
    { label: "Stripe fee", value: money(donation.stripeFee) },
    { label: "Net", value: money(donation.netAmount) },
    ...settledFacts(donation),
    { label: "Refunded", value: money(donation.refundedAmount) },
    { label: "Status", value: STATUS_LABELS[donation.status] ?? donation.status },
    {
      label: "Dispute",
      value: donation.disputeStatus
        ? `${DISPUTE_LABELS[donation.disputeStatus] ?? donation.disputeStatus}: ${money(donation.disputedAmount)}`
        : "None",
    },
  ];

  const stripeFacts: Fact[] = [
    { label: "Payment intent", value: donation.stripePaymentIntentId ?? NONE, code: true },
    { label: "Charge", value: donation.stripeChargeId ?? NONE, code: true },
    { label: "Invoice", value: donation.stripeInvoiceId ?? NONE, code: true },
    {
      label: "Subscription",
      value: recurringGift ? `${recurringGift.stripeSubscriptionId} (${recurringGift.status.replace("_", " ")})` : NONE,
      code: true,
    },
    { label: "Checkout session", value: pledge?.checkoutSessionId ?? NONE, code: true },
  ];

  return {
    id: donation.id,
    title: `${formatMoney(donation.grossAmount, donation.currency)} from ${donor.name}`,
    receiptNumber: donation.receiptNumber,
    donorEmail: donor.email,
    offline: donation.source === "offline",
    voided: donation.voidedAt !== null,
    sections: [
      { title: "Donor", facts: donorFacts },
      { title: "Gift", facts: giftFacts },
      { title: "Money", facts: moneyFacts },
      donation.source === "offline" ? { title: "Offline gift", facts: offlineFacts } : { title: "Stripe", facts: stripeFacts },
    ],
    emails: emails.map((email) => ({
      id: email.id,
      createdAt: formatUtc(email.createdAt),
      kind: email.kind.replace(/_/g, " "),
      to: email.toAddress,
      subject: email.subject,
      status: email.status,
      attempts: email.attempts,
      sentAt: email.sentAt ? formatUtc(email.sentAt) : null,
      lastError: email.lastError,
    })),
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      objectId: event.objectId,
      createdAt: formatUtc(event.stripeCreatedAt),
      outcome: event.processedAt
        ? `Applied ${formatUtc(event.processedAt)}`
        : event.error
          ? `Failed (${event.attempts} attempts): ${event.error}`
          : "Received, not applied",
    })),
  };
}

export type DonationDetailView = ReturnType<typeof donationDetailView>;
