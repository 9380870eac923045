import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

import { readCatalogueFiles } from "~/i18n/catalogue-files.server";
import { CATALOGUES, KNOWN_LANGUAGES, localeOf } from "~/i18n/catalogues";

import { translator } from "~/i18n/i18n";

import { hardCodedStrings, sourceFiles } from "../support/hard-coded-text";
import { PUBLIC_MESSAGE_SOURCES, PUBLIC_SOURCES } from "../support/public-sources";
import { STAFF_SOURCES } from "../support/staff-sources";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") keys.set(name, value);
    else for (const [inner, text] of flatten(value, name)) keys.set(inner, text);
  }
  return keys;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A key without its plural ending: the key code asks for. */
const base = (key: string) => key.replace(PLURAL, "");
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const english = flatten(CATALOGUES.en as Tree);
/** Staff pages may stay in English: another catalogue may leave out any of their texts (never add one). */
const optional = (key: string) => key.startsWith("staff.");

describe("catalogues", () => {
  it("are every JSON file in app/i18n/locales, English first", () => {
    const files = fs.readdirSync("app/i18n/locales").filter((name) => name.endsWith(".json"));
    expect(KNOWN_LANGUAGES[0]).toBe("en");
    expect([...KNOWN_LANGUAGES].sort()).toEqual(files.map((name) => name.replace(/\.json$/, "")).sort());
  });

  it("a new language is its file: found with its locale, its staff texts optional", () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "catalogues-"));
    try {
      fs.copyFileSync("app/i18n/locales/en.json", path.join(directory, "en.json"));
      const french = {
        ...(CATALOGUES.es as Tree),
        language: { locale: "fr-CA", name: "Français", switchTo: "Français", switchLabel: "Langue" },
      };
      delete (french as { staff?: Tree }).staff;
      fs.writeFileSync(path.join(directory, "fr.json"), JSON.stringify(french));
      const found = readCatalogueFiles(directory);
      expect(Object.keys(found)).toEqual(["en", "fr"]);
      expect((found.fr?.language as Tree).locale).toBe("fr-CA");
    } finally {
      fs.rmSync(directory, { recursive: true });
    }
  });

  it.each([
    ["not JSON", "fr.json", "{", /fr\.json: not JSON/],
    [
      "a number where a text belongs",
      "fr.json",
      JSON.stringify({ language: { locale: "fr-FR", name: "Français", switchTo: "Français" }, a: 1 }),
      /fr\.json: every value must be a text/,
    ],
    ["no language section", "fr.json", JSON.stringify({ home: { title: "Accueil" } }), /fr\.json: language/],
    ["a locale Intl refuses", "fr.json", JSON.stringify({ language: { locale: "not a locale", name: "F", switchTo: "F" } }), /BCP 47/],
    [
      "a name that is not a language code",
      "French.json",
      JSON.stringify({ language: { locale: "fr-FR", name: "F", switchTo: "F" } }),
      /language code/,
    ],
  ])("a catalogue file with %s stops the start, naming the file", (_case, name, text, message) => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "catalogues-"));
    try {
      fs.copyFileSync("app/i18n/locales/en.json", path.join(directory, "en.json"));
      fs.writeFileSync(path.join(directory, name), text);
      expect(() => readCatalogueFiles(directory)).toThrow(message);
    } finally {
      fs.rmSync(directory, { recursive: true });
    }
  });

  it("without the English source catalogue nothing starts", () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "catalogues-"));
    try {
      fs.copyFileSync("app/i18n/locales/es.json", path.join(directory, "es.json"));
      expect(() => readCatalogueFiles(directory)).toThrow(/en\.json is missing/);
    } finally {
      fs.rmSync(directory, { recursive: true });
    }
  });

  it.each(KNOWN_LANGUAGES)("%s has every key of the English catalogue, with the same placeholders, and no others", (lang) => {
    const catalogue = flatten(CATALOGUES[lang] as Tree);
    const bases = (keys: Map<string, string>) => new Set([...keys.keys()].map(base));
    expect([...bases(english)].filter((key) => !bases(catalogue).has(key) && !optional(key))).toEqual([]);
    expect([...bases(catalogue)].filter((key) => !bases(english).has(key))).toEqual([]);
    for (const [key, text] of catalogue) {
      const other = english.get(key) ?? english.get(`${base(key)}_other`);
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(other ?? "") });
      expect(text.trim(), key).not.toBe("");
    }
  });

  it.each(KNOWN_LANGUAGES)("%s has every plural form its language needs", (lang) => {
    const catalogue = flatten(CATALOGUES[lang] as Tree);
    const categories = new Intl.PluralRules(localeOf(lang)).resolvedOptions().pluralCategories;
    const plurals = new Set([...catalogue.keys()].filter((key) => PLURAL.test(key)).map(base));
    for (const key of plurals)
      for (const category of categories) expect(catalogue.has(`${key}_${category}`), `${key}_${category}`).toBe(true);
  });

  it("a staff text another catalogue leaves out is shown in English, i18next's fallback language", () => {
    const key = "staff.layout.signOut";
    const without = KNOWN_LANGUAGES.filter((code) => code !== "en" && !flatten(CATALOGUES[code] as Tree).has(key));
    // Spanish leaves the staff pages in English (decision 045); another language that does the same is checked too.
    expect(without).toContain("es");
    for (const lang of without) {
      expect(translator(lang)(key)).toBe("Sign out");
      expect(translator(lang)("staff.dashboard.lastDays", { days: 30 })).toBe("Last 30 days");
    }
    // The language's own texts still come from its own catalogue around it.
    expect(translator("es")("layout.skipToContent")).toBe(flatten(CATALOGUES.es as Tree).get("layout.skipToContent"));
    expect(translator("es")("layout.skipToContent")).not.toBe(english.get("layout.skipToContent"));
  });

  it("has every key the code asks for", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(["app"], /\.(ts|tsx)$/)) {
      const text = fs.readFileSync(file, "utf8");
      // t("a.b"), t(x ? "a.b" : "c.d") and keys written out as "formErrors.x" / "manage.x" values.
      for (const match of text.matchAll(/\bt\(\s*(?:[^()"]*\?\s*)?"([a-zA-Z]+\.[\w.]+)"(?:\s*:\s*"([a-zA-Z]+\.[\w.]+)")?/g)) {
        for (const key of [match[1], match[2]]) {
          if (key && !english.has(key) && !english.has(`${key}_other`)) missing.push(`${file}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

/** Two words or more in a row: a sentence someone reads. */
const SENTENCE = /\p{L}{2,}\s+\p{L}{2,}/u;

/** Sentences written into a server module: string and template literals outside calls, imports and markup. */
function sentencesInCode(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isCallExpression(node) || ts.isNewExpression(node)) return;
    const text =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : ts.isTemplateExpression(node)
          ? node.head.text + node.templateSpans.map((span) => span.literal.text).join(" ")
          : null;
    if (text !== null && !text.trimStart().startsWith("<") && SENTENCE.test(text)) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim().slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("public pages", () => {
  it("have no hard-coded text: every word a visitor reads comes from a catalogue", () => {
    const files = sourceFiles(PUBLIC_SOURCES, /\.tsx$/);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(hardCodedStrings)).toEqual([]);
  });

  it("the staff pages have no hard-coded text either: every word staff read comes from the catalogue's staff section", () => {
    const files = sourceFiles(STAFF_SOURCES, /\.tsx$/);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(hardCodedStrings)).toEqual([]);
  });

  it("the check finds hard-coded text in JSX, in attributes people read and in strings shown from code", () => {
    const probe = path.join(fs.mkdtempSync(path.join(process.cwd(), "tests/unit/.probe-")), "Probe.tsx");
    fs.writeFileSync(
      probe,
      `export function Probe({ ok }: { ok: boolean }) {
        return <p aria-label="Help is here" className="mt-2 text-sm">Hello there {ok ? "It worked" : t("a.b")} {" "} {t("c.d")}</p>;
      }`,
    );
    try {
      expect(hardCodedStrings(probe).map((line) => line.split(": ").slice(1).join(": "))).toEqual([
        'aria-label="Help is here"',
        "Hello there",
        "It worked",
      ]);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true });
    }
  });

  it("server modules that write what donors read have no sentence of their own", () => {
    const files = sourceFiles(PUBLIC_MESSAGE_SOURCES, /\.ts$/);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(sentencesInCode)).toEqual([]);
  });

  it("the check finds a sentence in a server module, and leaves calls and markup alone", () => {
    const probe = path.join(fs.mkdtempSync(path.join(process.cwd(), "tests/unit/.probe-")), "probe.server.ts");
    fs.writeFileSync(
      probe,
      `export function answer(t: (key: string) => string, amount: string) {
        console.error("Stripe failed for this gift");
        const banner = '<p style="margin:0 0 16px">x</p>';
        return { message: "Your gift is paused.", done: \`Thank you for \${amount} each month\`, key: t("portal.done.card"), banner };
      }`,
    );
    try {
      expect(sentencesInCode(probe).map((line) => line.split(": ").slice(1).join(": "))).toEqual([
        "Your gift is paused.",
        "Thank you for  each month",
      ]);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true });
    }
  });
});
