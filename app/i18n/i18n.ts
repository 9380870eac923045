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

/**
 * The translation function pages render with: i18next's, except that a text
 * asked for by its key alone (most of a page's words) is looked up once per
 * language and kept, since the catalogues never change while the process
 * runs. A text with values to put in goes to i18next every time. A page asks
 * for some sixty texts; through i18next each costs its resolver's whole walk
 * (decision 042).
 */
export function pageTranslator(lang: Language): TFunction {
  let t = pageTranslators.get(lang);
  if (!t) {
    const fixed = translator(lang);
    const kept = new Map<string, string>();
    const translate = (key: string | string[], options?: unknown): unknown => {
      if (options !== undefined || typeof key !== "string")
        return (fixed as (key: string | string[], options?: unknown) => unknown)(key, options);
      let text = kept.get(key);
      if (text === undefined) {
        text = String(fixed(key));
        kept.set(key, text);
      }
      return text;
    };
    t = translate as TFunction;
    pageTranslators.set(lang, t);
  }
  return t;
}
