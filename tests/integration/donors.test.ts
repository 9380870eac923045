import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { Prisma } from "~/generated/prisma/client";
import { campaignFigures, totalsDisagreeingWithLedger } from "~/donations/totals.data.server";
import { loader as wallLoader } from "~/routes/_site.campaigns.$slug";
import { action as donorAction, loader as donorLoader } from "~/routes/admin.donors.$donorId";
import { loader as listLoader } from "~/routes/admin.donors._index";
import { action as exportAction, loader as exportLoader } from "~/routes/admin.donors.export[.]csv";

import { parseCsv } from "../support/csv";
import { createCampaign, createDonation, createDonor } from "../support/factories";
import { formRequest, loaderArgs, outcome, pageData, responseOf, thrownStatus } from "../support/requests";
import { signedInStaff, type SignedInStaff } from "../support/staff";
import { deliver, giveThroughSandbox } from "../support/webhooks";

let admin: SignedInStaff;
let viewer: SignedInStaff;
const context = { clientIp: "198.51.100.4" };

beforeAll(async () => {
  admin = await signedInStaff("admin");
  viewer = await signedInStaff("viewer");
});

async function list(query: string, who: SignedInStaff = viewer) {
  return pageData(await listLoader(loaderArgs(`/admin/donors${query}`, {}, { headers: who.headers })));
}

async function show(donorId: string, who: SignedInStaff = viewer) {
  return pageData(await donorLoader(loaderArgs(`/admin/donors/${donorId}`, { donorId }, { headers: who.headers })));
}

async function post(donorId: string, fields: Record<string, string>, who: SignedInStaff = admin) {
  const request = formRequest(`/admin/donors/${donorId}`, fields, who.headers);
  return outcome<{ errors: Record<string, string> }>(await donorAction({ request, params: { donorId }, context }));
}

const now = new Date();
const year = now.getUTCFullYear();
const lastYear = new Date(Date.UTC(year - 1, 5, 1));
const thisYear = new Date(Date.UTC(year, 0, 2));

