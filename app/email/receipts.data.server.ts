import crypto from "node:crypto";

import { Prisma, type DedicationKind, type DonationSource, type GiftFrequency, type ReceiptPreference } from "~/generated/prisma/client";
import { receiptEmail } from "~/email/templates/receipt.server";
import { getOrganisation, type OrganisationSettings } from "~/organisation/organisation.data.server";
import { queueEmail, type OutgoingEmail } from "~/email/outbox.data.server";
import { campaignTitleIn } from "~/campaigns/campaign-language";
import { localisedPath, pickLanguage } from "~/i18n/paths";
import { markedAsTest } from "~/email/templates/test-marking.server";
import { env } from "~/utils/env.server";
import { OFFLINE_METHOD_LABELS } from "~/donations/donation-labels";

/** "Cheque 1042", "Bank transfer", "Cash": how an offline gift was paid, for its receipt. */
function offlineMethodText(method: string | null, reference: string | null): string {
  const label = OFFLINE_METHOD_LABELS[method ?? "other"] ?? "Other";
  return method === "cheque" && reference ? `${label} ${reference}` : label;
}

/**
 * Real receipts are numbered 2026-000042; those made in sandbox mode, where no
 * money moves, TEST-2026-000001, from a counter of their own, so a demo site
 * neither uses up real numbers nor makes one that could pass for real.
 */
export type ReceiptSeries = "live" | "test";

/** A receipt was asked for a donor with no email (an offline donor without one, or an erased donor). */
export class NoReceiptAddress extends Error {
  constructor(donationId: string) {
    super(`The donor of ${donationId} has no email to send a receipt to`);
    this.name = "NoReceiptAddress";
  }
}
const TEST_PREFIX = "TEST-";

export function isTestReceiptNumber(receiptNumber: string): boolean {
  return receiptNumber.toUpperCase().startsWith(TEST_PREFIX);
}

/**
 * A receipt number in SQL, as `2026-000042` (or `TEST-2026-000001`): at least
 * six digits, more once a year passes a million gifts.
 */
function receiptNumberSql(series: ReceiptSeries, year: Prisma.Sql, last: Prisma.Sql): Prisma.Sql {
  const prefix = series === "test" ? TEST_PREFIX : "";
  return Prisma.sql`${prefix}::text || ${year}::text || '-' || CASE WHEN ${last} < 1000000 THEN lpad(${last}::text, 6, '0') ELSE ${last}::text END`;
}

export interface ReceiptContext {
  organisation: OrganisationSettings;
  manageUrl: string;
  /** Which numbers new receipts take; unset, the site's mode decides ("test" in sandbox mode). */
  series?: ReceiptSeries;
}

function seriesOf(context: ReceiptContext): ReceiptSeries {
  return context.series ?? (env().sandbox ? "test" : "live");
}

/** What a receipt says of its gift, its donor, its campaign and the pledge it came from. */
interface ReceiptFacts {
  receiptNumber: string | null;
  donorId: string;
  paidAt: Date;
  grossAmount: number;
  coveredFee: number;
  currency: string;
  frequency: GiftFrequency;
  paymentMethodBrand: string | null;
  paymentMethodLast4: string | null;
  source: DonationSource;
  offlineMethod: string | null;
  reference: string | null;
  email: string | null;
  donorName: string;
  donorLanguage: string;
  receiptPreference: ReceiptPreference;
  campaignTitle: string;
  campaignTranslations: unknown;
  pledgeLanguage: string | null;
  pledgeName: string | null;
  dedicationKind: DedicationKind | null;
  dedicationName: string | null;
}

/**
 * A gift's receipt facts, in one statement that also numbers the gift when
 * it has no number yet and its donor has an address to send the receipt to:
 * the next number of the series and of the gift's (UTC) year. The counter row
 * stays locked until the caller's transaction ends and rolls back with it, so
 * numbers have no gaps and no duplicates under concurrent gifts.
 */
async function numberedGift(tx: Prisma.TransactionClient, donationId: string, series: ReceiptSeries): Promise<ReceiptFacts> {
  const rows = await tx.$queryRaw<ReceiptFacts[]>`
    WITH gift AS (
      SELECT d."paidAt", d."receiptNumber", r."email" FROM "Donation" d JOIN "Donor" r ON r."id" = d."donorId"
      WHERE d."id" = ${donationId}::uuid
    ), counter AS (
      INSERT INTO "ReceiptSequence" ("series", "year", "last")
      SELECT ${series}, EXTRACT(YEAR FROM "paidAt")::int, 1 FROM gift WHERE "receiptNumber" IS NULL AND "email" IS NOT NULL
      ON CONFLICT ("series", "year") DO UPDATE SET "last" = "ReceiptSequence"."last" + 1
      RETURNING "year", "last"
    ), numbered AS (
      UPDATE "Donation" SET "receiptNumber" = ${receiptNumberSql(series, Prisma.sql`counter."year"`, Prisma.sql`counter."last"`)},
                            "updatedAt" = ${new Date()}
      FROM counter WHERE "Donation"."id" = ${donationId}::uuid
      RETURNING "Donation"."receiptNumber"
    )
    SELECT COALESCE((SELECT "receiptNumber" FROM numbered), d."receiptNumber") AS "receiptNumber",
           d."donorId", d."paidAt", d."grossAmount", d."coveredFee", d."currency", d."frequency"::text AS "frequency",
           d."paymentMethodBrand", d."paymentMethodLast4", d."source"::text AS "source", d."offlineMethod"::text AS "offlineMethod",
           d."reference", r."email", r."name" AS "donorName", r."language" AS "donorLanguage",
           r."receiptPreference"::text AS "receiptPreference", c."title" AS "campaignTitle", c."translations" AS "campaignTranslations",
           p."language" AS "pledgeLanguage", p."name" AS "pledgeName", p."dedicationKind"::text AS "dedicationKind", p."dedicationName"
    FROM "Donation" d
    JOIN "Donor" r ON r."id" = d."donorId"
    JOIN "Campaign" c ON c."id" = d."campaignId"
    LEFT JOIN "Pledge" p ON p."id" = d."pledgeId"
    WHERE d."id" = ${donationId}::uuid`;
  const facts = rows[0];
  if (!facts) throw new Error(`No donation ${donationId} to receipt`);
  // The JSON column arrives parsed from one driver and as text from another.
  if (typeof facts.campaignTranslations === "string") facts.campaignTranslations = JSON.parse(facts.campaignTranslations) as unknown;
  return facts;
}

