import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

/** Where the catalogues live: one JSON file per language, named by its code (en.json, es.json, fr.json). */
export const CATALOGUE_DIRECTORY = path.resolve("app/i18n/locales");

/** The catalogue every other one is checked against and falls back to, key by key. */
export const SOURCE_LANGUAGE = "en";

/** A language code as a file name gives it: "fr", "pt-br" ("pt-br.json" is the language pt-br). */
const CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

type Tree = { [key: string]: string | Tree };

const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.record(z.string(), z.union([z.string(), TreeSchema])));

const CatalogueFileSchema = z.looseObject({
  language: z.looseObject({
    locale: z.string().refine(
      (locale) => {
        try {
          return Intl.getCanonicalLocales(locale).length === 1;
        } catch {
          return false;
        }
      },
      { error: "must be a BCP 47 locale such as en-US or es-US" },
    ),
    name: z.string().trim().min(1),
    switchTo: z.string().trim().min(1),
  }),
});

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`).join("; ");
}

/**
 * Reads every catalogue in `directory` once: a language is on the site's
 * list when its file is there (LANGUAGES then chooses which are shown). A
 * file that is not JSON, or not a tree of texts with its `language` section,
 * stops the start with the file's name and what is wrong, rather than a page
 * that shows keys. The source language comes first.
 */
export function readCatalogueFiles(directory = CATALOGUE_DIRECTORY): Record<string, Tree> {
  const files = fs
    .readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort();
  const catalogues: Record<string, Tree> = {};
  for (const name of files) {
    const code = name.slice(0, -".json".length);
    const file = path.join(directory, name);
    if (!CODE.test(code)) throw new Error(`${file}: a catalogue is named by its language code in lower case (fr.json, pt-br.json)`);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const tree = TreeSchema.safeParse(json);
    if (!tree.success) throw new Error(`${file}: every value must be a text or a group of texts (${describe(tree.error)})`);
    const shape = CatalogueFileSchema.safeParse(json);
    if (!shape.success) throw new Error(`${file}: ${describe(shape.error)}`);
    catalogues[code] = tree.data;
  }
  if (!catalogues[SOURCE_LANGUAGE]) throw new Error(`${directory}: the source catalogue ${SOURCE_LANGUAGE}.json is missing`);
  const { [SOURCE_LANGUAGE]: source, ...others } = catalogues;
  return { [SOURCE_LANGUAGE]: source, ...others };
}