describe("the donors list", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const campaign = await createCampaign({ title: "List campaign" });
    const euros = await createCampaign({ title: "Euro campaign", currency: "EUR" });
    for (const [key, email, name] of [
      ["big", "big.giver@list.example.org", "Big Giver"],
      ["lapsed", "lapsed@list.example.org", "Lapsed Lou"],
      ["monthly", "monthly@list.example.org", "Monthly Mo"],
      ["formula", "formula@list.example.org", "=HYPERLINK(1)"],
    ] as const) {
      const donor = await db().donor.create({ data: { email, name } });
      ids[key] = donor.id;
    }
    await createDonation(campaign.id, ids.big!, { grossAmount: 90_000, paidAt: thisYear });
    await createDonation(euros.id, ids.big!, { grossAmount: 1_000, currency: "EUR", paidAt: lastYear });
    await createDonation(campaign.id, ids.lapsed!, { grossAmount: 3_000, paidAt: lastYear });
    await createDonation(campaign.id, ids.monthly!, {
      grossAmount: 2_000,
      frequency: "monthly",
      paidAt: new Date(thisYear.getTime() + 86_400_000),
    });
    await db().recurringGift.create({
      data: {
        stripeSubscriptionId: "sub_list_monthly",
        campaignId: campaign.id,
        donorId: ids.monthly!,
        amount: 2_000,
        currency: "USD",
        status: "active",
      },
    });
    await createDonation(campaign.id, ids.formula!, { grossAmount: 500, paidAt: lastYear });
  });

  it("searches by name or email, filters and sorts, a page at a time", async () => {
    const all = await list("?q=list.example.org");
    expect(all.result!.rows.map((row) => row.name)).toEqual(["Big Giver", "Lapsed Lou", "Monthly Mo", "=HYPERLINK(1)"]);
    expect(all.result!.rows[0]!.lifetime).toBe("€10.00 · $900.00");
    expect((await list("?q=LOU")).result!.rows.map((row) => row.name)).toEqual(["Lapsed Lou"]);
    expect((await list("?q=list.example&filter=monthly")).result!.rows.map((row) => row.name)).toEqual(["Monthly Mo"]);
    expect((await list("?q=list.example&filter=lapsed")).result!.rows.map((row) => row.name)).toEqual(["Lapsed Lou", "=HYPERLINK(1)"]);
    const from = lastYear.toISOString().slice(0, 10);
    expect((await list(`?q=list.example&filter=period&from=${from}&to=${from}`)).result!.rows.map((row) => row.name)).toEqual([
      "Big Giver",
      "Lapsed Lou",
      "=HYPERLINK(1)",
    ]);
    expect((await list("?q=list.example&sort=last")).result!.rows[0]!.name).toBe("Monthly Mo");

    const { findDonors } = await import("~/donors/donors.data.server");
    const search = { q: "list.example", filter: "all" as const, from: null, to: null, sort: "lifetime" as const };
    const first = await findDonors(search, null, { size: 2 });
    const second = await findDonors(search, first.next, { size: 2 });
    expect([...first.rows, ...second.rows].map((row) => row.name)).toEqual(all.result!.rows.map((row) => row.name));
    expect(second.next).toBeNull();
  });

  it("refuses a bad query with 400 and a message", async () => {
    const result = await listLoader(loaderArgs("/admin/donors?filter=period&from=2026-13-01", {}, { headers: viewer.headers }));
    expect(outcome(result).status).toBe(400);
    expect(pageData(result).problems.length).toBeGreaterThan(0);
  });

  it("exports formula-safe CSV for admins through a one-time link, audited; viewers are refused", async () => {
    expect(
      await thrownStatus(() =>
        exportAction({ request: formRequest("/admin/donors/export.csv", { q: "list.example" }, viewer.headers), params: {}, context }),
      ),
    ).toBe(403);
    const started = await responseOf(
      () =>
        exportAction({
          request: formRequest("/admin/donors/export.csv", { q: "list.example" }, admin.headers),
          params: {},
          context,
        }) as Promise<Response>,
    );
    expect(started.status).toBe(303);
    const link = started.headers.get("location")!;
    const download = () => responseOf(() => exportLoader(loaderArgs(link, {}, { headers: admin.headers })));
    const response = await download();
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(header).toContain("email");
    expect(rows.map((row) => row[1])).toEqual(["Big Giver", "Lapsed Lou", "Monthly Mo", "'=HYPERLINK(1)"]);
    expect((await download()).status).toBe(410);
    expect(await db().auditLog.count({ where: { action: "donors.export", actorId: admin.user.id } })).toBe(1);
  });

  it("shows a donor's whole record to a viewer, without the editing forms", async () => {
    const page = await show(ids.big!);
    expect(page.lifetime).toBe("€10.00 · $900.00");
    expect(page.gifts).toHaveLength(2);
    expect(page.canEdit).toBe(false);
    expect(page.firstGift).toContain(String(year - 1));
    expect((await show(ids.monthly!)).monthly.map((gift) => gift.status)).toEqual(["active"]);
    expect(
      await thrownStatus(() => post(ids.big!, { intent: "update", name: "Viewer Edit", email: "x@example.org", address: "" }, viewer)),
    ).toBe(403);
    expect((await db().donor.findUniqueOrThrow({ where: { id: ids.big! } })).name).toBe("Big Giver");
  });
});

describe("editing a donor", () => {
  it("saves name, email and address; an email change is audited and the old address told", async () => {
    const donor = await createDonor("old.mail@edit.example.org");
    const saved = await post(donor.id, { intent: "update", name: "New Name", email: "New.Mail@edit.example.org", address: "2 High St" });
    expect(saved.status).toBe(303);
    expect(await db().donor.findUniqueOrThrow({ where: { id: donor.id } })).toMatchObject({
      name: "New Name",
      email: "new.mail@edit.example.org",
      address: "2 High St",
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "donor.update", targetId: donor.id } });
    expect(audit.details).toMatchObject({ oldEmail: "old.mail@edit.example.org", newEmail: "new.mail@edit.example.org" });
    const notice = await db().emailMessage.findFirstOrThrow({ where: { donorId: donor.id, kind: "email_changed" } });
    expect(notice.toAddress).toBe("old.mail@edit.example.org");
    expect(notice.textBody).toContain("n•••@edit.example.org");

    const other = await createDonor("taken@edit.example.org");
    const taken = await post(donor.id, { intent: "update", name: "New Name", email: "taken@edit.example.org", address: "" });
    expect(taken.status).toBe(422);
    expect(taken.data!.errors.email).toMatch(/merge/);
    expect(other.id).not.toBe(donor.id);
    const bad = await post(donor.id, { intent: "update", name: "", email: "not-an-email", address: "" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.data!.errors).sort()).toEqual(["email", "name"]);
  });

  it("tells the old address in the donor's own language", async () => {
    const donor = await createDonor("antes@edit.example.org");
    await db().donor.update({ where: { id: donor.id }, data: { language: "es", name: "Ana Ruiz" } });
    const saved = await post(donor.id, { intent: "update", name: "Ana Ruiz", email: "despues@edit.example.org", address: "" });
    expect(saved.status).toBe(303);
    const notice = await db().emailMessage.findFirstOrThrow({ where: { donorId: donor.id, kind: "email_changed" } });
    expect(notice.subject).toMatch(/Cambiamos el correo de su registro de donante/);
    expect(notice.textBody).toContain("Estimado/a Ana Ruiz:");
    expect(notice.textBody).toContain("d•••@edit.example.org");
    expect(notice.htmlBody).toContain('<html lang="es">');
  });
});

