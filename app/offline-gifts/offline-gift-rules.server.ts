import type { TFunction } from "i18next";
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

/**
 * The rules with their messages in the language of `t` (staff pages: the
 * site's default language, decision 045).
 */
export function offlineGiftRules(t: TFunction) {
  const line = () => singleLineText(t("formErrors.singleLine"));
  const lines = () => multiLineText(t("formErrors.multiLine"));
  const tooLong = (max: number) => t("staff.offlineGifts.errors.tooLong", { max: max.toLocaleString(t("language.locale")) });
  return {
    method: z.enum(OFFLINE_METHODS, { error: t("staff.offlineGifts.errors.method") }),

    currency: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(
        z.enum(CAMPAIGN_CURRENCIES, { error: t("staff.offlineGifts.errors.currency", { currencies: CAMPAIGN_CURRENCIES.join(", ") }) }),
      ),

    /** A date like 2026-11-30 (the day the gift was received, UTC), not in the future nor before 2000. */
    receivedOn: (now: Date = new Date()) =>
      z
        .string()
        .trim()
        .transform((value, ctx) => {
          const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
          const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
          if (!match || !date || date.toISOString().slice(0, 10) !== value) {
            ctx.addIssue({ code: "custom", message: t("staff.offlineGifts.errors.dateFormat") });
            return z.NEVER;
          }
          if (date.getUTCFullYear() < 2000 || date.getTime() > now.getTime()) {
            ctx.addIssue({ code: "custom", message: t("staff.offlineGifts.errors.dateRange") });
            return z.NEVER;
          }
          return date;
        }),

    /** An amount like 250 or 250.00 in `currency`, more than zero. */
    amount: (currency: string) =>
      z
        .string()
        .trim()
        .transform((value, ctx) => {
          const read = readMoneyInput(value, currency);
          if (!read.ok || read.amount <= 0 || read.amount > OFFLINE_AMOUNT_MAX) {
            ctx.addIssue({
              code: "custom",
              message:
                !read.ok && read.reason === "other_currency"
                  ? t("staff.offlineGifts.errors.otherCurrency", { currency })
                  : t("staff.offlineGifts.errors.amount"),
            });
            return z.NEVER;
          }
          return read.amount;
        }),

    /** Blank, or an email address (stored lower-cased). */
    optionalEmail: line()
      .max(254, tooLong(254))
      .transform((value) => value.toLowerCase())
      .refine((value) => value === "" || z.email().safeParse(value).success, t("staff.offlineGifts.errors.email"))
      .transform((value) => (value === "" ? null : value)),

    optionalName: line().max(NAME_MAX, tooLong(NAME_MAX)),

    optionalAddress: lines()
      .trim()
      .max(ADDRESS_MAX, tooLong(ADDRESS_MAX))
      .transform((value) => (value === "" ? null : value)),

    reference: line()
      .max(REFERENCE_MAX, tooLong(REFERENCE_MAX))
      .transform((value) => (value === "" ? null : value)),

    note: lines()
      .trim()
      .max(NOTE_MAX, tooLong(NOTE_MAX))
      .transform((value) => (value === "" ? null : value)),
  };
}

export type OfflineGiftRules = ReturnType<typeof offlineGiftRules>;

/** A checkbox: "on" (or "yes", "true", "1") when ticked. */
export const CheckboxSchema = z
  .string()
  .trim()
  .transform((value) => ["on", "yes", "true", "1"].includes(value.toLowerCase()));
