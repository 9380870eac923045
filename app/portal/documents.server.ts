import { inTransaction } from "~/db/transaction.data.server";
import { receiptAsEmailed, receiptContext } from "~/email/receipts.data.server";
import { statementAsEmailed } from "~/email/statements.data.server";
import { textDocumentPdf } from "~/portal/pdf.server";
import type { PortalDonor } from "~/portal/portal-session.server";
import { donationOfDonor } from "~/portal/portal.data.server";
import { KNOWN_LANGUAGES } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";

/**
 * The PDFs a donor downloads from their giving page: a gift's receipt and a
 * year's statement, each typeset from the email it was sent as, so both
 * say the same. Only the session donor's own gifts are found.
 */
export interface PdfFile {
  filename: string;
  body: Buffer;
}

/** The labels set in bold, in every language (a document is in its email's language). */
function labelsIn(keys: readonly string[]): string[] {
  return [...new Set(KNOWN_LANGUAGES.flatMap((lang) => keys.map((key) => translator(lang)(key).replace(/:$/, ""))))];
}
const RECEIPT_LABELS = labelsIn([
  "email.receipt.number",
  "email.receipt.donor",
  "email.receipt.date",
  "email.receipt.amount",
  "email.receipt.gift",
  "email.receipt.paymentMethod",
  "email.receipt.dedication",
  "email.receipt.questionsLead",
]);
const STATEMENT_LABELS = labelsIn(["email.statement.questionsLead"]);

export async function receiptPdf(donor: PortalDonor, donationId: string): Promise<PdfFile | null> {
  const own = await donationOfDonor(donor.donorId, donationId);
  if (!own) return null;
  const context = await receiptContext();
  const email = await inTransaction((tx) => receiptAsEmailed(tx, own.id, context));
  if (!email) return null;
  return {
    filename: `receipt-${own.receiptNumber ?? own.id}.pdf`,
    body: await textDocumentPdf({
      title: email.subject,
      author: context.organisation.legalName,
      lines: email.text.split("\n"),
      labels: RECEIPT_LABELS,
      lang: email.lang,
    }),
  };
}

export async function statementPdf(donor: PortalDonor, year: number): Promise<PdfFile | null> {
  const email = await statementAsEmailed(donor.donorId, year);
  if (!email) return null;
  return {
    filename: `statement-${year}.pdf`,
    body: await textDocumentPdf({
      title: email.subject,
      author: "",
      lines: email.text.split("\n"),
      labels: STATEMENT_LABELS,
      lang: email.lang,
    }),
  };
}

/** How a PDF is answered: a download, never stored by a browser or cache. */
export function pdfResponse(file: PdfFile): Response {
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Content-Length": String(file.body.length),
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
