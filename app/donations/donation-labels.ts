import type { TFunction } from "i18next";

import { CATALOGUES } from "~/i18n/catalogues";

/** The values the donations list filters by (its URL's `frequency` and `status`). */
export const FREQUENCIES = ["once", "monthly", "yearly"] as const;
export const DONATION_STATUSES = ["succeeded", "partially_refunded", "refunded", "disputed"] as const;

/**
 * Words and formats the staff pages use for donations (shared by server and
 * browser code). Their words are the catalogue's `staff.labels` section, in
 * the language of the `t` they are given (the site's default on staff pages).
 */
export function donationLabels(t: TFunction) {
  const pick = (group: "frequency" | "status" | "dispute" | "offlineMethod", value: string, fallback = value) =>
    t(`staff.labels.${group}.${value}`, { defaultValue: fallback });
  return {
    frequency: (value: string) => pick("frequency", value),
    status: (value: string) => pick("status", value),
    dispute: (value: string) => pick("dispute", value),
    offlineMethod: (value: string | null | undefined) => pick("offlineMethod", value ?? "other", t("staff.labels.offlineMethod.other")),
  };
}

const english = CATALOGUES.en?.staff.labels;

/** The same words in English, for code that has no page language at hand (the gift import's column values, say). */
export const FREQUENCY_LABELS: Record<string, string> = { ...english?.frequency };
export const STATUS_LABELS: Record<string, string> = { ...english?.status };
export const DISPUTE_LABELS: Record<string, string> = { ...english?.dispute };
/** How an offline gift was paid, as staff and receipts name it. */
export const OFFLINE_METHOD_LABELS: Record<string, string> = { ...english?.offlineMethod };

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/**
 * "Nov 25, 2026, 14:05 UTC" (in en-US; "25 nov 2026, 14:05 UTC" in es-US):
 * staff pages show times in UTC, as receipts and filters count days in UTC,
 * in the page's locale, on a 24-hour clock.
 */
export function formatUtc(date: Date, locale = "en-GB"): string {
  let format = dateTimes.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "UTC",
    });
    dateTimes.set(locale, format);
  }
  return `${format.format(date)} UTC`;
}

/** What staff pages show for a donor whose personal data was erased (stored as the donor's name, in English). */
export const ERASED_DONOR_NAME = english?.erasedDonor ?? "Erased donor";
