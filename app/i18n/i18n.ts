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
