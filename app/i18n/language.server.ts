import Negotiator from "negotiator";
import { z } from "zod";

import type { Language } from "~/i18n/catalogues";
import { carriesLanguage, localisedPath, pickLanguage, splitLanguage, type LanguageSetting } from "~/i18n/paths";
import { env, type Env } from "~/utils/env.server";

/** The cookie that remembers a language chosen with the switch (a preference, nothing secret). */
export const LANGUAGE_COOKIE = "lang";
const COOKIE_MAX_AGE = 365 * 24 * 3600;

type LanguageEnv = Pick<Env, "LANGUAGES" | "DEFAULT_LANGUAGE">;

/** The language a request's address speaks, with the site's languages. */
export function requestLanguage(request: Request | string, config: LanguageEnv = env()): LanguageSetting {
  const pathname = new URL(typeof request === "string" ? request : request.url).pathname;
  const { lang } = splitLanguage(pathname, config.LANGUAGES, config.DEFAULT_LANGUAGE);
  return { lang, defaultLanguage: config.DEFAULT_LANGUAGE, languages: config.LANGUAGES };
}

/** A language as stored or sent (a pledge's, a Checkout Session's locale): one of the site's, else the default. */
export function siteLanguage(value: string | null | undefined, config: LanguageEnv = env()): Language {
  return pickLanguage(value, config.LANGUAGES, config.DEFAULT_LANGUAGE);
}

function cookieLanguage(cookieHeader: string | undefined, config: LanguageEnv): Language | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LANGUAGE_COOKIE) return config.LANGUAGES.find((lang) => lang === value);
  }
  return undefined;
}

/** The language a visitor asked for: the switch's cookie first, then the browser's Accept-Language. */
export function preferredLanguage(headers: { cookie?: string; acceptLanguage?: string }, config: LanguageEnv = env()): Language {
  const chosen = cookieLanguage(headers.cookie, config);
  if (chosen) return chosen;
  if (!headers.acceptLanguage) return config.DEFAULT_LANGUAGE;
  // Negotiator matches "es-MX" to "es" and weighs q-values; the default language wins ties.
  const ordered = [config.DEFAULT_LANGUAGE, ...config.LANGUAGES.filter((lang) => lang !== config.DEFAULT_LANGUAGE)];
  const best = new Negotiator({ headers: { "accept-language": headers.acceptLanguage } }).language(ordered);
  return config.LANGUAGES.find((lang) => lang === best) ?? config.DEFAULT_LANGUAGE;
}

export function languageCookie(lang: Language): string {
  const secure = env().APP_URL.startsWith("https://") ? "; Secure" : "";
  return `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=${COOKIE_MAX_AGE}; SameSite=Lax; HttpOnly${secure}`;
}

/** Where the language switch may send a visitor back to: a path of this site, never another host. */
const ReturnPathSchema = z
  .string()
  .max(2_000)
  .regex(/^\/(?![/\\])[^\\\s]*$/)
  .catch("/");

/** The switch's answer: remember the language, and go to the same page in it. */
export function switchLanguage(langParam: string | undefined, to: string | null, config: LanguageEnv = env()) {
  const lang = config.LANGUAGES.find((candidate) => candidate === langParam);
  if (!lang) return undefined;
  const target = new URL(ReturnPathSchema.parse(to ?? "/"), "http://site.invalid");
  const { path } = splitLanguage(target.pathname, config.LANGUAGES, config.DEFAULT_LANGUAGE);
  return { lang, location: `${localisedPath(path, lang, config.DEFAULT_LANGUAGE)}${target.search}` };
}

/**
 * The answer for a public page asked for at its unprefixed (default
 * language) address by a visitor who prefers another language: a redirect to
 * the same page under that language's prefix. Such addresses depend on the
 * cookie and Accept-Language, and say so in Vary; prefixed ones depend on
 * nothing but the address. Runs before the page memory, so a remembered
 * page is only ever answered to a visitor who wants its language.
 */
export function languageRedirect(
  request: { method: string; path: string; search: string; cookie?: string; acceptLanguage?: string },
  config: LanguageEnv,
): { vary: boolean; location?: string } {
  // Single-fetch data (x.data) follows the page it was asked from.
  if (config.LANGUAGES.length < 2 || request.path.endsWith(".data") || !carriesLanguage(request.path)) return { vary: false };
  if (request.method !== "GET" && request.method !== "HEAD") return { vary: true };
  const wanted = preferredLanguage(request, config);
  if (wanted === config.DEFAULT_LANGUAGE) return { vary: true };
  return { vary: true, location: `${localisedPath(request.path, wanted, config.DEFAULT_LANGUAGE)}${request.search}` };
}

/** An absolute address of a public page in a language (links in emails). */
export function publicUrl(path: string, lang: Language, config: Pick<Env, "APP_URL" | "DEFAULT_LANGUAGE"> = env()): string {
  return `${config.APP_URL}${localisedPath(path, lang, config.DEFAULT_LANGUAGE)}`;
}