describe("merging two donors", () => {
  it("moves gifts, monthly gifts and receipts to one record, and every figure stays right", async () => {
    const campaign = await createCampaign();
    const keep = await createDonor("ada@merge.example.org");
    const typo = await createDonor("ada@merge.exmaple.org");
    await createDonation(campaign.id, keep.id, { grossAmount: 1_000, receiptNumber: "2026-900001" });
    const moved = await createDonation(campaign.id, typo.id, { grossAmount: 2_500, receiptNumber: "2026-900002" });
    await db().recurringGift.create({
      data: {
        stripeSubscriptionId: "sub_merge",
        campaignId: campaign.id,
        donorId: typo.id,
        amount: 2_500,
        currency: "USD",
        status: "canceled",
      },
    });
    const before = (await campaignFigures([campaign.id])).get(campaign.id)!;
    expect(before).toMatchObject({ donors: 2, raised: 3_500, donations: 2 });

    expect((await post(keep.id, { intent: "merge", otherEmail: "ada@merge.exmaple.org" })).status).toBe(303);
    expect(await db().donor.findUnique({ where: { id: typo.id } })).toBeNull();
    expect(await db().donation.findUniqueOrThrow({ where: { id: moved.id } })).toMatchObject({
      donorId: keep.id,
      receiptNumber: "2026-900002",
    });
    expect(await db().recurringGift.count({ where: { donorId: keep.id } })).toBe(1);
    const after = (await campaignFigures([campaign.id])).get(campaign.id)!;
    expect(after).toEqual({ ...before, donors: 1 });
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
    expect((await show(keep.id)).lifetime).toBe("$35.00");
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "donor.merge", targetId: keep.id } });
    expect(audit.details).toMatchObject({
      merged: { id: typo.id, email: "ada@merge.exmaple.org" },
      moved: { donations: 1, recurringGifts: 1 },
    });

    expect((await post(keep.id, { intent: "merge", otherEmail: "ada@merge.example.org" })).status).toBe(422);
    expect((await post(keep.id, { intent: "merge", otherEmail: "nobody@merge.example.org" })).data!.errors.otherEmail).toMatch(/No donor/);
  });
});

describe("erasing a donor", () => {
  it("leaves no personal data in any table but keeps the gifts, receipt numbers and sums", async () => {
    const campaign = await createCampaign({ title: "Erase campaign" });
    const gift = await giveThroughSandbox(campaign.slug, {
      amount: 4_200,
      name: "Zebedee Quartermaine",
      email: "zebedee.q@erase.example.org",
      comment: "From Zebedee with love",
    });
    for (const event of gift.events) await deliver(event);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    await db().donor.update({ where: { id: donation.donorId }, data: { address: "9 Quartermaine Lane" } });
    const before = (await campaignFigures([campaign.id])).get(campaign.id)!;
    const tables = await db().$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    // Every table's rows as text, searched for the donor's name, email, address and comment.
    const scan = async () => {
      const hits = new Set<string>();
      for (const { tablename } of tables) {
        const rows = await db().$queryRaw<{ row: string }[]>`SELECT to_jsonb(t)::text AS "row" FROM ${Prisma.raw(`"${tablename}"`)} t`;
        for (const { row } of rows) {
          for (const needle of ["zebedee", "quartermaine", "From Zebedee"])
            if (row.toLowerCase().includes(needle.toLowerCase())) hits.add(tablename);
        }
      }
      return [...hits].sort();
    };
    expect((await scan()).length).toBeGreaterThan(3);

    expect((await post(donation.donorId, { intent: "erase", confirm: "erase" })).status).toBe(422);
    expect((await post(donation.donorId, { intent: "erase", confirm: "ERASE" })).status).toBe(303);
    expect(await scan()).toEqual([]);

    const after = await db().donation.findUniqueOrThrow({ where: { id: donation.id }, include: { donor: true } });
    expect(after.receiptNumber).toBe(donation.receiptNumber);
    expect(after.grossAmount).toBe(donation.grossAmount);
    expect(after.donor).toMatchObject({ name: "Erased donor", email: null, address: null });
    expect((await campaignFigures([campaign.id])).get(campaign.id)).toEqual(before);
    expect(await db().auditLog.count({ where: { action: "donor.erase", targetId: donation.donorId } })).toBe(1);
    const wall = JSON.stringify(pageData(await wallLoader(loaderArgs(`/campaigns/${campaign.slug}`, { slug: campaign.slug }))));
    expect(wall).not.toMatch(/zebedee/i);
    expect((await show(donation.donorId)).donor.name).toBe("Erased donor");
    // Erased is final.
    expect((await post(donation.donorId, { intent: "update", name: "Back", email: "", address: "" })).status).toBe(422);
  });

  it("is refused while a monthly gift is active", async () => {
    const campaign = await createCampaign();
    const donor = await createDonor("still.giving@erase.example.org");
    await db().recurringGift.create({
      data: {
        stripeSubscriptionId: "sub_erase_active",
        campaignId: campaign.id,
        donorId: donor.id,
        amount: 1_000,
        currency: "USD",
        status: "active",
      },
    });
    const refused = await post(donor.id, { intent: "erase", confirm: "ERASE" });
    expect(refused.status).toBe(422);
    expect((await db().donor.findUniqueOrThrow({ where: { id: donor.id } })).erasedAt).toBeNull();
  });
});

