import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { action } from "~/routes/admin.staff";

import { formRequest, outcome } from "../../support/requests";
import { signedInStaff, type SignedInStaff } from "../../support/staff";

type Reply = { create: { values: Record<string, string>; errors: Record<string, string> } | null };

let admin: SignedInStaff;
beforeAll(async () => {
  admin = await signedInStaff("admin");
});

async function create(name: string, email: string, password: string) {
  const fields = { intent: "create", name, email, role: "viewer", password };
  return outcome<Reply>(
    await action({ request: formRequest("/admin/staff", fields, admin.headers), params: {}, context: { clientIp: "198.51.100.70" } }),
  );
}

describe("a new staff password", () => {
  it.each([
    ["Jane Smith", "jane.smith@example.org", "Jane Smith 2026"],
    ["Jane Smith", "jane.smith@example.org", "JaneSmith2026"],
    ["Jane Smith", "jsmith@example.org", "jane.smith!!2026"],
    ["Jane Smith", "jsmith@example.org", "Smith Jane 1990"],
    ["Omar Haddad", "omar.haddad@example.org", "omar_haddad-2026"],
  ])("is refused for %s <%s> when it is %j, whatever spaces or punctuation it adds", async (name, email, password) => {
    const result = await create(name, email, password);
    expect(result.status).toBe(422);
    expect(result.data?.create?.errors.password).toMatch(/your name or email/);
    expect(await db().staffUser.count({ where: { email } })).toBe(0);
  });

  it("refuses a common password split by spaces, and still accepts a passphrase", async () => {
    expect((await create("Lee Park", "lee.park@example.org", "pass word 1234")).data?.create?.errors.password).toMatch(/common/);
    expect((await create("Lee Park", "lee.park@example.org", "violet harbour staircase")).status).toBe(303);
  });
});
