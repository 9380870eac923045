import type { Prisma } from "~/db.server";
import { receiptEmail } from "~/email/receipt.server";
import type { OrganisationSettings } from "~/models/organisation.server";
import { queueEmail } from "~/models/outbox.server";

/**
 * The next receipt number of a calendar year, e.g. 2026-000042. The counter
 * row is locked until the caller's transaction ends and rolls back with it,
 * so numbers have no gaps and no duplicates under concurrent gifts.
 */
export async function nextReceiptNumber(tx: Prisma.TransactionClient, year: number): Promise<string> {
  const rows = await tx.$queryRawUnsafe<{ last: number }[]>(
    `INSERT INTO "ReceiptSequence" ("year", "last") VALUES ($1, 1)
     ON CONFLICT ("year") DO UPDATE SET "last" = "ReceiptSequence"."last" + 1
     RETURNING "last"`,
    year,
  );
  return `${year}-${String(rows[0]?.last ?? 0).padStart(6, "0")}`;
}

/** Numbers a newly recorded gift and queues its receipt, in the caller's transaction. */
export async function queueReceipt(
  tx: Prisma.TransactionClient,
  donationId: string,
  context: { organisation: OrganisationSettings; manageUrl: string },
): Promise<string> {
  const donation = await tx.donation.findUniqueOrThrow({
    where: { id: donationId },
    include: { donor: true, campaign: { select: { title: true } }, pledge: true },
  });
  const receiptNumber = donation.receiptNumber ?? (await nextReceiptNumber(tx, donation.paidAt.getUTCFullYear()));
  if (!donation.receiptNumber) await tx.donation.update({ where: { id: donationId }, data: { receiptNumber } });
  const pledge = donation.pledge;
  await queueEmail(
    tx,
    receiptEmail({
      donationId,
      donorId: donation.donorId,
      to: donation.donor.email,
      receiptNumber,
      donorName: pledge?.name ?? donation.donor.name,
      paidAt: donation.paidAt,
      grossAmount: donation.grossAmount,
      coveredFee: donation.coveredFee,
      currency: donation.currency,
      campaignTitle: donation.campaign.title,
      monthly: donation.frequency === "monthly",
      paymentMethod: { brand: donation.paymentMethodBrand, last4: donation.paymentMethodLast4 },
      dedication: pledge?.dedicationKind && pledge.dedicationName ? { kind: pledge.dedicationKind, name: pledge.dedicationName } : null,
      organisation: context.organisation,
      manageUrl: context.manageUrl,
    }),
  );
  return receiptNumber;
}
