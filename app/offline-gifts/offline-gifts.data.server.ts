import { db, type Prisma } from "~/db/db.server";
import { giftVoidedEmail } from "~/email/templates/gift-voided.server";
import { pickLanguage } from "~/i18n/paths";
import { textKey, textKeys, type TextKey } from "~/i18n/text-key";
import { queueEmail } from "~/email/outbox.data.server";
import { queueReceipt, queueReceiptCopy, receiptContext, type ReceiptContext } from "~/email/receipts.data.server";
import type { OfflineMethodValue } from "~/offline-gifts/fields";
import { recordAudit, type Actor } from "~/staff/audit.data.server";
import { env } from "~/utils/env.server";

/**
 * Gifts received outside Stripe (cheques, cash, bank transfers), stored as
 * Donation rows with source "offline" (decision 035): the totals trigger, the
 * dashboard, the donations list and export and the consistency check count
 * them as they count online gifts. Every change is audited in the same
 * transaction.
 */

/** The facts of an offline gift, checked (amount in minor units of `currency`). */
export interface OfflineGiftFacts {
  campaignId: string;
  method: OfflineMethodValue;
  /** The day received, at 00:00 UTC. */
  paidAt: Date;
  amount: number;
  currency: string;
  reference: string | null;
  note: string | null;
}

/** Who gave it: an existing donor, or one found by email or created (name required for a new one). */
export type OfflineDonor = { donorId: string } | { email: string | null; name: string; address: string | null };

export interface NewOfflineGift extends OfflineGiftFacts {
  donor: OfflineDonor;
  sendReceipt: boolean;
  /** Set by the CSV import: a second import of the same row adds nothing. */
  importKey?: string;
}

/** Catalogue keys (staff.offlineGifts.errors.*): the page says them in its language. */
export type OfflineGiftProblems = Partial<Record<"campaignId" | "currency" | "email" | "name" | "sendReceipt" | "form", TextKey>>;

/** A refusal found inside the transaction: it rolls back, and the form shows the problems. */
export class OfflineGiftRefused extends Error {
  constructor(readonly problems: OfflineGiftProblems) {
    super(textKeys(problems));
    this.name = "OfflineGiftRefused";
  }
}

export class OfflineGiftNotFound extends Error {
  constructor(donationId: string) {
    super(`No offline gift ${donationId}`);
    this.name = "OfflineGiftNotFound";
  }
}

async function checkCampaign(tx: Prisma.TransactionClient, facts: OfflineGiftFacts): Promise<void> {
  const campaign = await tx.campaign.findUnique({ where: { id: facts.campaignId }, select: { currency: true } });
  if (!campaign) throw new OfflineGiftRefused({ campaignId: textKey("staff.offlineGifts.errors.campaign") });
  if (campaign.currency !== facts.currency) {
    throw new OfflineGiftRefused({
      currency: textKey("staff.offlineGifts.errors.campaignCurrency", { currency: campaign.currency }),
    });
  }
}

/** The donor of a new offline gift: by id, by email (created when new), or a new donor without an email. */
async function resolveDonor(tx: Prisma.TransactionClient, donor: OfflineDonor): Promise<{ id: string; email: string | null }> {
  if ("donorId" in donor) {
    const found = await tx.donor.findUnique({ where: { id: donor.donorId }, select: { id: true, email: true, erasedAt: true } });
    if (!found || found.erasedAt) throw new OfflineGiftRefused({ form: textKey("staff.offlineGifts.errors.noSuchDonor") });
    return found;
  }
  if (donor.email) {
    const found = await tx.donor.findUnique({ where: { email: donor.email }, select: { id: true, email: true, address: true } });
    if (found) {
      if (donor.address && !found.address) await tx.donor.update({ where: { id: found.id }, data: { address: donor.address } });
      return found;
    }
  }
  if (!donor.name) throw new OfflineGiftRefused({ name: textKey("staff.offlineGifts.errors.newDonorName") });
  return tx.donor.create({ data: { email: donor.email, name: donor.name, address: donor.address }, select: { id: true, email: true } });
}

/**
 * Writes one offline gift in the caller's transaction, with its receipt when
 * asked (numbered from the same gap-free yearly sequence as online gifts).
 * Returns null when `importKey` was imported before (nothing is written).
 */
export async function insertOfflineGift(
  tx: Prisma.TransactionClient,
  gift: NewOfflineGift,
  context: ReceiptContext,
): Promise<{ donationId: string; donorId: string; receiptNumber: string | null } | null> {
  await checkCampaign(tx, gift);
  if (gift.importKey) {
    const before = await tx.donation.findUnique({ where: { importKey: gift.importKey }, select: { id: true } });
    if (before) return null;
  }
  const donor = await resolveDonor(tx, gift.donor);
  if (gift.sendReceipt && !donor.email)
    throw new OfflineGiftRefused({ sendReceipt: textKey("staff.offlineGifts.errors.receiptNeedsEmail") });
  const donation = await tx.donation.create({
    data: {
      campaignId: gift.campaignId,
      donorId: donor.id,
      frequency: "once",
      source: "offline",
      offlineMethod: gift.method,
      currency: gift.currency,
      grossAmount: gift.amount,
      netAmount: gift.amount,
      stripeFee: 0,
      reference: gift.reference,
      note: gift.note,
      importKey: gift.importKey ?? null,
      paidAt: gift.paidAt,
    },
    select: { id: true },
  });
  const receiptNumber = gift.sendReceipt ? await queueReceipt(tx, donation.id, context) : null;
  return { donationId: donation.id, donorId: donor.id, receiptNumber };
}

