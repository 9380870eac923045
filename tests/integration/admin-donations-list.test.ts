import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { Prisma } from "~/generated/prisma/client";
import { countDonations, findDonations, type DonationCursor } from "~/donations/donation-search.data.server";
import { loader } from "~/routes/admin.donations._index";

import { createCampaign } from "../support/factories";
import { loaderArgs, outcome } from "../support/requests";
import { staffCookieHeader } from "../support/staff";

type ListData = Awaited<ReturnType<typeof loader>> extends infer T ? (T extends { data: infer D } ? D : T) : never;

let viewer: { Cookie: string };

beforeAll(async () => {
  viewer = await staffCookieHeader("viewer");
});

async function list(query: string, headers: Record<string, string> = viewer) {
  const result = await loader(loaderArgs(`/admin/donations${query ? `?${query}` : ""}`, {}, { headers }));
  return outcome<ListData>(result);
}

function tag(): string {
  return crypto.randomBytes(3).toString("hex");
}

let receiptSeq = 0;
/** A donation with a donor of its own, paid at `paidAt`. */
async function gift(
  campaignId: string,
  donor: { name: string; email: string },
  options: {
    paidAt: Date;
    frequency?: "once" | "monthly";
    status?: "succeeded" | "refunded" | "partially_refunded" | "disputed";
    grossAmount?: number;
    receiptNumber?: string;
  },
) {
  const row = await db().donor.upsert({ where: { email: donor.email }, create: donor, update: {} });
  return db().donation.create({
    data: {
      campaignId,
      donorId: row.id,
      frequency: options.frequency ?? "once",
      currency: "USD",
      grossAmount: options.grossAmount ?? 5_000,
      status: options.status ?? "succeeded",
      stripePaymentIntentId: `pi_${crypto.randomBytes(8).toString("hex")}`,
      receiptNumber: options.receiptNumber ?? `2031-${String(++receiptSeq).padStart(6, "0")}`,
      paidAt: options.paidAt,
    },
  });
}

const day = (iso: string) => new Date(iso);

