import { z } from "zod";

import { CAMPAIGN_CURRENCIES } from "~/campaigns/fields";
import { ADDRESS_MAX, NAME_MAX, NOTE_MAX, OFFLINE_METHODS, REFERENCE_MAX } from "~/offline-gifts/fields";
import { readMoneyInput } from "~/utils/money";
import { multiLineText, singleLineText } from "~/utils/text";

/**
 * The rules of one offline gift's values, in one place: the record and
 * correct forms and the CSV import check each value with these.
 */

/** Offline gifts are stored as 32-bit integers of minor units, like every gift. */
export const OFFLINE_AMOUNT_MAX = 2_000_000_000;

export const MethodSchema = z.enum(OFFLINE_METHODS, { error: "Choose cheque, cash, bank transfer or other." });

export const CurrencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(CAMPAIGN_CURRENCIES, { error: `Choose one of ${CAMPAIGN_CURRENCIES.join(", ")}.` }));

/** A date like 2026-11-30 (the day the gift was received, UTC), not in the future nor before 2000. */
export function receivedOnSchema(now: Date = new Date()) {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
      if (!match || !date || date.toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: "custom", message: "Enter the date received as YYYY-MM-DD, like 2026-11-30." });
        return z.NEVER;
      }
      if (date.getUTCFullYear() < 2000 || date.getTime() > now.getTime()) {
        ctx.addIssue({ code: "custom", message: "The date received cannot be in the future or before 2000." });
        return z.NEVER;
      }
      return date;
    });
}

/** An amount like 250 or 250.00 in `currency`, more than zero. */
export function amountSchema(currency: string) {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      const read = readMoneyInput(value, currency);
      if (!read.ok || read.amount <= 0 || read.amount > OFFLINE_AMOUNT_MAX) {
        ctx.addIssue({
          code: "custom",
          message:
            !read.ok && read.reason === "other_currency"
              ? `Write the amount in ${currency}, without another currency's sign.`
              : "Enter an amount above zero like 250 or 250.00.",
        });
        return z.NEVER;
      }
      return read.amount;
    });
}

/** Blank, or an email address (stored lower-cased). */
export const OptionalEmailSchema = singleLineText()
  .max(254, "Use at most 254 characters.")
  .transform((value) => value.toLowerCase())
  .refine((value) => value === "" || z.email().safeParse(value).success, "Enter an email address like name@example.org, or leave it blank.")
  .transform((value) => (value === "" ? null : value));

export const OptionalNameSchema = singleLineText().max(NAME_MAX, `Use at most ${NAME_MAX} characters.`);

export const OptionalAddressSchema = multiLineText()
  .trim()
  .max(ADDRESS_MAX, `Use at most ${ADDRESS_MAX} characters.`)
  .transform((value) => (value === "" ? null : value));

export const ReferenceSchema = singleLineText()
  .max(REFERENCE_MAX, `Use at most ${REFERENCE_MAX} characters.`)
  .transform((value) => (value === "" ? null : value));

export const NoteSchema = multiLineText()
  .trim()
  .max(NOTE_MAX, `Use at most ${NOTE_MAX.toLocaleString("en-US")} characters.`)
  .transform((value) => (value === "" ? null : value));

/** A checkbox: "on" (or "yes", "true", "1") when ticked. */
export const CheckboxSchema = z
  .string()
  .trim()
  .transform((value) => ["on", "yes", "true", "1"].includes(value.toLowerCase()));
