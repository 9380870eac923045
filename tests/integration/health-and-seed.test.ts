import { describe, expect, it } from "vitest";

import { setDatabase } from "~/db/db.server";
import { openDatabase } from "~/db/database.server";
import { seed } from "~/db/seed.server";
import { getOrganisation } from "~/organisation/organisation.data.server";
import { loader as healthLoader } from "~/routes/healthz";
import { loader as rootLoader } from "~/root";
import { resetEnvCache } from "~/utils/env.server";

import { loaderArgs } from "../support/requests";
import { testDatabase } from "../support/setup-database";

describe("GET /healthz", () => {
  it("answers 200 with JSON when the database answers", async () => {
    const response = await healthLoader();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database is gone", async () => {
    const closed = await openDatabase({ kind: "memory" });
    await closed.close();
    setDatabase(closed);
    try {
      const response = await healthLoader();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", database: "unreachable" });
    } finally {
      setDatabase(testDatabase());
    }
  });
});

describe("seed", () => {
  it("is idempotent: a second run creates nothing and changes nothing", async () => {
    const prisma = testDatabase().prisma;
    const first = await seed(prisma);
    expect(first.created.length).toBeGreaterThan(0);
    const snapshot = async () => ({
      organisation: await prisma.organisation.findMany(),
      campaigns: await prisma.campaign.findMany({ orderBy: { slug: "asc" } }),
    });
    const before = await snapshot();
    const second = await seed(prisma);
    expect(second.created).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(before.campaigns.map((c) => [c.slug, c.status])).toEqual([
      ["end-sex-trafficking", "published"],
      ["survivor-housing", "draft"],
    ]);
    expect(before.campaigns[0]).toMatchObject({ goalAmount: 5_000_000, presetAmounts: [2_500, 5_000, 10_000, 25_000] });
    expect(before.organisation[0]?.ein).toMatch(/example/i);
  });

  it("keeps what staff changed", async () => {
    const prisma = testDatabase().prisma;
    await seed(prisma);
    await prisma.campaign.update({ where: { slug: "end-sex-trafficking" }, data: { title: "Edited by staff" } });
    await seed(prisma);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { slug: "end-sex-trafficking" } })).title).toBe("Edited by staff");
  });
});

describe("organisation settings", () => {
  it("come from the database, with ORG_* variables taking precedence", async () => {
    await seed(testDatabase().prisma);
    expect((await getOrganisation()).legalName).toMatch(/example/);
    process.env.ORG_LEGAL_NAME = "Covenant Rescue, Inc.";
    process.env.ORG_EIN = "12-3456789";
    resetEnvCache();
    try {
      const root = await rootLoader(loaderArgs("/"));
      expect(root.organisation).toMatchObject({ legalName: "Covenant Rescue, Inc.", ein: "12-3456789" });
      expect(root.organisation.hotlineText).toContain("1-888-373-7888");
      expect(root.sandbox).toBe(true);
    } finally {
      delete process.env.ORG_LEGAL_NAME;
      delete process.env.ORG_EIN;
      resetEnvCache();
    }
  });
});
