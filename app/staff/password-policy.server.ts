import type { TFunction } from "i18next";

import { staffTranslator } from "~/staff/staff-language.server";
import { z } from "~/utils/zod";

/**
 * What a staff password must be: long (12 to 128 characters, spaces and any
 * script allowed, pasting welcome), with no composition rules, and not one an
 * attacker would try first.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Words that guessing lists start from; a password that is one of them plus digits or symbols is refused. */
const COMMON_BASES = [
  "password",
  "passw0rd",
  "p@ssword",
  "p@ssw0rd",
  "qwerty",
  "qwertyuiop",
  "qwertyuiopasdfghjkl",
  "asdfghjkl",
  "zxcvbnm",
  "azerty",
  "iloveyou",
  "letmein",
  "welcome",
  "admin",
  "administrator",
  "changeme",
  "secret",
  "monkey",
  "dragon",
  "football",
  "baseball",
  "basketball",
  "soccer",
  "princess",
  "sunshine",
  "starwars",
  "superman",
  "batman",
  "trustno",
  "whatever",
  "shadow",
  "master",
  "michael",
  "jennifer",
  "jordan",
  "charlie",
  "freedom",
  "hello",
  "helloworld",
  "login",
  "abc",
  "abcdef",
  "abcdefgh",
  "abcdefghijkl",
  "donate",
  "donation",
  "donations",
  "covenant",
  "covenantrescue",
  "rescue",
  "lantern",
  "nonprofit",
  "charity",
  "summer",
  "winter",
  "spring",
  "autumn",
  "january",
  "december",
  "correcthorsebatterystaple",
  "thequickbrownfox",
  "godisgood",
  "jesus",
  "jesuschrist",
  "blessed",
  "loveyou",
  "mypassword",
  "yourpassword",
  "newpassword",
  "default",
  "guest",
  "test",
  "testing",
  "user",
  "root",
  "pass",
];

/** Whole passwords seen again and again in leaked lists, 12 characters or longer. */
const COMMON_PASSWORDS = [
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456789123",
  "111111111111",
  "000000000000",
  "123123123123",
  "121212121212",
  "987654321098",
  "098765432109",
  "147258369147",
  "159753159753",
  "qwertyuiop12",
  "qwerty123456",
  "1qaz2wsx3edc",
  "1qaz2wsx3edc4rfv",
  "zaq12wsxcde3",
  "qazwsxedcrfv",
  "q1w2e3r4t5y6",
  "1q2w3e4r5t6y",
  "a1b2c3d4e5f6",
  "aaaaaaaaaaaa",
  "abcd1234abcd",
  "iloveyou1234",
  "ilovemyfamily",
  "ilovemymom123",
  "letmein12345",
  "welcome12345",
  "welcome2024!",
  "welcome2025!",
  "welcome2026!",
  "password1234",
  "password12345",
  "password123456",
  "password2024",
  "password2025",
  "password2026",
  "passwordpassword",
  "changemenow1",
  "administrator1",
  "trustno11234",
  "football1234",
  "baseball1234",
  "starwars1234",
  "superman1234",
  "sunshine1234",
  "princess1234",
  "monkey123456",
  "dragon123456",
  "michael12345",
  "whatever1234",
  "mynameisjohn",
  "correcthorsebatterystaple",
  "thequickbrownfox",
];

const commonWhole = new Set(COMMON_PASSWORDS.map(compact));
const commonBases = new Set(COMMON_BASES.map(compact));

/**
 * A password as guessing tools try it: Unicode-normalised, lower case, with
 * spaces and punctuation taken out. Separators add nothing to a guess
 * ("Jane Smith 2026" is tried as "janesmith2026"), so every rule compares
 * this form.
 */
function compact(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The person's name (its words in either order) and email name, compacted: what a password must not be. */
function personalWords(context: { email?: string; name?: string }): string[] {
  const words = (context.name ?? "").split(/\s+/).filter(Boolean);
  return [context.email?.split("@")[0] ?? "", words.join(" "), [...words].reverse().join(" ")]
    .map(compact)
    .filter((value) => value.length >= 4);
}

/** Why a password is too guessable (in the language of `t`), or null when it is acceptable. */
export function guessablePasswordReason(
  password: string,
  context: { email?: string; name?: string } = {},
  t: TFunction = staffTranslator(),
): string | null {
  const letters = compact(password);
  if (commonWhole.has(letters)) return t("staff.password.common");
  // What is left once the digits around it are gone: "Password 2026!" is "password".
  const core = letters.replace(/^\p{N}+|\p{N}+$/gu, "");
  if (core === "" || commonBases.has(core)) {
    return t("staff.password.commonWord");
  }
  if (new Set(letters).size <= 2) return t("staff.password.repeats");
  if (isSequence(letters)) return t("staff.password.sequence");
  if (personalWords(context).some((value) => core === value || letters === value)) {
    return t("staff.password.personal");
  }
  return null;
}

function isSequence(value: string): boolean {
  const codes = [...value].map((c) => c.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((code, i) => code - (codes[i] ?? 0)));
  return steps.size === 1 && [...steps].every((step) => Math.abs(step) === 1);
}

/** A password's length rule, its messages in the language of `t`. */
export function passwordSchema(t: TFunction = staffTranslator()) {
  return z
    .string()
    .min(PASSWORD_MIN_LENGTH, t("staff.password.tooShort", { min: PASSWORD_MIN_LENGTH }))
    .max(PASSWORD_MAX_LENGTH, t("staff.password.tooLong", { max: PASSWORD_MAX_LENGTH }));
}

/** A new password for the account `context` describes. */
export function newPasswordSchema(context: { email?: string; name?: string } = {}, t: TFunction = staffTranslator()) {
  return passwordSchema(t).superRefine((password, ctx) => {
    const reason = guessablePasswordReason(password, context, t);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
  });
}
