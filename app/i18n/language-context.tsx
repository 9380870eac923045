import type { TFunction } from "i18next";
import { createContext, useContext, type ReactNode } from "react";

import { localeOf } from "~/i18n/catalogues";
import { pageTranslator } from "~/i18n/i18n";
import { localisedPath, type LanguageSetting } from "~/i18n/paths";

const LanguageContext = createContext<LanguageSetting>({ lang: "en", defaultLanguage: "en", languages: ["en"] });

/** The page's language for every component below: its translations and its address rules. */
export function LanguageProvider({ setting, children }: { setting: LanguageSetting; children: ReactNode }) {
  return <LanguageContext.Provider value={setting}>{children}</LanguageContext.Provider>;
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
 * The translation function of the page's language (i18next's, bound to that
 * language's instance, so a component rendered outside the document, in a
 * test, still speaks the default language). It is the same function for every
 * render: the catalogues are bundled and never change while the page is
 * shown, so nothing needs to re-render on a change of language.
 */
export function useT(): { t: TFunction } {
  const { lang } = useContext(LanguageContext);
  return { t: pageTranslator(lang) };
}
