import type { Language } from "~/i18n/catalogues";

/**
 * Public addresses carry their language: the default language's pages are
 * unprefixed (/campaigns/x), every other language's are under its code
 * (/es/campaigns/x). These are the only rules that read or write that prefix.
 */

/** The public pages whose address carries a language (the rest: staff, webhooks, files). */
const LANGUAGE_PATHS = [/^\/$/, /^\/campaigns\/[^/]+$/, /^\/give(\/.*)?$/];

export function carriesLanguage(path: string): boolean {
  return LANGUAGE_PATHS.some((pattern) => pattern.test(path));
}

/** "/campaigns/x" in Spanish -> "/es/campaigns/x"; the default language stays unprefixed. */
export function localisedPath(path: string, lang: string, defaultLanguage: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (lang === defaultLanguage) return clean;
  return clean === "/" ? `/${lang}` : `/${lang}${clean}`;
}

/** "/es/campaigns/x" -> { lang: "es", path: "/campaigns/x" }; an unprefixed path is the default language's. */
export function splitLanguage<L extends string>(
  pathname: string,
  languages: readonly L[],
  defaultLanguage: L,
): { lang: L; path: string; prefixed: boolean } {
  const match = /^\/([a-z]{2,3}(?:-[a-z0-9]{2,8})?)(\/.*)?$/i.exec(pathname);
  const code = match?.[1];
  const lang = languages.find((candidate) => candidate === code);
  if (match && lang && lang !== defaultLanguage) return { lang, path: match[2] || "/", prefixed: true };
  return { lang: defaultLanguage, path: pathname, prefixed: false };
}

export interface LanguageSetting {
  lang: Language;
  defaultLanguage: Language;
  languages: Language[];
}

/** A stored or sent language ("es", "es-MX", a Checkout locale): one of `languages`, else the default. */
export function pickLanguage<L extends string>(value: string | null | undefined, languages: readonly L[], defaultLanguage: L): L {
  const code = value?.toLowerCase().split("-")[0];
  return languages.find((lang) => lang === code) ?? defaultLanguage;
}
