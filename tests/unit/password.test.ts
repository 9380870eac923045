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
    expect(message("Password2026!!")).toMatch(/common word/);
    expect(message("!!covenantrescue!!")).toMatch(/common word/);
    expect(message("aaaaaaaaaaaaaa")).toMatch(/repeats|common/);
    expect(message("abcdefghijklmnop")).toMatch(/sequence|common/);
    expect(message("samantha2026!")).toMatch(/your name or email/);
    expect(message("x".repeat(129))).toMatch(/at most 128/);
    expect(guessablePasswordReason("quiet meadow river")).toBeNull();
  });
});
