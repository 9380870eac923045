import type { TFunction } from "i18next";

/**
 * A text named by its catalogue key and placeholders, for code that does not
 * know who will read it (a refusal thrown inside a transaction): the page
 * that shows it says it in its own language.
 */
export interface TextKey {
  key: string;
  values?: Record<string, string | number>;
}

export function textKey(key: string, values?: TextKey["values"]): TextKey {
  return values ? { key, values } : { key };
}

/** Every field's text in the language of `t`. */
export function translateTexts<Field extends string>(texts: Partial<Record<Field, TextKey>>, t: TFunction): Partial<Record<Field, string>> {
  const said: Partial<Record<Field, string>> = {};
  for (const [field, text] of Object.entries(texts) as Array<[Field, TextKey | undefined]>) {
    if (text) said[field] = t(text.key, text.values);
  }
  return said;
}

/** The keys, for an error's own message (logs read keys, not sentences). */
export function textKeys(texts: Partial<Record<string, TextKey>>): string {
  return Object.values(texts)
    .flatMap((text) => (text ? [text.key] : []))
    .join(" ");
}
