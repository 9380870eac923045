/**
 * Writing CSV (RFC 4180) that spreadsheets open safely.
 *
 * - Fields holding a comma, a double quote, CR or LF are quoted, with quotes
 *   doubled; records end with CRLF.
 * - Text is untrusted: a cell starting with `=`, `+`, `-`, `@`, tab or CR
 *   would be read as a formula by Excel, LibreOffice or Sheets, so it gets a
 *   leading `'` and is shown as the text it is.
 * - Numbers we produce ourselves are marked with `csvNumber` and written
 *   as they are, so that `-12.50` stays a number.
 * - A document starts with a UTF-8 byte order mark, which is how spreadsheet
 *   programs know to read accents as UTF-8.
 */
export const CSV_BOM = "\uFEFF";
export const CSV_RECORD_END = "\r\n";

/** A number written by us (never user text): a plain decimal like `51.44` or `-3`. */
export interface CsvNumber {
  readonly csvNumber: string;
}

export type CsvCell = string | CsvNumber | null | undefined;

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function csvNumber(decimal: string | number): CsvNumber {
  const text = String(decimal);
  if (!DECIMAL.test(text)) throw new TypeError(`Not a plain decimal number: ${text}`);
  return { csvNumber: text };
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised when it is text that a spreadsheet would run, and quoted when needed. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  const text = typeof cell === "string" ? (FORMULA_START.test(cell) ? `'${cell}` : cell) : cell.csvNumber;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF included. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(",") + CSV_RECORD_END;
}
