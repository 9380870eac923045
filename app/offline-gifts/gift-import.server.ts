import crypto from "node:crypto";

import { parse } from "csv-parse/sync";
import type { z } from "zod";

import { campaignsBySlug, importedKeys } from "~/offline-gifts/gift-import.data.server";
import type { NewOfflineGift } from "~/offline-gifts/offline-gifts.data.server";
import {
  amountSchema,
  CurrencySchema,
  MethodSchema,
  NoteSchema,
  OptionalAddressSchema,
  OptionalEmailSchema,
  OptionalNameSchema,
  receivedOnSchema,
  ReferenceSchema,
} from "~/offline-gifts/offline-gift-rules.server";
import { OFFLINE_METHOD_LABELS } from "~/donations/donation-labels";

/**
 * The CSV import of offline gifts (a bank statement, a cheque list), read
 * with csv-parse (decision 037) and checked row by row with the same rules as
 * the record form, before anything is written.
 *
 * Columns (a header row names them, in any order, any case): date, amount,
 * campaign (its slug), reference (required: the key that makes a second
 * import of the same row add nothing), and optionally currency (the
 * campaign's when blank), method (cheque, cash, bank transfer, other; bank
 * transfer when blank), email, name, address, note.
 */
export const IMPORT_COLUMNS = [
  "date",
  "amount",
  "campaign",
  "reference",
  "currency",
  "method",
  "email",
  "name",
  "address",
  "note",
] as const;
const REQUIRED_COLUMNS = ["date", "amount", "campaign", "reference"] as const;
export const IMPORT_MAX_ROWS = 5_000;

export interface PreviewRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  date: string;
  amount: string;
  campaign: string;
  reference: string;
  donor: string;
  problems: string[];
  /** Imported before: it will add nothing. */
  duplicate: boolean;
}

export type ImportCheck =
  | { ok: false; fileProblem: string }
  | {
      ok: true;
      rows: PreviewRow[];
      gifts: Array<NewOfflineGift & { row: number }>;
      problems: number;
      duplicates: number;
      sha256: string;
    };

type Cells = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;

const METHOD_WORDS: Record<string, string> = Object.fromEntries(
  Object.entries(OFFLINE_METHOD_LABELS).flatMap(([method, label]) => [
    [method, method],
    [label.toLowerCase(), method],
  ]),
);

function readCells(text: string): { ok: true; records: Cells[] } | { ok: false; problem: string } {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      max_record_size: 10_000,
    }) as Record<string, string>[];
  } catch (error) {
    return { ok: false, problem: `The file is not valid CSV: ${(error as Error).message}` };
  }
  const first = records[0];
  if (!first) return { ok: false, problem: "The file has no rows below its header." };
  const missing = REQUIRED_COLUMNS.filter((column) => !(column in first));
  if (missing.length)
    return { ok: false, problem: `The header row lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.` };
  if (records.length > IMPORT_MAX_ROWS)
    return { ok: false, problem: `Import at most ${IMPORT_MAX_ROWS.toLocaleString("en-US")} rows at a time.` };
  return { ok: true, records: records as Cells[] };
}

function issue(result: z.ZodSafeParseResult<unknown>, what: string): string | null {
  return result.success ? null : `${what}: ${result.error.issues[0]?.message ?? "not valid"}`;
}

/** Every row's problems, and the gifts to write when there are none. Reads the database, writes nothing. */
export async function checkImport(text: string, now = new Date()): Promise<ImportCheck> {
  const read = readCells(text);
  if (!read.ok) return { ok: false, fileProblem: read.problem };
  const slugs = [...new Set(read.records.map((cells) => (cells.campaign ?? "").toLowerCase()))];
  const campaigns = await campaignsBySlug(slugs);
  const keys = read.records.map((cells) => `csv:${cells.reference ?? ""}`);
  const before = await importedKeys(keys.filter((key) => key !== "csv:"));
  const seen = new Map<string, number>();
  const rows: PreviewRow[] = [];
  const gifts: Array<NewOfflineGift & { row: number }> = [];

  read.records.forEach((cells, index) => {
    const line = index + 2;
    const problems: string[] = [];
    const campaign = campaigns.get((cells.campaign ?? "").toLowerCase());
    if (!campaign) problems.push(`unknown campaign “${cells.campaign ?? ""}”`);
    const currencyCell = cells.currency ?? "";
    const currency = currencyCell === "" ? (campaign?.currency ?? "USD") : CurrencySchema.safeParse(currencyCell).data;
    if (!currency) problems.push(`bad currency “${currencyCell}”`);
    else if (campaign && currency !== campaign.currency) problems.push(`the campaign counts in ${campaign.currency}, not ${currency}`);
    const date = receivedOnSchema(now).safeParse(cells.date ?? "");
    const amount = amountSchema(currency ?? "USD").safeParse(cells.amount ?? "");
    const method = MethodSchema.safeParse(
      METHOD_WORDS[(cells.method ?? "").toLowerCase()] ?? (cells.method ? cells.method : "bank_transfer"),
    );
    const email = OptionalEmailSchema.safeParse(cells.email ?? "");
    const name = OptionalNameSchema.safeParse(cells.name ?? "");
    const address = OptionalAddressSchema.safeParse(cells.address ?? "");
    const note = NoteSchema.safeParse(cells.note ?? "");
    const reference = ReferenceSchema.safeParse(cells.reference ?? "");
    for (const problem of [
      issue(date, "bad date"),
      issue(amount, "bad amount"),
      issue(method, "bad method"),
      issue(email, "bad email"),
      issue(name, "bad name"),
      issue(address, "bad address"),
      issue(note, "bad note"),
      issue(reference, "bad reference"),
    ])
      if (problem) problems.push(problem);
    if (reference.success && !reference.data) problems.push("no reference (the key that stops a second import adding the row again)");
    if (email.success && !email.data && name.success && !name.data) problems.push("no email and no name: say who gave");
    const key = keys[index]!;
    const earlier = seen.get(key);
    if (reference.success && reference.data && earlier) problems.push(`the same reference as line ${earlier}`);
    seen.set(key, line);
    rows.push({
      line,
      date: cells.date ?? "",
      amount: cells.amount ?? "",
      campaign: cells.campaign ?? "",
      reference: cells.reference ?? "",
      donor: [cells.name, cells.email].filter(Boolean).join(" · "),
      problems,
      duplicate: before.has(key),
    });
    if (
      problems.length === 0 &&
      campaign &&
      currency &&
      date.success &&
      amount.success &&
      method.success &&
      email.success &&
      name.success
    ) {
      gifts.push({
        row: line,
        campaignId: campaign.id,
        method: method.data,
        paidAt: date.data,
        amount: amount.data,
        currency,
        reference: reference.data ?? null,
        note: note.data ?? null,
        donor: { email: email.data, name: name.data, address: address.data ?? null },
        sendReceipt: false,
        importKey: key,
      });
    }
  });
  return {
    ok: true,
    rows,
    gifts,
    problems: rows.filter((row) => row.problems.length > 0).length,
    duplicates: rows.filter((row) => row.duplicate).length,
    sha256: crypto.createHash("sha256").update(text).digest("hex"),
  };
}
