import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The project's own ESLint configuration, run on code placed at a path in
 * app/: only the data layer may import the database and the Prisma client,
 * raw SQL is never an Unsafe string, and imports start from the app's root.
 */
const eslint = new ESLint();

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const USES_CLIENT = `import { db } from "~/db/db.server";
export async function count(): Promise<number> {
  return db().donation.count();
}
`;

describe("the data-layer rule", () => {
  it("fails a route, a service or a component that imports the database or the Prisma client", async () => {
    for (const filePath of [
      "app/routes/probe.tsx",
      "app/staff/probe.server.ts",
      "app/components/Probe.tsx",
      "app/payments/probe.server.ts",
    ]) {
      expect(await problemsOf(filePath, USES_CLIENT), filePath).toEqual([
        expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*Only app\/models/),
      ]);
    }
    const client = `import { PrismaClient } from "~/generated/prisma/client";\nexport const make = () => new PrismaClient({} as never);\n`;
    expect(await problemsOf("app/giving/probe.server.ts", client)).toContainEqual(
      expect.stringMatching(/no-restricted-imports: .*Only app\/models/),
    );
    const driver = `import pg from "pg";\nexport const pool = () => new pg.Pool();\n`;
    expect(await problemsOf("app/email/probe.server.ts", driver)).toEqual([
      expect.stringMatching(/no-restricted-imports: .*Database drivers/),
    ]);
  });

  it("lets a model import them, and anyone import their types", async () => {
    expect(await problemsOf("app/models/probe.server.ts", USES_CLIENT)).toEqual([]);
    const typeOnly = `import type { Prisma } from "~/db/db.server";\nexport type Tx = Prisma.TransactionClient;\n`;
    expect(await problemsOf("app/payments/probe.server.ts", typeOnly)).toEqual([]);
  });

  it("refuses $queryRawUnsafe and $executeRawUnsafe, even in a model", async () => {
    const unsafe = `import { db } from "~/db/db.server";\nexport const one = () => db().$queryRawUnsafe("SELECT 1");\nexport const two = () => db().$executeRawUnsafe("SELECT 1");\n`;
    expect(await problemsOf("app/models/probe.server.ts", unsafe)).toEqual([
      expect.stringMatching(/^no-restricted-properties: .*\$queryRawUnsafe/),
      expect.stringMatching(/^no-restricted-properties: .*\$executeRawUnsafe/),
    ]);
  });
});

describe("the import style", () => {
  it("refuses relative imports in app/ and takes ~/ ones", async () => {
    const relative = `import { formatMoney } from "../utils/money";\nexport const show = () => formatMoney(100, "USD");\n`;
    expect(await problemsOf("app/giving/probe.ts", relative)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*~\/folder\/module/),
    ]);
    expect(await problemsOf("app/giving/probe.ts", relative.replace("../utils/money", "~/utils/money"))).toEqual([]);
  });
});
