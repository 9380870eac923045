import fs from "node:fs";
import path from "node:path";

import ts from "typescript";

/**
 * The check that a page's source has no hard-coded text (words in JSX, in
 * attributes people read, in strings shown from code), shared by the public
 * pages' test and the staff pages' tests.
 */

/** Words a visitor would read: two letters or more. */
const WORDS = /\p{L}{2,}/u;
/** Attributes that a visitor reads or hears. */
const READ_ATTRIBUTES = new Set(["label", "title", "placeholder", "alt", "aria-label", "aria-valuetext", "hint", "legend"]);

export function hardCodedStrings(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim().slice(0, 60)}`);
  // String literals shown from inside {…}; calls (t("…"), href("/…")) and comparisons are not text.
  const visitExpression = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isBinaryExpression(node) || ts.isElementAccessExpression(node)) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && WORDS.test(node.text) && /\s|^[A-Z]/.test(node.text)) {
      report(node, node.text);
    }
    if (ts.isTemplateExpression(node) && WORDS.test(node.head.text + node.templateSpans.map((s) => s.literal.text).join(""))) {
      report(node, node.getText(source));
    }
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return visit(node);
    ts.forEachChild(node, visitExpression);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(source);
      if (READ_ATTRIBUTES.has(name) && node.initializer && ts.isStringLiteral(node.initializer) && WORDS.test(node.initializer.text)) {
        report(node, `${name}="${node.initializer.text}"`);
      }
      if (node.initializer && ts.isJsxExpression(node.initializer) && READ_ATTRIBUTES.has(name)) {
        ts.forEachChild(node.initializer, visitExpression);
      }
      return;
    }
    if (ts.isJsxExpression(node)) return ts.forEachChild(node, visitExpression);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function sourceFiles(entries: string[], pattern: RegExp): string[] {
  return entries.flatMap((entry) => {
    if (fs.statSync(entry).isFile()) return [entry];
    return fs
      .readdirSync(entry, { recursive: true, encoding: "utf8" })
      .map((name) => path.join(entry, name))
      .filter((file) => pattern.test(file) && fs.statSync(file).isFile() && !file.includes("generated"));
  });
}
