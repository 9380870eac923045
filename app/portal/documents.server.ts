import { inTransaction } from "~/db/transaction.data.server";
import { receiptAsEmailed, receiptContext } from "~/email/receipts.data.server";
import { statementAsEmailed } from "~/email/statements.data.server";
import { textDocumentPdf } from "~/portal/pdf.server";
import type { PortalDonor } from "~/portal/portal-session.server";
import { donationOfDonor } from "~/portal/portal.data.server";

/**
 * The PDFs a donor downloads from their giving page: a gift's receipt and a
 * year's statement, each typeset from the email it was sent as, so both
 * say the same. Only the session donor's own gifts are found.
 */
export interface PdfFile {
  filename: string;
  body: Buffer;
}

const RECEIPT_LABELS = ["Receipt number", "Donor", "Date", "Amount", "Gift", "Payment method", "Dedication", "Questions"] as const;

export async function receiptPdf(donor: PortalDonor, donationId: string): Promise<PdfFile | null> {
  const own = await donationOfDonor(donor.donorId, donationId);
  if (!own) return null;
  const context = await receiptContext();
  const email = await inTransaction((tx) => receiptAsEmailed(tx, own.id, context));
  if (!email) return null;
  const number = /Receipt number: (\S+)/.exec(email.text)?.[1] ?? own.id;
  return {
    filename: `receipt-${number}.pdf`,
    body: await textDocumentPdf({
      title: email.subject,
      author: context.organisation.legalName,
      lines: email.text.split("\n"),
      labels: RECEIPT_LABELS,
    }),
  };
}

export async function statementPdf(donor: PortalDonor, year: number): Promise<PdfFile | null> {
  const email = await statementAsEmailed(donor.donorId, year);
  if (!email) return null;
  return {
    filename: `statement-${year}.pdf`,
    body: await textDocumentPdf({ title: email.subject, author: "", lines: email.text.split("\n"), labels: ["Questions"] }),
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