function auditFacts(facts: OfflineGiftFacts) {
  return {
    campaignId: facts.campaignId,
    method: facts.method,
    receivedOn: facts.paidAt.toISOString().slice(0, 10),
    amount: facts.amount,
    currency: facts.currency,
    reference: facts.reference,
    note: facts.note,
  };
}

/** Records one offline gift typed by a staff member, audited. Throws OfflineGiftRefused. */
export async function recordOfflineGift(gift: NewOfflineGift, actor: Actor) {
  const context = await receiptContext();
  return db().$transaction(async (tx) => {
    const written = await insertOfflineGift(tx, gift, context);
    if (!written) throw new OfflineGiftRefused({ form: textKey("staff.offlineGifts.errors.importedBefore") });
    await recordAudit(tx, {
      ...actor,
      action: "gift.record",
      target: { type: "donation", id: written.donationId },
      details: { ...auditFacts(gift), donorId: written.donorId, receiptNumber: written.receiptNumber },
    });
    return written;
  });
}

/** An offline gift as the correct page shows it; null when there is none (or the gift is online). */
export async function offlineGiftForEdit(donationId: string) {
  return db().donation.findFirst({
    where: { id: donationId, source: "offline" },
    include: { donor: { select: { id: true, name: true, email: true } }, campaign: { select: { title: true } } },
  });
}

async function lockOfflineGift(tx: Prisma.TransactionClient, donationId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Donation" WHERE "id" = ${donationId}::uuid FOR UPDATE`;
  const gift = await tx.donation.findFirst({ where: { id: donationId, source: "offline" }, include: { donor: true } });
  if (!gift) throw new OfflineGiftNotFound(donationId);
  return gift;
}

/**
 * Corrects an offline gift's facts; the totals follow by the trigger. With
 * `sendReceipt`, the donor gets the receipt (a copy when one went before).
 */
export async function correctOfflineGift(donationId: string, facts: OfflineGiftFacts & { sendReceipt: boolean }, actor: Actor) {
  const context = await receiptContext();
  return db().$transaction(async (tx) => {
    const before = await lockOfflineGift(tx, donationId);
    if (before.voidedAt) throw new OfflineGiftRefused({ form: textKey("staff.offlineGifts.errors.voidedNoCorrection") });
    await checkCampaign(tx, facts);
    if (facts.sendReceipt && !before.donor.email) {
      throw new OfflineGiftRefused({ sendReceipt: textKey("staff.offlineGifts.errors.noEmailForReceipt") });
    }
    await tx.donation.update({
      where: { id: donationId },
      data: {
        campaignId: facts.campaignId,
        offlineMethod: facts.method,
        paidAt: facts.paidAt,
        grossAmount: facts.amount,
        netAmount: facts.amount,
        currency: facts.currency,
        reference: facts.reference,
        note: facts.note,
      },
    });
    let receiptNumber = before.receiptNumber;
    if (facts.sendReceipt) {
      receiptNumber = before.receiptNumber
        ? (await queueReceiptCopy(tx, donationId, context)).receiptNumber
        : await queueReceipt(tx, donationId, context);
    }
    await recordAudit(tx, {
      ...actor,
      action: "gift.correct",
      target: { type: "donation", id: donationId },
      details: {
        before: auditFacts({ ...before, method: before.offlineMethod ?? "other", amount: before.grossAmount }),
        after: auditFacts(facts),
        receiptNumber,
        receiptSent: facts.sendReceipt,
      },
    });
    return { receiptNumber };
  });
}

/**
 * Voids an offline gift (a bounced cheque, one entered twice): it counts
 * toward nothing from then on, its row and receipt number stay for the
 * accounts. The donor is told only when `tellDonor` asks for it.
 */
export async function voidOfflineGift(donationId: string, input: { reason: string; tellDonor: boolean }, actor: Actor) {
  const { organisation } = await receiptContext();
  return db().$transaction(async (tx) => {
    const gift = await lockOfflineGift(tx, donationId);
    if (gift.voidedAt) throw new OfflineGiftRefused({ form: textKey("staff.offlineGifts.errors.alreadyVoided") });
    if (input.tellDonor && !gift.donor.email) throw new OfflineGiftRefused({ form: textKey("staff.offlineGifts.errors.noEmailToTell") });
    await tx.donation.update({ where: { id: donationId }, data: { voidedAt: new Date(), voidReason: input.reason } });
    if (input.tellDonor && gift.donor.email) {
      await queueEmail(
        tx,
        giftVoidedEmail({
          donationId,
          donorId: gift.donorId,
          to: gift.donor.email,
          donorName: gift.donor.name,
          receiptNumber: gift.receiptNumber,
          amount: gift.grossAmount,
          currency: gift.currency,
          reason: input.reason,
          organisation,
          lang: pickLanguage(gift.donor.language, env().LANGUAGES, env().DEFAULT_LANGUAGE),
        }),
      );
    }
    await recordAudit(tx, {
      ...actor,
      action: "gift.void",
      target: { type: "donation", id: donationId },
      details: { reason: input.reason, donorTold: input.tellDonor, amount: gift.grossAmount, currency: gift.currency },
    });
  });
}

/** The campaigns a gift can be recorded to, for the form's choice (every status: an archived appeal still receives cheques). */
export async function campaignChoices(): Promise<Array<{ id: string; title: string; currency: string }>> {
  return db().campaign.findMany({ select: { id: true, title: true, currency: true }, orderBy: [{ status: "asc" }, { title: "asc" }] });
}
