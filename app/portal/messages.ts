import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";

/**
 * How the donor portal writes dates and times, in a language's locale. Its
 * words are in the catalogues (`portal.*`, `email.giftChange.*`): pages in
 * the page's language, emails in the donor's.
 */
export type Interval = "monthly" | "yearly";

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions, kind: string): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  return format;
}

/** A date as the portal writes it ("March 2, 2027", "2 de marzo de 2027"), in UTC like every date Lantern stores. */
export function formatPortalDate(date: Date | string, lang: Language = "en"): string {
  return formatter(localeOf(lang), { dateStyle: "long" }, "date").format(new Date(date));
}

/** A time of day as the portal writes it ("3:05 AM UTC"). */
export function formatPortalTime(date: Date | string, lang: Language = "en"): string {
  const time = formatter(localeOf(lang), { timeStyle: "short" }, "time").format(new Date(date));
  return translator(lang)("portal.timeUtc", { time });
}
