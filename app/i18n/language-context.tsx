import { createContext, useContext, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";

import { localeOf } from "~/i18n/catalogues";
import { i18nFor } from "~/i18n/i18n";
import { localisedPath, type LanguageSetting } from "~/i18n/paths";

const LanguageContext = createContext<LanguageSetting>({ lang: "en", defaultLanguage: "en", languages: ["en"] });

/** The page's language for every component below: its translations (react-i18next) and its address rules. */
export function LanguageProvider({ setting, children }: { setting: LanguageSetting; children: ReactNode }) {
  return (
    <LanguageContext.Provider value={setting}>
      <I18nextProvider i18n={i18nFor(setting.lang)}>{children}</I18nextProvider>
    </LanguageContext.Provider>
  );
}

/** The page's language, its Intl locale, and `href()` for a public path in that language. */
export function useLanguage() {
  const setting = useContext(LanguageContext);
  return {
    ...setting,
    locale: localeOf(setting.lang),
    href: (path: string) => localisedPath(path, setting.lang, setting.defaultLanguage),
  };
}

/**
 * The translation function of the page's language (react-i18next's
 * useTranslation, bound to that language's instance, so a component rendered
 * outside the document, in a test, still speaks the default language).
 */
export function useT() {
  const { lang } = useContext(LanguageContext);
  return useTranslation(undefined, { i18n: i18nFor(lang) });
}
