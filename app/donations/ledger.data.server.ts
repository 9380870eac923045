import crypto from "node:crypto";

import { Prisma } from "~/generated/prisma/client";
import type {
  DisputeStatus,
  DonationStatus,
  Donor,
  GiftFrequency,
  Pledge,
  RecurringGift,
  RecurringStatus,
} from "~/generated/prisma/client";
import type { GiftFees } from "~/payments/settlement";

/**
 * The donation ledger's writes. Every function takes the transaction the
 * webhook event is being applied in, so an event's effects (and the record
 * that it was applied) commit together or not at all. Uniqueness (payment
 * intent, invoice, subscription) is enforced by the database, never by a
 * read-then-write check.
 */
type Tx = Prisma.TransactionClient;

/** A Pledge row as Prisma types it (enums as their text). */
const PLEDGE_COLUMNS = Prisma.sql`p."id", p."campaignId", p."donorId", p."frequency"::text AS "frequency", p."amount", p."coveredFee",
  p."currency", p."email", p."name", p."anonymous", p."dedicationKind"::text AS "dedicationKind", p."dedicationName", p."comment",
  p."status"::text AS "status", p."checkoutSessionId", p."invitation"::text AS "invitation", p."invitedAmount", p."checkoutFailures",
  p."failureReason", p."language", p."createdAt", p."updatedAt"`;

/** The pledge an event names (a plain SELECT: Prisma's model read costs more than the row). */
export async function findPledgeForUpdate(tx: Tx, pledgeId: string): Promise<Pledge | null> {
  const rows = await tx.$queryRaw<Pledge[]>`SELECT ${PLEDGE_COLUMNS} FROM "Pledge" p WHERE p."id" = ${pledgeId}::uuid`;
  return rows[0] ?? null;
}

/**
 * The pledge an event names and its donor, in one statement. The donor is
 * the one of the email Stripe reports (else the pledge's), lower-cased,
 * created on first gift with the pledge's name; the pledge's language becomes
 * the donor's (statements, manage links). One INSERT ... ON CONFLICT
 * ("email") DO UPDATE, so two first gifts of one new donor applied at once
 * both land on the same row (the second waits on the unique key) instead of
 * one failing on it. The Stripe customer id is linked when no donor has it
 * yet; one already linked to another donor stays where it is. Null (and
 * nothing written) when no such pledge exists.
 */
export async function pledgeAndDonor(
  tx: Tx,
  pledgeId: string,
  input: { email: string | null | undefined; stripeCustomerId: string | null },
): Promise<{ pledge: Pledge; donor: Donor } | null> {
  const email = input.email === null || input.email === undefined ? null : normalisedEmail(input.email);
  const customer = input.stripeCustomerId;
  const now = new Date();
  const rows = await tx.$queryRaw<Array<Pledge & Record<`donor_${keyof Donor}`, unknown>>>`
    WITH p AS (SELECT * FROM "Pledge" WHERE "id" = ${pledgeId}::uuid),
    d AS (
      INSERT INTO "Donor" ("id", "email", "name", "stripeCustomerId", "createdAt", "updatedAt", "language")
      SELECT ${crypto.randomUUID()}::uuid, COALESCE(${email}::text, lower(btrim(p."email"))), p."name",
             (SELECT ${customer}::text WHERE NOT EXISTS (SELECT 1 FROM "Donor" WHERE "stripeCustomerId" = ${customer}::text)),
             ${now}, ${now}, p."language"
      FROM p
      ON CONFLICT ("email") DO UPDATE SET
        "language" = EXCLUDED."language",
        "stripeCustomerId" = COALESCE(EXCLUDED."stripeCustomerId", "Donor"."stripeCustomerId"),
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING *
    )
    SELECT ${PLEDGE_COLUMNS}, d."id" AS "donor_id", d."email" AS "donor_email", d."name" AS "donor_name", d."address" AS "donor_address",
           d."stripeCustomerId" AS "donor_stripeCustomerId", d."erasedAt" AS "donor_erasedAt", d."language" AS "donor_language",
           d."receiptPreference"::text AS "donor_receiptPreference", d."createdAt" AS "donor_createdAt", d."updatedAt" AS "donor_updatedAt"
    FROM p CROSS JOIN d`;
  const row = rows[0];
  if (!row) return null;
  const pledge: Record<string, unknown> = {};
  const donor: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith("donor_")) donor[key.slice("donor_".length)] = value;
    else pledge[key] = value;
  }
  return { pledge: pledge as Pledge, donor: donor as Donor };
}

function normalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Links a pledge to its donor and moves its status, in one UPDATE: a
 * completed pledge never goes back to open or failed (nor takes a failure
 * reason), and a Checkout Session id already set stays.
 */
export async function linkPledge(
  tx: Tx,
  pledgeId: string,
  data: { donorId: string; status?: "completed" | "failed" | "open"; failureReason?: string | null; checkoutSessionId?: string },
): Promise<void> {
  const status = data.status ?? null;
  const setReason = data.failureReason !== undefined;
  await tx.$executeRaw`
    UPDATE "Pledge" SET
      "donorId" = ${data.donorId}::uuid,
      "status" = CASE WHEN "status" = 'completed' THEN "status" ELSE COALESCE(CAST(${status}::text AS "PledgeStatus"), "status") END,
      "failureReason" = CASE
        WHEN ${setReason} AND "status" <> 'completed' AND COALESCE(${status}::text, "status"::text) <> 'completed' THEN ${data.failureReason ?? null}::text
        ELSE "failureReason" END,
      "checkoutSessionId" = COALESCE("checkoutSessionId", ${data.checkoutSessionId || null}::text),
      "updatedAt" = ${new Date()}
    WHERE "id" = ${pledgeId}::uuid`;
}

/**
 * A Checkout Session expired unpaid: its pledge is abandoned, unless it was
 * paid or failed meanwhile, or it has moved on to a newer session (a retry).
 * Returns whether the pledge was marked.
 */
export async function markPledgeExpired(tx: Tx, pledgeId: string, checkoutSessionId: string): Promise<boolean> {
  const { count } = await tx.pledge.updateMany({
    where: {
      id: pledgeId,
      status: { in: ["pending", "open", "checkout_failed"] },
      OR: [{ checkoutSessionId }, { checkoutSessionId: null }],
    },
    data: { status: "expired", failureReason: "The Checkout Session expired without payment" },
  });
  return count === 1;
}

export interface DonationInput {
  pledge: Pledge;
  donorId: string;
  frequency: GiftFrequency;
  recurringGiftId?: string | null;
  stripePaymentIntentId: string | null;
  stripeInvoiceId: string | null;
  stripeChargeId: string | null;
  currency: string;
  grossAmount: number;
  coveredFee: number;
  /** Stripe's fee in the gift's currency and the settled balance transaction (see payments/settlement.ts). */
  fees: GiftFees;
  refundedAmount: number;
  paymentMethodBrand: string | null;
  paymentMethodLast4: string | null;
  paidAt: Date;
}

export class ForeignPaymentError extends Error {
  override name = "ForeignPaymentError";
}

/**
 * Records one successful charge. A second call for the same payment intent or
 * invoice changes nothing but filling in what was not known the first time
 * (the fee, the charge). Returns the row and whether this call created it.
 */
