import crypto from "node:crypto";

import { parse } from "csv-parse/sync";
import type { TFunction } from "i18next";
import type { z } from "zod";

import { campaignsBySlug, importedKeys } from "~/offline-gifts/gift-import.data.server";
import type { NewOfflineGift } from "~/offline-gifts/offline-gifts.data.server";
import { translator } from "~/i18n/i18n";
import { offlineGiftRules } from "~/offline-gifts/offline-gift-rules.server";
import { OFFLINE_METHODS } from "~/offline-gifts/fields";

/**
 * The CSV import of offline gifts (a bank statement, a cheque list), read
 * with csv-parse (decision 037) and checked row by row with the same rules as
 * the record form, before anything is written. Every problem is written in
 * the language of `t` (the staff pages': decision 045).
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

/**
 * A method cell: its code (bank_transfer), or its name in English (a file's
 * format stays the same whatever the staff pages speak) or in the staff
 * pages' language ("Bank transfer").
 */
function methodWords(t: TFunction): Record<string, string> {
  const english = translator("en");
  return Object.fromEntries(
    OFFLINE_METHODS.flatMap((method) => [
      [method, method],
      [english(`staff.offlineGifts.methods.${method}`).toLowerCase(), method],
      [t(`staff.offlineGifts.methods.${method}`).toLowerCase(), method],
    ]),
  );
}

function readCells(text: string, t: TFunction): { ok: true; records: Cells[] } | { ok: false; problem: string } {
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
    return { ok: false, problem: t("staff.import.fileProblems.notCsv", { detail: (error as Error).message }) };
  }
  const first = records[0];
  if (!first) return { ok: false, problem: t("staff.import.fileProblems.noRows") };
  const missing = REQUIRED_COLUMNS.filter((column) => !(column in first));
  if (missing.length)
    return { ok: false, problem: t("staff.import.fileProblems.missingColumns", { count: missing.length, columns: missing.join(", ") }) };
  if (records.length > IMPORT_MAX_ROWS)
    return { ok: false, problem: t("staff.import.fileProblems.tooMany", { max: IMPORT_MAX_ROWS.toLocaleString(t("language.locale")) }) };
  return { ok: true, records: records as Cells[] };
}

function issue(t: TFunction, result: z.ZodSafeParseResult<unknown>, what: string): string | null {
  if (result.success) return null;
  const message = result.error.issues[0]?.message ?? t("staff.import.rowProblems.notValid");
  return t("staff.import.rowProblems.bad", { what: t(`staff.import.rowProblems.${what}`), message });
}

/** Every row's problems, and the gifts to write when there are none. Reads the database, writes nothing. */
export async function checkImport(text: string, t: TFunction, now = new Date()): Promise<ImportCheck> {
  const rules = offlineGiftRules(t);
  const METHOD_WORDS = methodWords(t);
  const read = readCells(text, t);
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
    if (!campaign) problems.push(t("staff.import.rowProblems.unknownCampaign", { campaign: cells.campaign ?? "" }));
    const currencyCell = cells.currency ?? "";
    const currency = currencyCell === "" ? (campaign?.currency ?? "USD") : rules.currency.safeParse(currencyCell).data;
    if (!currency) problems.push(t("staff.import.rowProblems.badCurrency", { currency: currencyCell }));
    else if (campaign && currency !== campaign.currency)
      problems.push(t("staff.import.rowProblems.campaignCurrency", { campaignCurrency: campaign.currency, currency }));
    const date = rules.receivedOn(now).safeParse(cells.date ?? "");
    const amount = rules.amount(currency ?? "USD").safeParse(cells.amount ?? "");
    const method = rules.method.safeParse(
      METHOD_WORDS[(cells.method ?? "").toLowerCase()] ?? (cells.method ? cells.method : "bank_transfer"),
    );
    const email = rules.optionalEmail.safeParse(cells.email ?? "");
    const name = rules.optionalName.safeParse(cells.name ?? "");
    const address = rules.optionalAddress.safeParse(cells.address ?? "");
    const note = rules.note.safeParse(cells.note ?? "");
    const reference = rules.reference.safeParse(cells.reference ?? "");
    for (const problem of [
      issue(t, date, "date"),
      issue(t, amount, "amount"),
      issue(t, method, "method"),
      issue(t, email, "email"),
      issue(t, name, "name"),
      issue(t, address, "address"),
      issue(t, note, "note"),
      issue(t, reference, "reference"),
    ])
      if (problem) problems.push(problem);
    if (reference.success && !reference.data) problems.push(t("staff.import.rowProblems.noReference"));
    if (email.success && !email.data && name.success && !name.data) problems.push(t("staff.import.rowProblems.noDonor"));
    const key = keys[index]!;
    const earlier = seen.get(key);
    if (reference.success && reference.data && earlier) problems.push(t("staff.import.rowProblems.sameReference", { line: earlier }));
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
