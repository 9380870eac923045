import i18next, { type i18n, type TFunction } from "i18next";

import { CATALOGUES, type Language } from "~/i18n/catalogues";

/**
 * One i18next instance per language, made once and shared by every request
 * (an instance holds no per-request state once its language is fixed). The
 * catalogues are bundled, so an instance is ready synchronously, on the
 * server and in the browser alike: rendering needs no loading step.
 */
const instances = new Map<Language, i18n>();

export function i18nFor(lang: Language): i18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      // A missing key is a test failure (tests/unit/catalogues.test.ts); at run time English stands in.
      fallbackLng: "en",
      resources: Object.fromEntries(Object.entries(CATALOGUES).map(([code, catalogue]) => [code, { translation: catalogue }])),
      initAsync: false,
      // React and the email templates escape what they render; i18next must not do it twice.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(lang, instance);
  }
  return instance;
}

/** The translation function of a language, for loaders, actions and emails. */
export function translator(lang: Language): TFunction {
  return i18nFor(lang).getFixedT(lang);
}

const pageTranslators = new Map<Language, TFunction>();

/** Texts kept per language at most (a text with values is kept once per set of values); past it, the language starts again. */
const MAX_KEPT_TEXTS = 5_000;

/** The key a text is kept under, or undefined when one of its values is not a plain string, number or boolean. */
function keptKey(key: string, options: unknown): string | undefined {
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null) return undefined;
  let kept = key;
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
    kept += `\u0000${name}\u0000${typeof value}\u0000${String(value)}`;
  }
  return kept;
}

/**
 * The translation function pages render with: i18next's, each answer kept by
 * language, key and values, since the catalogues never change while the
 * process runs. A page asks for some sixty texts, and through i18next each
 * one costs its resolver's whole walk (decision 042). A text whose values are
 * anything but strings, numbers and booleans goes to i18next every time.
 */
export function pageTranslator(lang: Language): TFunction {
  let t = pageTranslators.get(lang);
  if (!t) {
    const fixed = translator(lang) as (key: string | string[], options?: unknown) => unknown;
    const kept = new Map<string, unknown>();
    const translate = (key: string | string[], options?: unknown): unknown => {
      const cacheKey = typeof key === "string" ? keptKey(key, options) : undefined;
      if (cacheKey === undefined) return fixed(key, options);
      if (kept.has(cacheKey)) return kept.get(cacheKey);
      const text = fixed(key, options);
      if (kept.size >= MAX_KEPT_TEXTS) kept.clear();
      kept.set(cacheKey, text);
      return text;
    };
    t = translate as TFunction;
    pageTranslators.set(lang, t);
  }
  return t;
}