export async function recordDonation(tx: Tx, input: DonationInput): Promise<{ donation: { id: string }; created: boolean }> {
  const refunded = Math.min(input.refundedAmount, input.grossAmount);
  const settled = input.fees.settlement;
  const now = new Date();
  // One INSERT ... ON CONFLICT DO NOTHING RETURNING for the usual case, a new gift; the row is read only when it was there already.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Donation" ("id", "campaignId", "donorId", "pledgeId", "recurringGiftId", "frequency",
      "stripePaymentIntentId", "stripeInvoiceId", "stripeChargeId", "currency", "grossAmount", "coveredFee",
      "stripeFee", "netAmount", "settlementCurrency", "settlementAmount", "settlementFee", "settlementNet", "exchangeRate",
      "refundedAmount", "status", "anonymous", "publicComment", "paymentMethodBrand", "paymentMethodLast4",
      "paidAt", "createdAt", "updatedAt")
    VALUES (${crypto.randomUUID()}::uuid, ${input.pledge.campaignId}::uuid, ${input.donorId}::uuid, ${input.pledge.id}::uuid,
      ${input.recurringGiftId ?? null}::uuid, CAST(${input.frequency}::text AS "GiftFrequency"),
      ${input.stripePaymentIntentId}::text, ${input.stripeInvoiceId}::text, ${input.stripeChargeId}::text,
      ${input.currency.toUpperCase()}, ${input.grossAmount}::int, ${Math.min(input.coveredFee, input.grossAmount)}::int,
      ${input.fees.stripeFee}::int, ${input.fees.stripeFee === null ? null : input.grossAmount - input.fees.stripeFee}::int,
      ${settled?.currency ?? null}::text, ${settled?.amount ?? null}::int, ${settled?.fee ?? null}::int, ${settled?.net ?? null}::int,
      ${settled?.exchangeRate ?? null}::numeric,
      ${refunded}::int, CAST(${refundStatus(refunded, input.grossAmount)}::text AS "DonationStatus"),
      ${input.pledge.anonymous}, ${input.pledge.comment}::text, ${input.paymentMethodBrand}::text, ${input.paymentMethodLast4}::text,
      ${input.paidAt}, ${now}, ${now})
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  const created = inserted[0];
  if (created) return { donation: created, created: true };

  const where = input.stripeInvoiceId
    ? { stripeInvoiceId: input.stripeInvoiceId }
    : { stripePaymentIntentId: input.stripePaymentIntentId ?? "" };
  const donation = await tx.donation.findUniqueOrThrow({ where });
  if (donation.pledgeId !== input.pledge.id) {
    // A pledge is completed only by its own payment, never by one already recorded for another.
    throw new ForeignPaymentError(
      `Payment ${input.stripeInvoiceId ?? input.stripePaymentIntentId} is already recorded for pledge ${donation.pledgeId}, not ${input.pledge.id}; refused`,
    );
  }
  const fill: Prisma.DonationUpdateInput = {};
  if (donation.stripeFee === null && input.fees.stripeFee !== null) {
    fill.stripeFee = input.fees.stripeFee;
    fill.netAmount = donation.grossAmount - input.fees.stripeFee;
  }
  if (donation.settlementCurrency === null && input.fees.settlement) Object.assign(fill, settlementColumns(input.fees));
  if (!donation.stripeChargeId && input.stripeChargeId) fill.stripeChargeId = input.stripeChargeId;
  if (!donation.recurringGiftId && input.recurringGiftId) fill.recurringGift = { connect: { id: input.recurringGiftId } };
  if (Object.keys(fill).length > 0) await tx.donation.update({ where: { id: donation.id }, data: fill, select: { id: true } });
  return { donation: { id: donation.id }, created: false };
}

function settlementColumns(fees: GiftFees) {
  const settled = fees.settlement;
  if (!settled) return {};
  return {
    settlementCurrency: settled.currency,
    settlementAmount: settled.amount,
    settlementFee: settled.fee,
    settlementNet: settled.net,
    exchangeRate: settled.exchangeRate,
  };
}

function refundStatus(refunded: number, gross: number): DonationStatus {
  if (refunded <= 0) return "succeeded";
  return refunded >= gross ? "refunded" : "partially_refunded";
}

/** The status a donation shows, from its refunds and any dispute. */
function donationStatus(refunded: number, gross: number, dispute: DisputeStatus | null): DonationStatus {
  if (dispute === "open" || dispute === "lost") return "disputed";
  return refundStatus(refunded, gross);
}

export async function findDonationByCharge(tx: Tx, ids: { chargeId: string | null; paymentIntentId: string | null }) {
  if (ids.chargeId) {
    const byCharge = await tx.donation.findUnique({ where: { stripeChargeId: ids.chargeId } });
    if (byCharge) return byCharge;
  }
  if (ids.paymentIntentId) return tx.donation.findUnique({ where: { stripePaymentIntentId: ids.paymentIntentId } });
  return null;
}

