import { describe, expect, it } from "vitest";

import { guessablePasswordReason, newPasswordSchema } from "~/staff/password-policy.server";
import { hashPassword, verifyPassword } from "~/staff/password.server";

describe("staff passwords", () => {
  it("are hashed with scrypt and a fresh salt, and verify only with the same password", async () => {
    const first = await hashPassword("pale lantern over the harbour");
    const second = await hashPassword("pale lantern over the harbour");
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("pale lantern over the harbour", first)).toBe(true);
    expect(await verifyPassword("pale lantern over the harbor", first)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });

  it("accept long passphrases in any script, pasted, with no composition rules", () => {
    const schema = newPasswordSchema({ email: "sam@example.org", name: "Sam Lee" });
    expect(schema.safeParse("correct donkey lamp river").success).toBe(true);
    expect(schema.safeParse("ночь улица фонарь").success).toBe(true);
    expect(schema.safeParse("alllowercaseletters").success).toBe(true);
  });

  it("refuse short, common, padded-common, repeated, sequential and personal passwords", () => {
    const schema = newPasswordSchema({ email: "samantha@example.org", name: "Sam Lee" });
    const message = (password: string) => {
      const result = schema.safeParse(password);
      return result.success ? null : result.error.issues[0]?.message;
    };
    expect(message("short pass")).toMatch(/at least 12/);
    expect(message("password1234")).toMatch(/common/);
    expect(message("Password2026!!")).toMatch(/common/);
    expect(message("!!covenantrescue!!")).toMatch(/common word/);
    expect(message("aaaaaaaaaaaaaa")).toMatch(/repeats|common/);
    expect(message("abcdefghijklmnop")).toMatch(/sequence|common/);
    expect(message("samantha2026!")).toMatch(/your name or email/);
    expect(message("x".repeat(129))).toMatch(/at most 128/);
    expect(guessablePasswordReason("quiet meadow river")).toBeNull();
  });

  it("compare without spaces and punctuation, so a separator does not make a guessable password acceptable", () => {
    const jane = { email: "jane.smith@example.org", name: "Jane Smith" };
    for (const password of ["JaneSmith2026", "Jane Smith 2026", "jane.smith!2026", "Smith, Jane 2026", "  J-a-n-e  S-m-i-t-h  "]) {
      expect(guessablePasswordReason(password, jane), password).toMatch(/your name or email/);
    }
    expect(guessablePasswordReason("Pass word 2026!!")).toMatch(/common/);
    expect(guessablePasswordReason("p@ss-w0rd 1984")).toMatch(/common word/);
    expect(guessablePasswordReason("welcome 2026 !")).toMatch(/common/);
    expect(guessablePasswordReason("the quick brown fox")).toMatch(/common passwords/);
    expect(guessablePasswordReason("a b c d e f g h i j k l")).toMatch(/sequence|common/);
    expect(guessablePasswordReason("z z z z z z z z z z z z")).toMatch(/repeats/);
    // Passphrases that merely contain the name, or other words, remain welcome.
    expect(guessablePasswordReason("Jane Smith waters the violets", jane)).toBeNull();
    expect(guessablePasswordReason("correct donkey lamp river", jane)).toBeNull();
  });
});
