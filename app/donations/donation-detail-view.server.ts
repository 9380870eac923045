import type { TFunction } from "i18next";

import type { Fact } from "~/donations/components/Facts";
import type { DonationDetail } from "~/donations/donation-detail.data.server";
import { donationLabels, formatUtc } from "~/donations/donation-labels";
import { staffLocale, staffTranslator } from "~/staff/staff-language.server";
import { formatMoney } from "~/utils/money";

/**
 * Turns a gift's detail into what the staff page shows: formatted on the
 * server, so the page reads the same with or without JavaScript, in the
 * language of `t` and the locale `locale` (the site's default).
 */
export function donationDetailView(detail: DonationDetail, t: TFunction = staffTranslator(), locale = staffLocale()) {
  const { donation, emails, events } = detail;
  const { donor, pledge, campaign, recurringGift } = donation;
  const labels = donationLabels(t);
  const NONE = t("staff.labels.none");
  const fact = (key: string) => t(`staff.donation.facts.${key}`);
  const yesNo = (value: boolean) => t(value ? "staff.labels.yes" : "staff.labels.no");
  const when = (date: Date) => formatUtc(date, locale);
  const money = (amount: number | null | undefined) =>
    amount === null || amount === undefined ? NONE : formatMoney(amount, donation.currency, locale);
  const dedication =
    pledge?.dedicationKind && pledge.dedicationName
      ? t(pledge.dedicationKind === "honour" ? "staff.donation.facts.dedicationHonour" : "staff.donation.facts.dedicationMemory", {
          name: pledge.dedicationName,
        })
      : NONE;

  /** How Stripe settled the gift, when the account's balance is in another currency. */
  const settledFacts = (): Fact[] => {
    const currency = donation.settlementCurrency;
    if (!currency || currency === donation.currency || donation.settlementAmount === null) return [];
    const settled = (amount: number | null) => (amount === null ? NONE : formatMoney(amount, currency, locale));
    const values = {
      amount: settled(donation.settlementAmount),
      fee: settled(donation.settlementFee),
      net: settled(donation.settlementNet),
      rate: donation.exchangeRate?.toString() ?? "",
      currency,
      from: donation.currency,
    };
    return [
      {
        label: t("staff.donation.facts.settledIn", { currency }),
        value: t(donation.exchangeRate ? "staff.donation.facts.settledAtRate" : "staff.donation.facts.settled", values),
      },
    ];
  };

  const donorFacts: Fact[] = [
    { label: fact("name"), value: donor.name },
    ...(pledge && pledge.name !== donor.name ? [{ label: fact("nameOnGift"), value: pledge.name }] : []),
    { label: fact("email"), value: donor.email ?? NONE },
    ...(pledge && pledge.email.toLowerCase() !== donor.email ? [{ label: fact("emailOnGift"), value: pledge.email }] : []),
    { label: fact("stripeCustomer"), value: donor.stripeCustomerId ?? NONE, code: Boolean(donor.stripeCustomerId) },
    { label: fact("allGifts"), value: fact("donorPage"), href: `/admin/donors/${donor.id}` },
  ];

  const offlineFacts: Fact[] =
    donation.source === "offline"
      ? [
          { label: fact("receivedBy"), value: labels.offlineMethod(donation.offlineMethod) },
          { label: fact("reference"), value: donation.reference ?? NONE },
          { label: fact("note"), value: donation.note ?? NONE },
          { label: fact("importedAs"), value: donation.importKey ?? NONE, code: Boolean(donation.importKey) },
          {
            label: fact("voided"),
            value: donation.voidedAt
              ? t("staff.donation.facts.voidedValue", { at: when(donation.voidedAt), reason: donation.voidReason ?? NONE })
              : yesNo(false),
          },
        ]
      : [];

  const giftFacts: Fact[] = [
    { label: fact("campaign"), value: campaign.title },
    { label: fact("frequency"), value: labels.frequency(donation.frequency) },
    { label: fact(donation.source === "offline" ? "received" : "paid"), value: when(donation.paidAt) },
    { label: fact("receiptNumber"), value: donation.receiptNumber ?? NONE, code: Boolean(donation.receiptNumber) },
    { label: fact("pledged"), value: pledge ? formatMoney(pledge.amount, pledge.currency, locale) : NONE },
    {
      label: fact("coveredFee"),
      value: pledge ? (pledge.coveredFee > 0 ? formatMoney(pledge.coveredFee, pledge.currency, locale) : yesNo(false)) : NONE,
    },
    { label: fact("dedication"), value: dedication },
    { label: fact("comment"), value: pledge?.comment || donation.publicComment || NONE },
    { label: fact("anonymous"), value: yesNo(pledge?.anonymous ?? donation.anonymous) },
    {
      label: fact("paymentMethod"),
      value:
        donation.paymentMethodBrand && donation.paymentMethodLast4
          ? t("staff.donation.facts.cardEnding", { brand: donation.paymentMethodBrand, last4: donation.paymentMethodLast4 })
          : NONE,
    },
  ];

  const moneyFacts: Fact[] = [
    { label: fact("gross"), value: money(donation.grossAmount) },
    { label: fact("coveredFeeInGross"), value: money(donation.coveredFee) },
    { label: fact("stripeFee"), value: money(donation.stripeFee) },
    { label: fact("net"), value: money(donation.netAmount) },
    ...settledFacts(),
    { label: fact("refunded"), value: money(donation.refundedAmount) },
    { label: fact("status"), value: labels.status(donation.status) },
    {
      label: fact("dispute"),
      value: donation.disputeStatus
        ? t("staff.donation.facts.disputeValue", {
            dispute: labels.dispute(donation.disputeStatus),
            amount: money(donation.disputedAmount),
          })
        : fact("noDispute"),
    },
  ];

  const stripeFacts: Fact[] = [
    { label: fact("paymentIntent"), value: donation.stripePaymentIntentId ?? NONE, code: true },
    { label: fact("charge"), value: donation.stripeChargeId ?? NONE, code: true },
    { label: fact("invoice"), value: donation.stripeInvoiceId ?? NONE, code: true },
    {
      label: fact("subscription"),
      value: recurringGift
        ? t("staff.donation.facts.subscriptionValue", {
            id: recurringGift.stripeSubscriptionId,
            status: recurringGift.status.replace("_", " "),
          })
        : NONE,
      code: true,
    },
    { label: fact("checkoutSession"), value: pledge?.checkoutSessionId ?? NONE, code: true },
  ];

  const section = (key: string, facts: Fact[]) => ({ id: key, title: t(`staff.donation.sections.${key}`), facts });
  return {
    id: donation.id,
    title: t("staff.donation.title", { amount: formatMoney(donation.grossAmount, donation.currency, locale), name: donor.name }),
    receiptNumber: donation.receiptNumber,
    donorEmail: donor.email,
    offline: donation.source === "offline",
    voided: donation.voidedAt !== null,
    sections: [
      section("donor", donorFacts),
      section("gift", giftFacts),
      section("money", moneyFacts),
      donation.source === "offline" ? section("offline", offlineFacts) : section("stripe", stripeFacts),
    ],
    emails: emails.map((email) => ({
      id: email.id,
      createdAt: when(email.createdAt),
      kind: email.kind.replace(/_/g, " "),
      to: email.toAddress,
      subject: email.subject,
      status: email.status,
      attempts: email.attempts,
      sentAt: email.sentAt ? when(email.sentAt) : null,
      lastError: email.lastError,
    })),
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      objectId: event.objectId,
      createdAt: when(event.stripeCreatedAt),
      outcome: event.processedAt
        ? t("staff.donation.events.applied", { at: when(event.processedAt) })
        : event.error
          ? t("staff.donation.events.failed", { count: event.attempts, error: event.error })
          : t("staff.donation.events.pending"),
    })),
  };
}

export type DonationDetailView = ReturnType<typeof donationDetailView>;
