import crypto from "node:crypto";

import { db, type Prisma } from "~/db/db.server";
import { ERASED_DONOR_NAME } from "~/donations/donation-labels";
import { queueEmail } from "~/email/outbox.data.server";
import { donorEmailChangedEmail } from "~/email/templates/donor-email-changed.server";
import { pickLanguage } from "~/i18n/paths";
import { textKey, textKeys, type TextKey } from "~/i18n/text-key";
import { getOrganisation } from "~/organisation/organisation.data.server";
import { recordAudit, type Actor } from "~/staff/audit.data.server";
import { env } from "~/utils/env.server";

/**
 * Changes to donor records by admins: contact details, merging two records
 * of one person, and erasing a donor's personal data on request (decision
 * 036). Each runs in one transaction with its audit row.
 */

/** Catalogue keys (staff.donors.errors.*): the page says them in its language. */
export type DonorProblems = Partial<Record<"name" | "email" | "address" | "form", TextKey>>;

export class DonorChangeRefused extends Error {
  constructor(readonly problems: DonorProblems) {
    super(textKeys(problems));
    this.name = "DonorChangeRefused";
  }
}

export class DonorNotFound extends Error {
  constructor(donorId: string) {
    super(`No donor ${donorId}`);
    this.name = "DonorNotFound";
  }
}

async function lockDonor(tx: Prisma.TransactionClient, donorId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Donor" WHERE "id" = ${donorId}::uuid FOR UPDATE`;
  const donor = await tx.donor.findUnique({ where: { id: donorId } });
  if (!donor) throw new DonorNotFound(donorId);
  if (donor.erasedAt) throw new DonorChangeRefused({ form: textKey("staff.donors.errors.erased") });
  return donor;
}

/**
 * Saves a donor's name, email and postal address. A changed email is audited
 * and the old address is told, so a new address cannot quietly take over the
 * donor's receipts and manage links.
 */
export async function updateDonor(donorId: string, input: { name: string; email: string | null; address: string | null }, actor: Actor) {
  const organisation = await getOrganisation();
  return db().$transaction(async (tx) => {
    const before = await lockDonor(tx, donorId);
    if (input.email && input.email !== before.email) {
      const other = await tx.donor.findUnique({ where: { email: input.email }, select: { id: true } });
      if (other) throw new DonorChangeRefused({ email: textKey("staff.donors.errors.emailTaken") });
    }
    if (!input.email && before.email) throw new DonorChangeRefused({ email: textKey("staff.donors.errors.keepEmail") });
    const changed = (["name", "email", "address"] as const).filter((field) => (before[field] ?? null) !== (input[field] ?? null));
    if (changed.length === 0) return { changed };
    await tx.donor.update({ where: { id: donorId }, data: input });
    const changeId = crypto.randomUUID();
    await recordAudit(tx, {
      ...actor,
      action: "donor.update",
      target: { type: "donor", id: donorId },
      details: {
        changeId,
        changed,
        ...(changed.includes("email") ? { oldEmail: before.email, newEmail: input.email } : {}),
        ...(changed.includes("name") ? { oldName: before.name, newName: input.name } : {}),
      },
    });
    if (changed.includes("email") && before.email && input.email) {
      await queueEmail(
        tx,
        donorEmailChangedEmail({
          donorId,
          changeId,
          to: before.email,
          newEmail: input.email,
          donorName: before.name,
          organisation,
          lang: pickLanguage(before.language, env().LANGUAGES, env().DEFAULT_LANGUAGE),
        }),
      );
    }
    return { changed };
  });
}

/**
 * Merges `otherId` into `keepId` (one person, two records): gifts, pledges,
 * monthly gifts, emails and audit rows move to the kept donor and the other
 * record is deleted. The totals trigger moves each gift's amount between the
 * two donors' per-campaign totals, so the donor counts stay exact.
 */
export async function mergeDonors(keepId: string, otherId: string, actor: Actor) {
  if (keepId === otherId) throw new DonorChangeRefused({ form: textKey("staff.donors.errors.mergeSelf") });
  return db().$transaction(async (tx) => {
    // Both rows locked in one order, so two merges of the same pair cannot deadlock.
    const [first, second] = [keepId, otherId].sort();
    await lockDonor(tx, first!);
    await lockDonor(tx, second!);
    const keep = (await tx.donor.findUnique({ where: { id: keepId } }))!;
    const other = (await tx.donor.findUnique({ where: { id: otherId } }))!;
    const moved = {
      donations: (await tx.donation.updateMany({ where: { donorId: otherId }, data: { donorId: keepId } })).count,
      pledges: (await tx.pledge.updateMany({ where: { donorId: otherId }, data: { donorId: keepId } })).count,
      recurringGifts: (await tx.recurringGift.updateMany({ where: { donorId: otherId }, data: { donorId: keepId } })).count,
      emails: (await tx.emailMessage.updateMany({ where: { donorId: otherId }, data: { donorId: keepId } })).count,
    };
    await tx.auditLog.updateMany({ where: { targetType: "donor", targetId: otherId }, data: { targetId: keepId } });
    // The kept record takes what it lacks; a second Stripe customer is only forgotten here (it stays in Stripe).
    const takesCustomer = !keep.stripeCustomerId && other.stripeCustomerId ? other.stripeCustomerId : null;
    await tx.donor.delete({ where: { id: otherId } });
    await tx.donor.update({
      where: { id: keepId },
      data: {
        ...(takesCustomer ? { stripeCustomerId: takesCustomer } : {}),
        ...(!keep.address && other.address ? { address: other.address } : {}),
        ...(!keep.email && other.email ? { email: other.email } : {}),
      },
    });
    await recordAudit(tx, {
      ...actor,
      action: "donor.merge",
      target: { type: "donor", id: keepId },
      details: {
        merged: { id: otherId, name: other.name, email: other.email, stripeCustomerId: other.stripeCustomerId },
        moved,
        stripeCustomerKept: takesCustomer ?? keep.stripeCustomerId,
      },
    });
    return moved;
  });
}

