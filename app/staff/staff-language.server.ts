import type { TFunction } from "i18next";

import { localeOf, type Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { env } from "~/utils/env.server";

/**
 * Staff pages speak the site's default language (decision 045): their
 * addresses carry no language, so the root loader gives them the default
 * one, and what loaders and actions write for them is in it too.
 */
export function staffLanguage(): Language {
  return env().DEFAULT_LANGUAGE;
}

/** The translation function for what staff pages' loaders, actions and emails write. */
export function staffTranslator(): TFunction {
  return translator(staffLanguage());
}

/** The Intl locale staff pages format money, dates and numbers in. */
export function staffLocale(): string {
  return localeOf(staffLanguage());
}
