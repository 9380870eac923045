import type english from "~/i18n/locales/en.json";
import { readCatalogueFiles } from "~/i18n/catalogue-files.server";

/**
 * Every language the site can speak: one catalogue per file in
 * app/i18n/locales (en.json, es.json, …), found when the server starts, so a
 * new language is its catalogue and its campaign texts, with no code to
 * change; LANGUAGES chooses which of them are on. English is the source:
 * tests/unit/catalogues.test.ts checks every other catalogue against it, and
 * a text a catalogue lacks (the staff pages' `staff` section may be left
 * out) is shown in English.
 *
 * On the server the files are read (catalogue-files.server.ts, which the
 * browser bundle leaves out). In the browser, only pages that hydrate need
 * texts, and they carry theirs in the document (`catalogueScript()`).
 */

/** The English catalogue's shape; other catalogues have the same keys, the staff section optional. */
export type Catalogue = typeof english;

/** A language code with a catalogue ("en", "es"). */
export type Language = string;

const SCRIPT_ID = "lantern-catalogues";

/** What a hydrating page carries: its language's catalogue, the source one, and every language's own name. */
interface EmbeddedCatalogues {
  catalogues: Record<Language, Catalogue>;
}

function embedded(): { text: string; catalogues: Record<Language, Catalogue> } {
  const text = document.getElementById(SCRIPT_ID)?.textContent ?? "";
  if (!text) return { text, catalogues: {} };
  return { text, catalogues: (JSON.parse(text) as EmbeddedCatalogues).catalogues };
}

// The browser bundle replaces every .server module with an empty one: no reader there.
const inBrowser = typeof readCatalogueFiles !== "function";
const browserCopy = inBrowser ? embedded() : undefined;

export const CATALOGUES: Record<Language, Catalogue> = browserCopy
  ? browserCopy.catalogues
  : (readCatalogueFiles() as unknown as Record<Language, Catalogue>);

export const KNOWN_LANGUAGES = Object.keys(CATALOGUES) as [Language, ...Language[]];

export function isKnownLanguage(value: unknown): value is Language {
  return typeof value === "string" && Object.hasOwn(CATALOGUES, value);
}

/** A language's section about itself: its name, its locale, the switch's words. */
export function languageInfo(lang: Language): Catalogue["language"] {
  const catalogue = CATALOGUES[lang] ?? CATALOGUES.en;
  if (!catalogue) throw new Error("The English catalogue is missing from the page");
  return catalogue.language;
}

/** The BCP 47 locale Intl formats money, dates and numbers in ("es" -> "es-US"). */
export function localeOf(lang: Language): string {
  return languageInfo(lang).locale;
}

const scriptTexts = new Map<string, string>();

/**
 * The text of the `<script type="application/json">` a hydrating page
 * carries: the catalogues of `lang` and English in full (the staff section on staff pages only), and every other
 * language's own section (the language switch names them). `<` is escaped,
 * so no text can close the element. In the browser it is the document's own
 * text again, so hydration finds what the server wrote. `staff`: whether
 * the page is a staff page; other pages leave the staff section (decision 045) out.
 */
export function catalogueScriptText(lang: Language, { staff }: { staff: boolean }): string {
  if (browserCopy) return browserCopy.text;
  const key = `${lang}:${staff ? "staff" : "site"}`;
  let text = scriptTexts.get(key);
  if (text === undefined) {
    text = scriptText(lang, staff);
    scriptTexts.set(key, text);
  }
  return text;
}

function scriptText(lang: Language, staff: boolean): string {
  const catalogues = Object.fromEntries(
    Object.entries(CATALOGUES).map(([code, catalogue]) => {
      if (code !== lang && code !== "en") return [code, { language: catalogue.language }];
      const { staff: staffTexts, ...site } = catalogue as Catalogue & { staff?: unknown };
      return [code, staff ? { ...site, staff: staffTexts } : site];
    }),
  );
  return JSON.stringify({ catalogues } satisfies { catalogues: Record<string, unknown> })
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export const CATALOGUE_SCRIPT_ID = SCRIPT_ID;
