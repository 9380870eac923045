import type { MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";

import { translator } from "~/i18n/i18n";
import { staffPageMeta } from "~/utils/meta";

type Match = { id: string; data?: unknown };

/**
 * The translation function of a page's `meta`: the root loader's language,
 * which on staff pages is the site's default (decision 045).
 */
export function metaTranslator(matches: readonly Match[]): TFunction {
  const root = matches.find((match) => match.id === "root")?.data as { language?: { lang?: string } } | undefined;
  return translator(root?.language?.lang ?? "en");
}

/** A staff page's meta: its title (from the catalogue) followed by the staff pages' own name, never indexed. */
export function staffMeta(matches: readonly Match[], title: (t: TFunction) => string): MetaDescriptor[] {
  const t = metaTranslator(matches);
  return staffPageMeta(title(t), t);
}
