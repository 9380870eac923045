import { z } from "~/utils/zod";

/**
 * The one rule for text that people type into the site's forms and search
 * boxes, before any of it is stored, searched for or written into an email.
 *
 * - Unicode is normalised to NFC, so "é" typed two ways is one name, one
 *   search and one receipt.
 * - Single-line text (names, titles, emails, searches): a tab becomes a space,
 *   the ends are trimmed, and any other control character is refused: line
 *   breaks (CR, LF, U+2028, U+2029) would forge lines in a plain-text receipt
 *   or on the donor wall, and PostgreSQL refuses a NUL byte outright.
 * - Multi-line text (comments, stories): line breaks become "\n" whatever the
 *   browser sent (forms send CRLF), a tab becomes four spaces (Markdown reads
 *   it so), and every other control character is refused.
 * - Both refuse the bidirectional embedding, override and isolate controls
 *   (U+202A–U+202E, U+2066–U+2069), which make text display in another order
 *   than it is stored ("Ada" followed by a reversed amount). Marks that
 *   languages need (ZWJ, ZWNJ, LRM, RLM) are kept.
 *
 * A refusal is a Zod issue carrying TEXT_RULE in its params, so a form can
 * answer 400 (the request holds what no one types) with the field's message.
 */
export const TEXT_RULE = "textRule";

/** C0 and C1 controls and DEL, line and paragraph separators, bidi embedding/override/isolate controls. */
// eslint-disable-next-line no-control-regex -- control characters are what this rule refuses
const SINGLE_LINE_REFUSED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** The same, less the line feed (every line break has become one by then). */
// eslint-disable-next-line no-control-regex -- control characters are what this rule refuses
const MULTI_LINE_REFUSED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export const SINGLE_LINE_MESSAGE = "Type this on one line, without line breaks or invisible control characters.";
export const MULTI_LINE_MESSAGE = "Remove the invisible control characters from this text.";

/** What single-line text becomes before it is checked. */
export function normaliseSingleLine(value: string): string {
  return value.normalize("NFC").replace(/\t/g, " ").trim();
}

/** What multi-line text becomes before it is checked (not trimmed: leading spaces are Markdown). */
export function normaliseMultiLine(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, "    ");
}

export function isSingleLineText(value: string): boolean {
  return !SINGLE_LINE_REFUSED.test(value);
}

export function isMultiLineText(value: string): boolean {
  return !MULTI_LINE_REFUSED.test(value);
}

/**
 * A single-line text field: normalised and trimmed, control characters
 * refused. Chain `.min()`, `.max()` or `.pipe(z.email())` as for any string.
 */
export function singleLineText(message: string = SINGLE_LINE_MESSAGE) {
  return z
    .string()
    .overwrite(normaliseSingleLine)
    .refine(isSingleLineText, { message, params: { [TEXT_RULE]: "single_line" }, abort: true });
}

/** A multi-line text field: normalised line breaks, control characters refused, not trimmed. */
export function multiLineText(message: string = MULTI_LINE_MESSAGE) {
  return z
    .string()
    .overwrite(normaliseMultiLine)
    .refine(isMultiLineText, { message, params: { [TEXT_RULE]: "multi_line" }, abort: true });
}

/** Whether an issue is this rule's refusal. */
export function isTextRuleIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === "custom" && typeof issue.params?.[TEXT_RULE] === "string";
}

/**
 * The status of a refused form: 400 when some field holds characters no one
 * types (a crafted request), 422 when the donor or staff member only has
 * something to correct.
 */
export function invalidFormStatus(issues: readonly z.core.$ZodIssue[]): 400 | 422 {
  return issues.some(isTextRuleIssue) ? 400 : 422;
}
