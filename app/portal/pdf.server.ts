import PDFDocument from "pdfkit";

/**
 * A receipt or statement as a PDF, typeset from the text of its email: the
 * same lines, in the same order, so the PDF carries exactly the facts and
 * the legal wording the donor was emailed (and, in sandbox mode, the same
 * test notice). A line "Label: value" whose label is one of `labels` is set
 * with the label in bold; the first line is the heading.
 *
 * pdfkit's built-in Helvetica covers the Windows-1252 characters (Latin
 * scripts, €, curly quotes); text outside them would need an embedded font.
 */
export function textDocumentPdf(input: {
  title: string;
  author: string;
  lines: string[];
  labels?: readonly string[];
  /** The document's language (its email's). */
  lang?: string;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 60,
    info: { Title: input.title, Author: input.author },
    lang: input.lang ?? "en",
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(16).text(input.title);
  doc.moveDown(0.8);
  doc.fontSize(11);
  for (const line of input.lines) {
    if (line === "") {
      doc.moveDown(0.6);
      continue;
    }
    const label = input.labels?.find((candidate) => line.startsWith(`${candidate}: `));
    if (label) {
      doc.font("Helvetica-Bold").text(`${label}: `, { continued: true });
      doc.font("Helvetica").text(line.slice(label.length + 2));
    } else {
      doc.font("Helvetica").text(line);
    }
  }
  doc.end();
  return done;
}