describe("the dashboard's donor figures", () => {
  it("count new and returning donors, monthly gifts started and cancelled, and lapsed donors by the list's rules", async () => {
    const { donorFigures, findDonors } = await import("~/donors/donors.data.server");
    const { loader: dashboardLoader } = await import("~/routes/admin._index");
    const campaign = await createCampaign();
    const first = await createDonor("first.time@figures.example.org");
    const back = await createDonor("coming.back@figures.example.org");
    const before = await createDonor("before.only@figures.example.org");
    await createDonation(campaign.id, first.id, { paidAt: new Date("2020-03-10T10:00:00Z") });
    await createDonation(campaign.id, back.id, { paidAt: new Date("2019-05-01T10:00:00Z") });
    await createDonation(campaign.id, back.id, { paidAt: new Date("2020-03-15T10:00:00Z") });
    await createDonation(campaign.id, before.id, { paidAt: new Date("2019-12-01T10:00:00Z") });
    // A voided gift in the period makes nobody a donor of it.
    const voided = await createDonor("voided@figures.example.org");
    await createDonation(campaign.id, voided.id, { paidAt: new Date("2020-03-12T10:00:00Z"), source: "offline", voidedAt: new Date() });
    for (const [id, createdAt, canceledAt] of [
      ["sub_fig_1", "2020-03-05", "2020-03-20"],
      ["sub_fig_2", "2020-02-01", null],
    ] as const) {
      await db().recurringGift.create({
        data: {
          stripeSubscriptionId: id,
          campaignId: campaign.id,
          donorId: first.id,
          amount: 1_000,
          currency: "USD",
          status: canceledAt ? "canceled" : "active",
          createdAt: new Date(`${createdAt}T00:00:00Z`),
          canceledAt: canceledAt ? new Date(`${canceledAt}T00:00:00Z`) : null,
        },
      });
    }
    const now = new Date("2021-06-01T00:00:00Z");
    const figures = await donorFigures(new Date("2020-03-01T00:00:00Z"), new Date("2020-04-01T00:00:00Z"), now);
    expect(figures).toEqual({ newDonors: 1, returningDonors: 1, monthlyStarted: 1, monthlyCancelled: 1, lapsed: 2 });

    const search = { q: null, from: new Date("2020-03-01T00:00:00Z"), to: new Date("2020-03-31T00:00:00Z"), sort: "lifetime" as const };
    const gave = await findDonors({ ...search, filter: "period" }, null, { now });
    expect(gave.rows.map((row) => row.email).sort()).toEqual(["coming.back@figures.example.org", "first.time@figures.example.org"]);
    const lapsed = await findDonors({ ...search, filter: "lapsed", from: null, to: null }, null, { now });
    expect(lapsed.rows.length).toBe(figures.lapsed);

    const page = pageData(await dashboardLoader(loaderArgs("/admin?range=30", {}, { headers: viewer.headers })));
    expect(page.donors.days).toBe(30);
    expect(page.donors.gaveHref).toMatch(/^\/admin\/donors\?filter=period&from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$/);
  });
});