describe("who may see the donations list", () => {
  it("sends someone who is not signed in to the sign-in page, coming back here after", async () => {
    const result = await loader(loaderArgs("/admin/donations?q=ada")).catch((thrown: unknown) => thrown);
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/admin/sign-in?${new URLSearchParams({ next: "/admin/donations?q=ada" })}`);
  });

  it("shows a viewer the list without the export", async () => {
    const result = await list("");
    expect(result.status).toBe(200);
    expect(result.data?.canExport).toBe(false);
    const admin = await list("", await staffCookieHeader("admin"));
    expect(admin.data?.canExport).toBe(true);
    expect(admin.data?.result?.exportFields).toEqual([]);
  });
});

describe("searching", () => {
  const t = tag();
  let campaignId = "";
  beforeAll(async () => {
    const campaign = await createCampaign({ title: `Search ${t}` });
    campaignId = campaign.id;
    await gift(
      campaignId,
      { name: "Ada Lovelace", email: `ada.${t}@example.org` },
      { paidAt: day("2031-03-01T10:00:00Z"), receiptNumber: "2032-000042" },
    );
    await gift(campaignId, { name: "Grace Hopper", email: `g.hopper.${t}@navy.example.org` }, { paidAt: day("2031-03-02T10:00:00Z") });
    await gift(campaignId, { name: "Élodie Garçon", email: `elodie_${t}@example.org` }, { paidAt: day("2031-03-03T10:00:00Z") });
  });

  const names = (data: ListData | undefined) => data?.result?.rows.map((row) => row.donorName).sort() ?? [];

  it("finds donors by the start of any word of their name, in any case", async () => {
    expect(names((await list(`campaign=${campaignId}&q=lovel`)).data)).toEqual(["Ada Lovelace"]);
    expect(names((await list(`campaign=${campaignId}&q=ADA`)).data)).toEqual(["Ada Lovelace"]);
    expect(names((await list(`campaign=${campaignId}&q=${encodeURIComponent("grace hop")}`)).data)).toEqual(["Grace Hopper"]);
    expect(names((await list(`campaign=${campaignId}&q=${encodeURIComponent("Garç")}`)).data)).toEqual(["Élodie Garçon"]);
    expect(names((await list(`campaign=${campaignId}&q=ovelace`)).data)).toEqual([]);
  });

  it("finds donors by the start of their email, in any case, taking % and _ literally", async () => {
    expect(names((await list(`campaign=${campaignId}&q=${encodeURIComponent(`G.HOPPER.${t}@`)}`)).data)).toEqual(["Grace Hopper"]);
    expect(names((await list(`campaign=${campaignId}&q=${encodeURIComponent(`elodie_${t}`)}`)).data)).toEqual(["Élodie Garçon"]);
    expect(names((await list(`campaign=${campaignId}&q=${encodeURIComponent("elodie%")}`)).data)).toEqual([]);
    expect(names((await list(`campaign=${campaignId}&q=${encodeURIComponent("_lodie")}`)).data)).toEqual([]);
  });

  it("finds exactly one gift by its receipt number, also typed without the zeros", async () => {
    const ada = await db().donation.findFirstOrThrow({ where: { campaignId, donor: { name: "Ada Lovelace" } } });
    const number = ada.receiptNumber!;
    const exact = (await list(`q=${number}`)).data;
    expect(exact?.result?.rows.map((row) => row.id)).toEqual([ada.id]);
    expect(exact?.result?.rows[0]?.receiptNumber).toBe(number);
    const [year, seq] = number.split("-");
    expect((await list(`q=${year}-${Number(seq)}`)).data?.result?.rows.map((row) => row.id)).toEqual([ada.id]);
    expect((await list("q=1999-000001")).data?.result?.rows).toEqual([]);
  });
});

describe("filters", () => {
  let campaignId = "";
  let otherCampaignId = "";
  beforeAll(async () => {
    const t = tag();
    campaignId = (await createCampaign({ title: `Filters ${t}` })).id;
    otherCampaignId = (await createCampaign({ title: `Other ${t}` })).id;
    const donor = { name: "Filter Donor", email: `filter.${t}@example.org` };
    await gift(campaignId, donor, { paidAt: day("2031-05-01T00:00:00Z"), frequency: "once", status: "succeeded", grossAmount: 1_000 });
    await gift(campaignId, donor, {
      paidAt: day("2031-05-01T23:59:59.999Z"),
      frequency: "monthly",
      status: "succeeded",
      grossAmount: 2_000,
    });
    await gift(campaignId, donor, { paidAt: day("2031-05-02T00:00:00Z"), frequency: "monthly", status: "refunded", grossAmount: 3_000 });
    await gift(campaignId, donor, { paidAt: day("2031-04-30T23:59:59.999Z"), frequency: "once", status: "disputed", grossAmount: 4_000 });
    await gift(otherCampaignId, donor, { paidAt: day("2031-05-01T12:00:00Z"), frequency: "once", status: "succeeded", grossAmount: 5_144 });
  });

  const amounts = async (query: string) => (await list(query)).data?.result?.rows.map((row) => row.amount) ?? [];

  it("by campaign, newest first, with amounts formatted", async () => {
    expect(await amounts(`campaign=${campaignId}`)).toEqual(["$30.00", "$20.00", "$10.00", "$40.00"]);
    expect(await amounts(`campaign=${otherCampaignId}`)).toEqual(["$51.44"]);
  });

  it("by once or monthly", async () => {
    expect(await amounts(`campaign=${campaignId}&frequency=monthly`)).toEqual(["$30.00", "$20.00"]);
    expect(await amounts(`campaign=${campaignId}&frequency=once`)).toEqual(["$10.00", "$40.00"]);
  });

  it("by status", async () => {
    expect(await amounts(`campaign=${campaignId}&status=refunded`)).toEqual(["$30.00"]);
    expect(await amounts(`campaign=${campaignId}&status=disputed`)).toEqual(["$40.00"]);
    expect(await amounts(`campaign=${campaignId}&status=partially_refunded`)).toEqual([]);
  });

  it("by paid dates, whole UTC days, both ends included", async () => {
    expect(await amounts(`campaign=${campaignId}&from=2031-05-01&to=2031-05-01`)).toEqual(["$20.00", "$10.00"]);
    expect(await amounts(`campaign=${campaignId}&from=2031-05-01`)).toEqual(["$30.00", "$20.00", "$10.00"]);
    expect(await amounts(`campaign=${campaignId}&to=2031-04-30`)).toEqual(["$40.00"]);
  });

  it("combined, with the capped count of what matches", async () => {
    const result = (await list(`campaign=${campaignId}&frequency=once&status=succeeded&from=2031-05-01&to=2031-05-31`)).data;
    expect(result?.result?.rows.map((row) => row.amount)).toEqual(["$10.00"]);
    expect(result?.result?.total).toEqual({ count: 1, more: false });
    expect(await countDonations({ campaignId }, 3)).toEqual({ count: 3, more: true });
    expect(await countDonations({ campaignId }, 4)).toEqual({ count: 4, more: false });
  });

  it("answers bad parameters with 400 and says what is wrong, keeping what was typed", async () => {
    const result = await list("status=lost&from=2031-02-30&to=yesterday&campaign=42&frequency=weekly");
    expect(result.status).toBe(400);
    expect(result.data?.result).toBeNull();
    const fields = result.data?.problems.map((problem) => problem.field).sort();
    expect(fields).toEqual(["campaign", "frequency", "from", "status", "to"]);
    expect(result.data?.problems.find((problem) => problem.field === "from")?.message).toBe("That day does not exist.");
    expect(result.data?.values.status).toBe("lost");

    const reversed = await list("from=2031-05-02&to=2031-05-01");
    expect(reversed.status).toBe(400);
    expect(reversed.data?.problems).toEqual([{ field: "to", message: "The end date is before the start date." }]);
    expect((await list("after=12.not-a-cursor")).status).toBe(400);
    expect((await list(`q=${"x".repeat(201)}`)).status).toBe(400);
  });
});

describe("keyset pagination", () => {
  let campaignId = "";
  const total = 123;
  beforeAll(async () => {
    const t = tag();
    campaignId = (await createCampaign({ title: `Pages ${t}` })).id;
    const donor = await db().donor.create({ data: { name: "Page Donor", email: `pages.${t}@example.org` } });
    // Groups of three gifts share a paidAt, so the id decides their order.
    await db().donation.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        campaignId,
        donorId: donor.id,
        frequency: "once" as const,
        currency: "USD",
        grossAmount: 100 + i,
        stripePaymentIntentId: `pi_pages_${t}_${i}`,
        paidAt: new Date(Date.UTC(2031, 0, 1) + Math.floor(i / 3) * 60_000),
      })),
    });
  });

  it("returns every row exactly once, in order, walking older and then newer", async () => {
    const expected = (
      await db().donation.findMany({ where: { campaignId }, orderBy: [{ paidAt: "desc" }, { id: "desc" }], select: { id: true } })
    ).map((row) => row.id);
    const seen: string[] = [];
    const cursors: Array<DonationCursor | null> = [];
    let after: DonationCursor | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await findDonations({ campaignId }, { after, limit: 10 });
      seen.push(...page.rows.map((row) => row.id));
      cursors.push(page.newer);
      if (!page.older) break;
      after = page.older;
    }
    expect(seen).toEqual(expected);
    expect(cursors[0]).toBeNull();

    // And back again from the last page, towards the newest.
    const back: string[] = [];
    let before = { paidAt: new Date(0), id: "00000000-0000-0000-0000-000000000000" } as DonationCursor | undefined;
    for (let pages = 0; pages < 50 && before; pages++) {
      const page = await findDonations({ campaignId }, { before, limit: 10 });
      back.unshift(...page.rows.map((row) => row.id));
      before = page.newer ?? undefined;
    }
    expect(back).toEqual(expected);
  });

  it("pages through the list route with its Older and Newer links", async () => {
    const seen: string[] = [];
    let query = `campaign=${campaignId}`;
    const visited: string[] = [];
    for (let pages = 0; pages < 10; pages++) {
      const result = (await list(query)).data?.result;
      expect(result).toBeTruthy();
      seen.push(...(result?.rows.map((row) => row.id) ?? []));
      visited.push(query);
      if (!result?.olderHref) break;
      expect(result.olderHref.startsWith("/admin/donations?")).toBe(true);
      query = result.olderHref.split("?")[1] ?? "";
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(visited).toHaveLength(3);

    const last = (await list(query)).data?.result;
    expect(last?.firstHref).toBe(`/admin/donations?campaign=${campaignId}`);
    const newer = (await list(last?.newerHref?.split("?")[1] ?? "")).data?.result;
    const second = (await list(visited[1]!)).data?.result;
    expect(newer?.rows.map((row) => row.id)).toEqual(second?.rows.map((row) => row.id));
    // Each row links to its detail page, carrying the list's place.
    expect(second?.rows[0]?.href).toBe(`/admin/donations/${second?.rows[0]?.id}?${visited[1]}`);
  });
});

describe("a search that matches more than a thousand donors", () => {
  const t = tag();
  const word = `many${t}`;
  let campaignId = "";
  let otherCampaignId = "";
  beforeAll(async () => {
    campaignId = (await createCampaign({ title: `Many ${t}` })).id;
    otherCampaignId = (await createCampaign({ title: `Many other ${t}` })).id;
    // 1,200 donors named "<word> N", with one to three gifts each: 2,400 gifts in all.
    await db().$executeRaw`
      INSERT INTO "Donor" ("id", "email", "name", "updatedAt")
      SELECT gen_random_uuid(), ${word} || '.' || i || '@example.org', initcap(${word}) || ' Donor' || i, now() FROM generate_series(1, 1200) AS i`;
    await db().$executeRaw`
      INSERT INTO "Donation" ("id", "campaignId", "donorId", "frequency", "currency", "grossAmount", "status", "stripePaymentIntentId", "paidAt", "updatedAt")
       SELECT gen_random_uuid(), CASE WHEN g % 2 = 0 THEN ${campaignId}::uuid ELSE ${otherCampaignId}::uuid END, p."id", 'once', 'USD', 1000,
              (CASE WHEN g = 3 THEN 'refunded' ELSE 'succeeded' END)::"DonationStatus",
              'pi_' || md5(p."id"::text || g), timestamp '2031-06-01' + g * interval '1 day', now()
         FROM "Donor" p CROSS JOIN generate_series(1, 3) AS g
        WHERE p."email" LIKE ${word} || '.%' AND g <= 1 + (substring(p."email" FROM '\\.(\\d+)@')::int % 3)`;
  });

  const ledgerCount = async (where: string) => {
    const rows = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Donation" d JOIN "Donor" p ON p."id" = d."donorId"
       WHERE p."email" LIKE ${word} || '.%' AND ${Prisma.raw(where)}`;
    return rows[0]?.n ?? -1;
  };

  it("counts their gifts donor by donor, exactly below the cap and capped above it, with the other filters", async () => {
    expect(await ledgerCount("TRUE")).toBe(2_400);
    expect(await countDonations({ text: word })).toEqual({ count: 2_400, more: false });
    expect(await countDonations({ text: word.toUpperCase() }, 1_000)).toEqual({ count: 1_000, more: true });
    expect(await countDonations({ text: word, campaignId })).toEqual({
      count: await ledgerCount(`d."campaignId" = '${campaignId}'`),
      more: false,
    });
    expect(await countDonations({ text: word, status: "refunded" })).toEqual({ count: 400, more: false });
    // Second and third gifts (paid 3 and 4 June): 800 + 400.
    expect(await countDonations({ text: word, paidFrom: new Date("2031-06-03T00:00:00Z") })).toEqual({ count: 1_200, more: false });
    expect(await countDonations({ text: `${word} donor12` })).toEqual({
      count: await ledgerCount(`p."name" ~ 'Donor12\\d*$'`),
      more: false,
    });
  });

  it("lists the newest of their gifts first, the page and its count agreeing", async () => {
    const result = (await list(`q=${word}&campaign=${otherCampaignId}&status=succeeded`)).data?.result;
    expect(result?.total).toEqual({
      count: await ledgerCount(`d."campaignId" = '${otherCampaignId}' AND d."status" = 'succeeded'`),
      more: false,
    });
    expect(result?.rows).toHaveLength(50);
    expect(result?.rows.every((row) => row.donorName.startsWith(`${word.charAt(0).toUpperCase()}${word.slice(1)} Donor`))).toBe(true);
  });
});