/** A needle as it appears inside JSON text (quotes and backslashes escaped). */
function inJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * Erases a donor's personal data on their request: their name, email and
 * address, the names, emails, comments and dedications on their pledges and
 * gifts, the bodies and addresses of emails to them, and every copy of their
 * email, name or address inside stored Stripe events, sandbox objects and
 * audit details. The gifts, their amounts and receipt numbers stay (the
 * accounts need them), so every total is unchanged. The Stripe customer is
 * left alone in Stripe; Lantern forgets its id. Refused while a monthly gift
 * is active (it would keep charging a donor nobody can name).
 */
export async function eraseDonor(donorId: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const donor = await lockDonor(tx, donorId);
    const active = await tx.recurringGift.count({
      where: { donorId, status: { in: ["active", "past_due", "incomplete", "paused", "unpaid"] } },
    });
    if (active > 0) throw new DonorChangeRefused({ form: textKey("staff.donors.errors.activeMonthly") });
    const pledges = await tx.pledge.findMany({ where: { donorId }, select: { id: true, name: true, email: true } });
    const donations = await tx.donation.findMany({ where: { donorId }, select: { id: true } });
    const donationIds = donations.map((d) => d.id);
    const needles = [
      ...new Set(
        [
          donor.email,
          donor.name,
          donor.address,
          ...(donor.address?.split("\n") ?? []),
          ...pledges.flatMap((p) => [p.name, p.email, p.email.toLowerCase()]),
        ]
          .filter((text): text is string => Boolean(text && text.trim().length >= 3))
          .map((text) => text.trim()),
      ),
    ].sort((a, b) => b.length - a.length); // longer first: a name inside an address is replaced after the address
    // Rows that mention this donor at all: the ones whose copies are cleaned.
    const markers = [donor.email, donor.stripeCustomerId, ...pledges.map((p) => p.id), ...pledges.map((p) => p.email)].filter(
      (text): text is string => Boolean(text),
    );

    await tx.pledge.updateMany({
      where: { donorId },
      data: { name: ERASED_DONOR_NAME, email: "", comment: null, dedicationKind: null, dedicationName: null },
    });
    await tx.donation.updateMany({
      where: { donorId },
      data: { publicComment: null, anonymous: true, note: null, paymentMethodLast4: null },
    });
    await tx.emailMessage.updateMany({
      where: { OR: [{ donorId }, { donationId: { in: donationIds } }] },
      data: { toAddress: "", subject: "[erased]", textBody: "[erased]", htmlBody: "[erased]" },
    });
    await tx.emailMessage.updateMany({
      where: { OR: [{ donorId }, { donationId: { in: donationIds } }], status: { in: ["pending", "sending"] } },
      data: { status: "failed", lastError: "The donor's personal data was erased." },
    });
    if (donor.email) await tx.manageLinkRequest.deleteMany({ where: { email: donor.email } });
    await tx.donor.update({
      where: { id: donorId },
      data: { name: ERASED_DONOR_NAME, email: null, address: null, stripeCustomerId: null, erasedAt: new Date() },
    });

    for (const marker of markers) {
      const like = `%${inJson(marker).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      for (const needle of needles) {
        const find = inJson(needle);
        await tx.$executeRaw`UPDATE "StripeEvent" SET "payload" = replace("payload"::text, ${find}, '[erased]')::jsonb
                              WHERE "payload"::text LIKE ${like} AND strpos("payload"::text, ${find}) > 0`;
        await tx.$executeRaw`UPDATE "SandboxObject" SET "data" = replace("data"::text, ${find}, '[erased]')::jsonb
                              WHERE "data"::text LIKE ${like} AND strpos("data"::text, ${find}) > 0`;
      }
    }
    const targets = [donorId, ...donationIds];
    for (const needle of needles) {
      const find = inJson(needle);
      await tx.$executeRaw`UPDATE "AuditLog" SET "details" = replace("details"::text, ${find}, '[erased]')::jsonb
                            WHERE ("targetId" = ANY(${targets}) OR "details"::text LIKE ${`%${find.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})
                              AND strpos("details"::text, ${find}) > 0`;
    }
    await recordAudit(tx, {
      ...actor,
      action: "donor.erase",
      target: { type: "donor", id: donorId },
      details: { gifts: donationIds.length, pledges: pledges.length },
    });
    return { gifts: donationIds.length };
  });
}
