import { db } from "~/db/db.server";
import { EMAIL_SUMMARY_SELECT } from "~/email/outbox-admin.data.server";

/**
 * Everything known about one gift, for staff: the donor, what they pledged,
 * the campaign, Stripe's ids, the money, the emails sent about it and the
 * Stripe events that touched it.
 */

/** Events about refunds and disputes name the charge inside their object rather than as the object. */
const CHARGE_CHILD_EVENT_TYPES = [
  "charge.refund.updated",
  "refund.created",
  "refund.updated",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.closed",
  "charge.dispute.funds_reinstated",
];

const EVENTS_SHOWN = 200;

export async function findDonationDetail(donationId: string) {
  const donation = await db().donation.findUnique({
    where: { id: donationId },
    include: {
      donor: true,
      campaign: { select: { id: true, title: true, slug: true } },
      pledge: true,
      recurringGift: true,
    },
  });
  if (!donation) return null;

  const emails = await db().emailMessage.findMany({
    where: { donationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: EMAIL_SUMMARY_SELECT,
  });

  // StripeEvent.objectId is the event's own object (data.object.id): the
  // checkout session, payment intent, charge, invoice or subscription of this
  // gift. Refund and dispute events are about objects Lantern does not store;
  // they name this gift's charge in their payload.
  const objectIds = [
    donation.pledge?.checkoutSessionId,
    donation.stripePaymentIntentId,
    donation.stripeChargeId,
    donation.stripeInvoiceId,
    donation.recurringGift?.stripeSubscriptionId,
  ].filter((id): id is string => Boolean(id));
  const chargeId = donation.stripeChargeId;
  const events =
    objectIds.length === 0
      ? []
      : await db().stripeEvent.findMany({
          where: {
            OR: [
              { objectId: { in: objectIds } },
              ...(chargeId
                ? [{ type: { in: CHARGE_CHILD_EVENT_TYPES }, payload: { path: ["data", "object", "charge"], equals: chargeId } }]
                : []),
            ],
          },
          orderBy: [{ stripeCreatedAt: "asc" }, { id: "asc" }],
          take: EVENTS_SHOWN,
          select: {
            id: true,
            type: true,
            objectId: true,
            stripeCreatedAt: true,
            receivedAt: true,
            processedAt: true,
            attempts: true,
            error: true,
          },
        });

  return { donation, emails, events };
}

export type DonationDetail = NonNullable<Awaited<ReturnType<typeof findDonationDetail>>>;

/** A message of this gift, e.g. the copy of a receipt just queued. */
export async function findDonationEmail(donationId: string, emailId: string) {
  return db().emailMessage.findFirst({
    where: { id: emailId, donationId },
    select: { id: true, toAddress: true, status: true, createdAt: true },
  });
}