/** Reads a donation and locks its row until the transaction ends, so a change and what it was changed from agree. */
async function lockedDonation(tx: Tx, donationId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Donation" WHERE "id" = ${donationId}::uuid FOR UPDATE`;
  return tx.donation.findUniqueOrThrow({ where: { id: donationId } });
}

/**
 * Sets the refunded total to what Stripe says the charge has refunded now:
 * an absolute figure, so refund events in any order or repeated agree, and a
 * refund that fails or is cancelled (Stripe lowers `amount_refunded` again)
 * gives the gift back. Returns the refunded total before and the row after.
 */
export async function setRefundedAmount(tx: Tx, donationId: string, amountRefunded: number) {
  const donation = await lockedDonation(tx, donationId);
  const refunded = Math.min(Math.max(amountRefunded, 0), donation.grossAmount);
  if (refunded === donation.refundedAmount) return { previousRefunded: refunded, donation };
  const updated = await tx.donation.update({
    where: { id: donationId },
    data: { refundedAmount: refunded, status: donationStatus(refunded, donation.grossAmount, donation.disputeStatus) },
  });
  return { previousRefunded: donation.refundedAmount, donation: updated };
}

export class DisputeAmountError extends Error {
  override name = "DisputeAmountError";
}

/**
 * Applies a dispute's current state (see payments/events/dispute-status.ts):
 * `null` clears an inquiry's flag. A real dispute's state is never replaced
 * by an inquiry's (those come from another dispute object of the charge). An
 * amount Stripe reports below zero, above the gift or in another currency is
 * refused: the error is recorded on the event and nothing changes.
 */
export async function setDispute(
  tx: Tx,
  donationId: string,
  dispute: { id: string; status: DisputeStatus | null; amount: number; currency: string },
) {
  const donation = await lockedDonation(tx, donationId);
  if (!Number.isSafeInteger(dispute.amount) || dispute.amount < 0 || dispute.amount > donation.grossAmount) {
    throw new DisputeAmountError(`Dispute ${dispute.id} reports ${dispute.amount} for a gift of ${donation.grossAmount}; refused`);
  }
  if (dispute.currency.toUpperCase() !== donation.currency) {
    throw new DisputeAmountError(
      `Dispute ${dispute.id} is in ${dispute.currency.toUpperCase()}, the gift in ${donation.currency}; refused`,
    );
  }
  const realDispute = donation.disputeStatus === "open" || donation.disputeStatus === "won" || donation.disputeStatus === "lost";
  const status = realDispute && (dispute.status === null || dispute.status === "inquiry") ? donation.disputeStatus : dispute.status;
  return tx.donation.update({
    where: { id: donationId },
    data: {
      disputeStatus: status,
      disputedAmount: status === null ? 0 : dispute.amount,
      status: donationStatus(donation.refundedAmount, donation.grossAmount, status),
    },
  });
}

export interface RecurringGiftState {
  stripeSubscriptionId: string;
  pledge: Pledge;
  donorId: string;
  /** Charged per month, covered fee included. */
  grossAmount: number | null;
  /** The covered fee inside that gross, when Stripe's metadata says (a donor's change); null: the pledge's. */
  coveredFee?: number | null;
  /** Collection paused until then (null: collecting). */
  pausedUntil?: Date | null;
  currency: string;
  status: RecurringStatus | null;
  currentPeriodEnd: Date | null;
  canceledAt: Date | null;
  /** When Stripe produced this state (the event's `created`); older never wins. */
  observedAt: Date;
}

/**
 * Creates or updates the RecurringGift of a subscription. State from an event
 * older than the newest one applied is ignored, so late deliveries never undo
 * a cancellation.
 */
