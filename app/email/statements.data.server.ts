import { db } from "~/db/db.server";
import { annualStatementEmail } from "~/email/templates/statement.server";
import { getOrganisation } from "~/organisation/organisation.data.server";
import { queueEmail } from "~/email/outbox.data.server";
import { campaignTitleIn } from "~/campaigns/campaign-language";
import { pickLanguage } from "~/i18n/paths";
import { env } from "~/utils/env.server";

/**
 * Queues one statement per donor who gave in `year` (UTC calendar year).
 * The dedupe key (donor and year) makes a second run queue nothing.
 */
export async function queueAnnualStatements(year: number): Promise<{ donors: number; queued: number }> {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year + 1, 0, 1));
  const organisation = await getOrganisation();
  const { LANGUAGES, DEFAULT_LANGUAGE } = env();
  const donors = await db().donor.findMany({
    // A donor without an email (offline gifts only, or erased) gets no statement by email.
    where: { email: { not: null }, donations: { some: { paidAt: { gte: from, lt: to }, voidedAt: null } } },
    select: { id: true, email: true, name: true, language: true },
    orderBy: { email: "asc" },
  });
  let queued = 0;
  for (const donor of donors) {
    if (!donor.email) continue;
    const donations = await db().donation.findMany({
      where: { donorId: donor.id, paidAt: { gte: from, lt: to }, voidedAt: null },
      orderBy: { paidAt: "asc" },
      include: { campaign: { select: { title: true, translations: true } } },
    });
    const lang = pickLanguage(donor.language, LANGUAGES, DEFAULT_LANGUAGE);
    const email = annualStatementEmail({
      lang,
      year,
      donorId: donor.id,
      to: donor.email,
      donorName: donor.name,
      organisation,
      gifts: donations.map((d) => ({
        paidAt: d.paidAt,
        campaignTitle: campaignTitleIn(d.campaign, lang, DEFAULT_LANGUAGE),
        receiptNumber: d.receiptNumber,
        grossAmount: d.grossAmount,
        refundedAmount: d.refundedAmount,
        deductible: Math.max(0, d.grossAmount - d.refundedAmount - (d.disputeStatus === "lost" ? d.disputedAmount : 0)),
        currency: d.currency,
      })),
    });
    if (await db().$transaction((tx) => queueEmail(tx, email))) queued += 1;
  }
  return { donors: donors.length, queued };
}
