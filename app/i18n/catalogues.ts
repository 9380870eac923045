import en from "~/i18n/locales/en.json";
import es from "~/i18n/locales/es.json";

/**
 * Every language the site can speak: one catalogue (app/i18n/locales/xx.json)
 * each, keyed by its language code. LANGUAGES chooses which of them are on.
 * A new language is its catalogue, one line here, and its campaign texts;
 * tests/unit/catalogues.test.ts checks that it has every key.
 */
export const CATALOGUES = { en, es } satisfies Record<string, Catalogue>;

/** The English catalogue's shape is every catalogue's shape. */
export type Catalogue = typeof en;

export type Language = keyof typeof CATALOGUES;

export const KNOWN_LANGUAGES = Object.keys(CATALOGUES) as [Language, ...Language[]];

export function isKnownLanguage(value: unknown): value is Language {
  return typeof value === "string" && Object.hasOwn(CATALOGUES, value);
}

/** The BCP 47 locale Intl formats money, dates and numbers in ("es" -> "es-US"). */
export function localeOf(lang: Language): string {
  return CATALOGUES[lang].language.locale;
}
