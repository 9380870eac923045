import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The project's own ESLint configuration, run on code placed at a path in
 * app/: only the data layer (files named *.data.server.ts, and app/db) may
 * import the database and the Prisma client, a data module imports no
 * service, raw SQL is never an Unsafe string, and imports start from the
 * app's root.
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
        expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*Only a data module \(\*\.data\.server\.ts\)/),
      ]);
    }
    const client = `import { PrismaClient } from "~/generated/prisma/client";\nexport const make = () => new PrismaClient({} as never);\n`;
    expect(await problemsOf("app/giving/probe.server.ts", client)).toContainEqual(
      expect.stringMatching(/no-restricted-imports: .*Only a data module \(\*\.data\.server\.ts\)/),
    );
    const driver = `import pg from "pg";\nexport const pool = () => new pg.Pool();\n`;
    expect(await problemsOf("app/email/probe.server.ts", driver)).toEqual([
      expect.stringMatching(/no-restricted-imports: .*Database drivers/),
    ]);
  });

  it("fails a service named like a data module's folder-mate but without .data", async () => {
    expect(await problemsOf("app/giving/donors.server.ts", USES_CLIENT)).toEqual([
      expect.stringMatching(/no-restricted-imports: .*Only a data module/),
    ]);
  });

  it("lets a data module and app/db import them, and anyone import their types", async () => {
    expect(await problemsOf("app/giving/probe.data.server.ts", USES_CLIENT)).toEqual([]);
    expect(await problemsOf("app/db/probe.data.server.ts", USES_CLIENT)).toEqual([]);
    const typeOnly = `import type { Prisma } from "~/db/db.server";\nexport type Tx = Prisma.TransactionClient;\n`;
    expect(await problemsOf("app/payments/probe.server.ts", typeOnly)).toEqual([]);
  });

  it("refuses $queryRawUnsafe and $executeRawUnsafe, even in a data module", async () => {
    const unsafe = `import { db } from "~/db/db.server";\nexport const one = () => db().$queryRawUnsafe("SELECT 1");\nexport const two = () => db().$executeRawUnsafe("SELECT 1");\n`;
    expect(await problemsOf("app/giving/probe.data.server.ts", unsafe)).toEqual([
      expect.stringMatching(/^no-restricted-properties: .*\$queryRawUnsafe/),
      expect.stringMatching(/^no-restricted-properties: .*\$executeRawUnsafe/),
    ]);
  });
});

describe("the direction of dependencies", () => {
  const importing = (specifier: string, name: string) => `import { ${name} } from "${specifier}";\nexport const probe = () => ${name};\n`;

  it("fails a data module that imports a service, a component or a route", async () => {
    const forbidden: Array<[string, string]> = [
      ["~/payments/stripe.server", "stripe"],
      ["~/donations/donation-list-params.server", "parseListParams"],
      ["~/manage/manage.server", "MANAGE_LINK_PURPOSE"],
      ["~/giving/components/DonationForm", "DonationForm"],
      ["~/routes/admin.staff", "loader"],
    ];
    for (const [specifier, name] of forbidden) {
      expect(await problemsOf("app/donations/probe.data.server.ts", importing(specifier, name)), specifier).toEqual([
        expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*A data module imports no service/),
      ]);
    }
  });

  it("lets a data module import data modules, app/db, utils, email templates, browser modules and any type", async () => {
    const allowed: Array<[string, string]> = [
      ["~/campaigns/campaigns.data.server", "isVisibleNow"],
      ["~/db/transaction.data.server", "inTransaction"],
      ["~/db/db.server", "db"],
      ["~/utils/env.server", "env"],
      ["~/email/templates/receipt.server", "receiptEmail"],
      ["~/giving/fees", "coveredFeeFor"],
    ];
    for (const [specifier, name] of allowed) {
      expect(await problemsOf("app/donations/probe.data.server.ts", importing(specifier, name)), specifier).toEqual([]);
    }
    const typeOnly = `import type { DonationRequest } from "~/giving/donation-form.server";\nexport type Probe = DonationRequest;\n`;
    expect(await problemsOf("app/donations/probe.data.server.ts", typeOnly)).toEqual([]);
  });

  it("lets services and routes import services", async () => {
    expect(await problemsOf("app/donations/probe.server.ts", importing("~/payments/stripe.server", "stripe"))).toEqual([]);
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