/**
 * A gift's receipt, addressed to the donor's current email. Numbers the gift
 * first when it has no number yet. The one place a receipt's content comes
 * from, for the first one and for copies.
 */
async function buildReceipt(
  tx: Prisma.TransactionClient,
  donationId: string,
  context: ReceiptContext,
  options: { copy?: boolean } = {},
): Promise<{ email: OutgoingEmail; receiptNumber: string; onlyAnnualStatement: boolean }> {
  const donation = await numberedGift(tx, donationId, seriesOf(context));
  const to = donation.email;
  if (!to) throw new NoReceiptAddress(donationId);
  const receiptNumber = donation.receiptNumber;
  if (!receiptNumber) throw new Error(`Donation ${donationId} could not be numbered`);
  // The language the donor gave in (the pledge's), else their last gift's.
  const { DEFAULT_LANGUAGE, LANGUAGES, APP_URL } = env();
  const lang = pickLanguage(donation.pledgeLanguage ?? donation.donorLanguage, LANGUAGES, DEFAULT_LANGUAGE);
  const email = receiptEmail({
    lang,
    donationId,
    donorId: donation.donorId,
    to,
    receiptNumber,
    donorName: donation.pledgeName ?? donation.donorName,
    paidAt: donation.paidAt,
    grossAmount: donation.grossAmount,
    coveredFee: donation.coveredFee,
    currency: donation.currency,
    campaignTitle: campaignTitleIn({ title: donation.campaignTitle, translations: donation.campaignTranslations }, lang, DEFAULT_LANGUAGE),
    monthly: donation.frequency !== "once",
    yearly: donation.frequency === "yearly",
    paymentMethod: { brand: donation.paymentMethodBrand, last4: donation.paymentMethodLast4 },
    ...(donation.source === "offline" ? { paymentMethodLabel: offlineMethodText(donation.offlineMethod, donation.reference) } : {}),
    dedication:
      donation.dedicationKind && donation.dedicationName ? { kind: donation.dedicationKind, name: donation.dedicationName } : null,
    organisation: context.organisation,
    manageUrl: lang === DEFAULT_LANGUAGE ? context.manageUrl : `${APP_URL}${localisedPath("/give/manage", lang, DEFAULT_LANGUAGE)}`,
    copy: options.copy ?? false,
    // A copy keeps what its number says, whatever mode the site is in now.
    test: isTestReceiptNumber(receiptNumber),
  });
  // A recurring donor may ask for no email per instalment, only the annual statement (the gift is still numbered, and in the portal).
  const onlyAnnualStatement = donation.frequency !== "once" && donation.receiptPreference === "annual";
  return { email, receiptNumber, onlyAnnualStatement };
}

/**
 * Numbers a newly recorded gift and queues its receipt, in the caller's
 * transaction; an instalment of a donor who chose only the annual statement
 * is numbered and not emailed.
 */
export async function queueReceipt(tx: Prisma.TransactionClient, donationId: string, context: ReceiptContext): Promise<string> {
  const { email, receiptNumber, onlyAnnualStatement } = await buildReceipt(tx, donationId, context);
  if (!onlyAnnualStatement) await queueEmail(tx, email);
  return receiptNumber;
}

/**
 * A numbered gift's receipt as it is emailed (marked as a test where the
 * email would be), for its PDF: the same facts and wording. Null when the
 * gift has no number yet.
 */
export async function receiptAsEmailed(
  tx: Prisma.TransactionClient,
  donationId: string,
  context: ReceiptContext,
): Promise<OutgoingEmail | null> {
  const numbered = await tx.donation.findUnique({ where: { id: donationId }, select: { receiptNumber: true } });
  if (!numbered?.receiptNumber) return null;
  const { email } = await buildReceipt(tx, donationId, context);
  return env().sandbox || email.test ? markedAsTest(email) : email;
}

/**
 * Queues a fresh copy of a gift's receipt to the donor's current email, in
 * the caller's transaction. Each copy has a dedupe key of its own, so it is
 * queued however many were sent before. Returns the queued message.
 */
export async function queueReceiptCopy(
  tx: Prisma.TransactionClient,
  donationId: string,
  context: ReceiptContext,
): Promise<{ emailId: string; to: string; receiptNumber: string }> {
  const { email, receiptNumber } = await buildReceipt(tx, donationId, context, { copy: true });
  const dedupeKey = `${email.dedupeKey}:resend:${crypto.randomUUID()}`;
  await queueEmail(tx, { ...email, dedupeKey });
  const queued = await tx.emailMessage.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
  return { emailId: queued.id, to: email.to, receiptNumber };
}

/** What receipts need besides the gift: the organisation and where monthly donors manage their gift. */
export async function receiptContext(): Promise<ReceiptContext> {
  return { organisation: await getOrganisation(), manageUrl: `${env().APP_URL}/give/manage` };
}