export async function upsertRecurringGift(tx: Tx, state: RecurringGiftState): Promise<RecurringGift> {
  const coveredFee = state.coveredFee ?? state.pledge.coveredFee;
  const amount = state.grossAmount === null ? state.pledge.amount : Math.max(0, state.grossAmount - coveredFee);
  const status = state.status ?? "incomplete";
  const canceledAt = state.canceledAt ?? (state.status === "canceled" ? state.observedAt : null);
  const now = new Date();
  // One INSERT ... ON CONFLICT DO UPDATE: a new row takes the state as it is; an existing one only
  // when this state is known (a status) and not older than the one it holds.
  const rows = await tx.$queryRaw<RecurringGift[]>`
    INSERT INTO "RecurringGift" AS g ("id", "stripeSubscriptionId", "pledgeId", "campaignId", "donorId", "amount", "coveredFee",
      "currency", "frequency", "status", "currentPeriodEnd", "pausedUntil", "canceledAt", "stripeStateAt", "createdAt", "updatedAt")
    VALUES (${crypto.randomUUID()}::uuid, ${state.stripeSubscriptionId}, ${state.pledge.id}::uuid, ${state.pledge.campaignId}::uuid,
      ${state.donorId}::uuid, ${amount}::int, ${coveredFee}::int, ${state.currency.toUpperCase()},
      CAST(${state.pledge.frequency === "yearly" ? "yearly" : "monthly"}::text AS "GiftFrequency"), CAST(${status}::text AS "RecurringStatus"),
      ${state.currentPeriodEnd}::timestamp, ${state.pausedUntil ?? null}::timestamp, ${canceledAt}::timestamp,
      ${state.status ? state.observedAt : null}::timestamp, ${now}, ${now})
    ON CONFLICT ("stripeSubscriptionId") DO UPDATE SET
      "status" = EXCLUDED."status",
      "amount" = EXCLUDED."amount",
      "coveredFee" = EXCLUDED."coveredFee",
      "pausedUntil" = CASE WHEN ${state.pausedUntil !== undefined} THEN EXCLUDED."pausedUntil" ELSE g."pausedUntil" END,
      "currentPeriodEnd" = COALESCE(EXCLUDED."currentPeriodEnd", g."currentPeriodEnd"),
      "canceledAt" = COALESCE(${state.canceledAt}::timestamp,
        CASE WHEN EXCLUDED."status" = 'canceled' THEN COALESCE(g."canceledAt", ${state.observedAt}::timestamp) END),
      "stripeStateAt" = ${state.observedAt}::timestamp,
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE ${state.status !== null} AND (g."stripeStateAt" IS NULL OR g."stripeStateAt" <= ${state.observedAt}::timestamp)
    RETURNING ${RECURRING_GIFT_COLUMNS}`;
  const written = rows[0];
  if (written) return written;
  // Kept as it was (older or unknown state): the row as it is.
  return tx.recurringGift.findUniqueOrThrow({ where: { stripeSubscriptionId: state.stripeSubscriptionId } });
}

/** A RecurringGift row as Prisma types it (enums as their text). */
const RECURRING_GIFT_COLUMNS = Prisma.sql`g."id", g."stripeSubscriptionId", g."pledgeId", g."campaignId", g."donorId", g."amount",
  g."coveredFee", g."currency", g."frequency"::text AS "frequency", g."status"::text AS "status", g."currentPeriodEnd",
  g."pausedUntil", g."canceledAt", g."cancelReason", g."stripeStateAt", g."createdAt", g."updatedAt"`;

export async function findRecurringGift(tx: Tx, stripeSubscriptionId: string) {
  return tx.recurringGift.findUnique({ where: { stripeSubscriptionId }, include: { pledge: true } });
}

/** Marks a subscription past due after a failed payment, unless newer state says otherwise. */
export async function markPastDue(tx: Tx, stripeSubscriptionId: string, observedAt: Date) {
  const gift = await tx.recurringGift.findUnique({ where: { stripeSubscriptionId } });
  if (!gift || (gift.stripeStateAt && gift.stripeStateAt.getTime() > observedAt.getTime()) || gift.status === "canceled") return gift;
  return tx.recurringGift.update({ where: { id: gift.id }, data: { status: "past_due", stripeStateAt: observedAt } });
}
