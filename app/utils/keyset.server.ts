import { z } from "zod";

/**
 * Keyset pagination over rows listed newest first by (createdAt, id): the
 * cursor names the last row shown, so a page never skips or repeats rows
 * when new ones arrive, and no OFFSET scan grows with the page number.
 */
export interface Keyset {
  createdAt: Date;
  id: string;
}

export function encodeKeyset(row: Keyset): string {
  return `${row.createdAt.getTime()}_${row.id}`;
}

/** A `before` URL parameter; anything malformed is a 400 for the caller to report. */
export const KeysetSchema = z
  .string()
  .regex(/^\d{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "Not a page of this list.")
  .transform((value): Keyset => {
    const [ms = "0", id = ""] = value.split("_");
    return { createdAt: new Date(Number(ms)), id };
  });
