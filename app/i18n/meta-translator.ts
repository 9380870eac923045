import type { TFunction } from "i18next";

import { translator } from "~/i18n/i18n";

type Match = { id: string; data?: unknown };

/**
 * The translation function of a page's `meta`, which has no request: the
 * root loader's language (on staff pages the site's default, decision 045).
 */
export function metaTranslator(matches: readonly Match[]): TFunction {
  const root = matches.find((match) => match.id === "root")?.data as { language?: { lang?: string } } | undefined;
  return translator(root?.language?.lang ?? "en");
}
