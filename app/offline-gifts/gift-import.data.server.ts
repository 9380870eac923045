import { db } from "~/db/db.server";
import { receiptContext } from "~/email/receipts.data.server";
import { textKeys } from "~/i18n/text-key";
import {
  insertOfflineGift,
  OfflineGiftRefused,
  type NewOfflineGift,
  type OfflineGiftProblems,
} from "~/offline-gifts/offline-gifts.data.server";
import { recordAudit, type Actor } from "~/staff/audit.data.server";

/** What the import's checks need from the database: campaigns by slug, and which references were imported before. */
export async function campaignsBySlug(slugs: string[]): Promise<Map<string, { id: string; currency: string }>> {
  const rows = await db().campaign.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, currency: true } });
  return new Map(rows.map((row) => [row.slug, { id: row.id, currency: row.currency }]));
}

export async function importedKeys(keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db().donation.findMany({ where: { importKey: { in: keys } }, select: { importKey: true } });
  return new Set(rows.flatMap((row) => (row.importKey ? [row.importKey] : [])));
}

/** A row the database refused while importing: its line in the file and why (catalogue keys). */
export class ImportRowRefused extends Error {
  constructor(
    readonly row: number,
    readonly problems: OfflineGiftProblems,
  ) {
    super(`Row ${row}: ${textKeys(problems)}`);
    this.name = "ImportRowRefused";
  }
}

/**
 * Writes every gift of a checked file in one transaction: all or nothing.
 * A row whose reference was imported before adds nothing (the unique
 * "importKey"), so importing the same file twice adds its gifts once.
 */
export async function importOfflineGifts(
  gifts: Array<NewOfflineGift & { row: number }>,
  file: { name: string; sha256: string },
  actor: Actor,
): Promise<{ added: number; skipped: number; receipts: number }> {
  const context = await receiptContext();
  return db().$transaction(
    async (tx) => {
      const added: string[] = [];
      let receipts = 0;
      for (const gift of gifts) {
        try {
          const written = await insertOfflineGift(tx, gift, context);
          if (!written) continue;
          added.push(written.donationId);
          if (written.receiptNumber) receipts += 1;
        } catch (error) {
          if (error instanceof OfflineGiftRefused) throw new ImportRowRefused(gift.row, error.problems);
          throw error;
        }
      }
      await recordAudit(tx, {
        ...actor,
        action: "gifts.import",
        target: { type: "import", id: file.sha256 },
        details: {
          file: file.name,
          rows: gifts.length,
          added: added.length,
          skipped: gifts.length - added.length,
          receipts,
          donationIds: added,
        },
      });
      return { added: added.length, skipped: gifts.length - added.length, receipts };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
