import { eachDonationPage, type DonationRow, type DonationSearch } from "~/donations/donation-search.data.server";
import { CSV_BOM, csvNumber, csvRecord, type CsvCell } from "~/utils/csv.server";
import { toDecimalString } from "~/utils/money";

/**
 * The donations CSV: one row per gift, newest first. Amounts are plain
 * decimals in the gift's currency (`51.44`), next to a currency column.
 */
const COLUMNS: Array<[header: string, cell: (row: DonationRow) => CsvCell]> = [
  ["paid_at", (row) => row.paidAt.toISOString()],
  ["receipt_number", (row) => row.receiptNumber],
  ["donor_name", (row) => row.donorName],
  ["donor_email", (row) => row.donorEmail],
  ["campaign", (row) => row.campaignTitle],
  ["frequency", (row) => row.frequency],
  ["currency", (row) => row.currency],
  ["gross", (row) => amount(row.grossAmount, row.currency)],
  ["covered_fee", (row) => amount(row.coveredFee, row.currency)],
  ["stripe_fee", (row) => amount(row.stripeFee, row.currency)],
  ["net", (row) => amount(row.netAmount, row.currency)],
  ["refunded", (row) => amount(row.refundedAmount, row.currency)],
  ["status", (row) => row.status],
  ["dispute_status", (row) => row.disputeStatus],
  ["stripe_payment_intent", (row) => row.stripePaymentIntentId],
  ["stripe_invoice", (row) => row.stripeInvoiceId],
  ["donation_id", (row) => row.id],
  ["source", (row) => row.source],
  ["offline_method", (row) => row.offlineMethod],
  ["reference", (row) => row.reference],
  ["voided_at", (row) => row.voidedAt?.toISOString()],
];

export const DONATIONS_CSV_HEADER = COLUMNS.map(([header]) => header);

function amount(minor: number | null, currency: string): CsvCell {
  return minor === null ? null : csvNumber(toDecimalString(minor, currency));
}

export function donationCsvRecord(row: DonationRow): string {
  return csvRecord(COLUMNS.map(([, cell]) => cell(row)));
}

/**
 * The CSV of every donation matching `search`, as a stream: it reads one
 * keyset page of `pageSize` rows each time the client is ready for more, so
 * memory stays flat however many rows there are.
 */
export function donationsCsvStream(search: DonationSearch, pageSize = 1_000): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pages: AsyncGenerator<DonationRow[]> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + csvRecord(DONATIONS_CSV_HEADER)));
      },
      async pull(controller) {
        pages ??= eachDonationPage(search, pageSize);
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(donationCsvRecord).join("")));
      },
      async cancel() {
        await pages?.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
