import { db } from "~/db/db.server";
import { annualStatementEmail } from "~/email/templates/statement.server";
import { getOrganisation } from "~/organisation/organisation.data.server";
import { queueEmail } from "~/email/outbox.data.server";
import { campaignTitleIn } from "~/campaigns/campaign-language";
import { pickLanguage } from "~/i18n/paths";
import { markedAsTest } from "~/email/templates/test-marking.server";
import { env } from "~/utils/env.server";

/**
 * Queues one statement per donor who gave in `year` (UTC calendar year).
 * The dedupe key (donor and year) makes a second run queue nothing.
 */
export async function queueAnnualStatements(year: number): Promise<{ donors: number; queued: number }> {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year + 1, 0, 1));
  const organisation = await getOrganisation();
  const donors = await db().donor.findMany({
    // A donor without an email (offline gifts only, or erased) gets no statement by email.
    where: { email: { not: null }, donations: { some: { paidAt: { gte: from, lt: to }, voidedAt: null } } },
    select: { id: true, email: true, name: true, language: true },
    orderBy: { email: "asc" },
  });
  let queued = 0;
  for (const donor of donors) {
    if (!donor.email) continue;
    const email = await statementEmailOf({ ...donor, email: donor.email }, year, organisation);
    if (await db().$transaction((tx) => queueEmail(tx, email))) queued += 1;
  }
  return { donors: donors.length, queued };
}

/** One donor's statement of a year, as it is (or would be) emailed: the one source of its PDF too. */
async function statementEmailOf(
  donor: { id: string; email: string; name: string; language: string },
  year: number,
  organisation: Awaited<ReturnType<typeof getOrganisation>>,
) {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year + 1, 0, 1));
  const { LANGUAGES, DEFAULT_LANGUAGE } = env();
  const donations = await db().donation.findMany({
    where: { donorId: donor.id, paidAt: { gte: from, lt: to }, voidedAt: null },
    orderBy: { paidAt: "asc" },
    include: { campaign: { select: { title: true, translations: true } } },
  });
  const lang = pickLanguage(donor.language, LANGUAGES, DEFAULT_LANGUAGE);
  return annualStatementEmail({
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
}

/**
 * A donor's statement of a year for its PDF, marked as a test in sandbox
 * mode as its email is; null when the donor gave nothing that year.
 */
export async function statementAsEmailed(donorId: string, year: number) {
  const donor = await db().donor.findUnique({ where: { id: donorId }, select: { id: true, email: true, name: true, language: true } });
  if (!donor?.email) return null;
  const gifts = await db().donation.count({
    where: { donorId, paidAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) }, voidedAt: null },
  });
  if (gifts === 0) return null;
  const email = await statementEmailOf({ ...donor, email: donor.email }, year, await getOrganisation());
  return env().sandbox ? markedAsTest(email) : email;
}
