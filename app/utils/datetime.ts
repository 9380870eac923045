/**
 * Staff enter and read campaign dates in UTC: the site has no time zone
 * setting, and a stated zone is better than a browser's guess.
 */

/** "2026-03-01 09:30 UTC". */
export function formatUtc(date: Date | string): string {
  const iso = (typeof date === "string" ? new Date(date) : date).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The value of a `datetime-local` input for a moment, read as UTC: "2026-03-01T09:30". */
export function toUtcInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16) : "";
}

const INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads "2026-03-01", "2026-03-01T09:30" or "2026-03-01 09:30:00" as UTC.
 * Null when it is not a real date and time (e.g. 2026-02-30 or 24:10).
 */
export function parseUtcInput(input: string): Date | null {
  const match = INPUT_PATTERN.exec(input.trim());
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const roundTrip =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return roundTrip ? date : null;
}
