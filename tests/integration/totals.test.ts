import { describe, expect, it } from "vitest";

import { db, type Prisma } from "~/db/db.server";
import {
  campaignFigures,
  campaignProgress,
  campaignProgressFromLedger,
  dailyGiving,
  rebuildCampaignTotals,
  totalsByCurrency,
  totalsDisagreeingWithLedger,
} from "~/donations/totals.data.server";
import { loader as campaignLoader } from "~/routes/_site.campaigns.$slug";
import { cancelSubscription, closeDispute, openDispute, refundCharge } from "~/payments/sandbox/dashboard.server";

import { createCampaign, createDonation, createDonor } from "../support/factories";
import { loaderArgs, pageData } from "../support/requests";
import { deliver, giveThroughSandbox } from "../support/webhooks";

describe("campaign totals", () => {
  it("stay equal to sums computed from the donation rows, through gifts, refunds, disputes and deletions", async () => {
    const campaign = await createCampaign();
    const gifts = [];
    for (const [i, options] of [
      { amount: 5_000, coverFee: true },
      { amount: 2_500 },
      { amount: 10_000, email: "second@example.org" },
      { amount: 1_000, frequency: "monthly" as const, coverFee: true, email: "monthly@example.org" },
      { amount: 7_000, email: "disputed@example.org" },
    ].entries()) {
      const gift = await giveThroughSandbox(campaign.slug, { ...options, email: options.email ?? `donor${i}@example.org` });
      for (const event of gift.events) await deliver(event);
      gifts.push(gift);
    }
    const donations = await db().donation.findMany({ where: { campaignId: campaign.id }, orderBy: { createdAt: "asc" } });
    for (const event of await refundCharge(donations[1]!.stripeChargeId!, 500)) await deliver(event);
    for (const event of await refundCharge(donations[2]!.stripeChargeId!)) await deliver(event);
    const dispute = await openDispute(donations[4]!.stripeChargeId!);
    for (const event of dispute.events) await deliver(event);
    for (const event of await closeDispute(dispute.disputeId, "lost")) await deliver(event);
    const gift = await db().recurringGift.findFirstOrThrow({ where: { campaignId: campaign.id } });

    const maintained = (await campaignProgress([campaign.id])).get(campaign.id);
    const fromLedger = (await campaignProgressFromLedger([campaign.id])).get(campaign.id);
    expect(maintained).toEqual(fromLedger);
    // 5,000 + (2,500 - 500) + 0 (refunded) + 1,000 + 0 (dispute lost)
    expect(maintained).toMatchObject({ raised: 8_000, donors: 3 });

    const rows = await db().donation.findMany({ where: { campaignId: campaign.id } });
    const figures = (await campaignFigures([campaign.id])).get(campaign.id)!;
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
    expect(figures).toMatchObject({
      donations: 5,
      raised: 8_000,
      donors: 3,
      gross: sum((r) => r.grossAmount),
      coveredFees: sum((r) => r.coveredFee),
      stripeFees: sum((r) => r.stripeFee ?? 0),
      refunds: 500 + 10_000,
      disputesLost: 7_000,
      disputesOpen: 0,
      once: { donations: 4, raised: 7_000 },
      monthly: { donations: 1, raised: 1_000 },
      activeMonthly: { gifts: 1, monthlyAmount: 1_000 },
    });
    expect(figures.net).toBe(figures.gross - figures.stripeFees - figures.refunds - figures.disputesLost);
    expect(totalsByCurrency([figures]).get("USD")?.raised).toBe(8_000);
    // Every column of every totals table, per campaign, donor and day, equals the sums of the rows.
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await dailyGiving([campaign.id], 1)).get(campaign.id)).toEqual([{ day: today, amount: 8_000, donations: 5 }]);

    // Rebuilt from the rows in one go (after a bulk load), they come out the same to the last column.
    const stored = async () => ({
      campaigns: await db().campaignTotals.findMany({ omit: { updatedAt: true }, orderBy: { campaignId: "asc" } }),
      donors: await db().campaignDonorTotal.findMany({ orderBy: [{ campaignId: "asc" }, { donorId: "asc" }] }),
      days: await db().campaignDailyTotal.findMany({ orderBy: [{ campaignId: "asc" }, { day: "asc" }] }),
    });
    const byTrigger = await stored();
    expect(await rebuildCampaignTotals()).toBe(byTrigger.campaigns.length);
    expect(await stored()).toEqual(byTrigger);

    for (const event of await cancelSubscription(gift.stripeSubscriptionId)) await deliver(event);
    expect((await campaignFigures([campaign.id])).get(campaign.id)!.activeMonthly).toEqual({ gifts: 0, monthlyAmount: 0 });

    // Deleting a row (never done by the app, but possible by hand) keeps them in step too.
    await db().donation.delete({ where: { id: donations[0]!.id } });
    expect((await campaignProgress([campaign.id])).get(campaign.id)).toEqual(
      (await campaignProgressFromLedger([campaign.id])).get(campaign.id),
    );
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
  });

  it("keep each UTC day's giving, following a gift that is refunded, moved to another day or deleted", async () => {
    const campaign = await createCampaign();
    const donor = await createDonor();
    const at = (iso: string) => new Date(iso);
    const late = await createDonation(campaign.id, donor.id, {
      grossAmount: 3_000,
      coveredFee: 100,
      paidAt: at("2031-01-10T23:59:59.999Z"),
    });
    await createDonation(campaign.id, donor.id, { grossAmount: 2_000, paidAt: at("2031-01-10T00:00:00Z") });
    const next = await createDonation(campaign.id, donor.id, { grossAmount: 4_000, paidAt: at("2031-01-11T00:00:00Z") });
    const days = () =>
      db().campaignDailyTotal.findMany({ where: { campaignId: campaign.id }, orderBy: { day: "asc" }, omit: { campaignId: true } });
    expect(await days()).toEqual([
      { day: at("2031-01-10T00:00:00Z"), raised: 4_900n, donations: 2n },
      { day: at("2031-01-11T00:00:00Z"), raised: 4_000n, donations: 1n },
    ]);

    await db().donation.update({ where: { id: next.id }, data: { refundedAmount: 1_500, status: "partially_refunded" } });
    await db().donation.update({ where: { id: late.id }, data: { paidAt: at("2031-01-12T08:00:00Z") } });
    expect(await days()).toEqual([
      { day: at("2031-01-10T00:00:00Z"), raised: 2_000n, donations: 1n },
      { day: at("2031-01-11T00:00:00Z"), raised: 2_500n, donations: 1n },
      { day: at("2031-01-12T00:00:00Z"), raised: 2_900n, donations: 1n },
    ]);
    // A day with no gift left has no row (as a rebuild would leave it).
    await db().donation.delete({ where: { id: next.id } });
    expect((await days()).map((row) => row.day.toISOString().slice(0, 10))).toEqual(["2031-01-10", "2031-01-12"]);
    expect(await totalsDisagreeingWithLedger()).toEqual([]);

    // The chart reads those rows: every day of the range, zero where nothing was given.
    const chart = (await dailyGiving([campaign.id], 4, at("2031-01-12T20:00:00Z"))).get(campaign.id);
    expect(chart).toEqual([
      { day: "2031-01-09", amount: 0, donations: 0 },
      { day: "2031-01-10", amount: 2_000, donations: 1 },
      { day: "2031-01-11", amount: 0, donations: 0 },
      { day: "2031-01-12", amount: 2_900, donations: 1 },
    ]);
  });

  it("change when the gift's transaction commits, and not at all when it rolls back", async () => {
    const campaign = await createCampaign();
    const donor = await createDonor();
    const raised = async (client: Pick<Prisma.TransactionClient, "campaignTotals"> = db()) =>
      (await client.campaignTotals.findUnique({ where: { campaignId: campaign.id } }))?.raised ?? 0n;

    await db().$transaction(async (tx) => {
      await tx.donation.create({
        data: {
          campaignId: campaign.id,
          donorId: donor.id,
          frequency: "once",
          currency: "USD",
          grossAmount: 2_500,
          stripePaymentIntentId: `pi_commit_${campaign.id}`,
          paidAt: new Date(),
        },
      });
      // Written at commit: no totals row is locked (or changed) while the rest of the transaction runs.
      expect(await raised(tx)).toBe(0n);
    });
    expect(await raised()).toBe(2_500n);

    const failure = await db()
      .$transaction(async (tx) => {
        await tx.donation.create({
          data: {
            campaignId: campaign.id,
            donorId: donor.id,
            frequency: "once",
            currency: "USD",
            grossAmount: 9_000,
            stripePaymentIntentId: `pi_rollback_${campaign.id}`,
            paidAt: new Date(),
          },
        });
        throw new Error("the webhook failed after recording the gift");
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(await raised()).toBe(2_500n);
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
  });

  it("the consistency check names each table row that differs from the ledger", async () => {
    const campaign = await createCampaign();
    const donor = await createDonor();
    await createDonation(campaign.id, donor.id, { grossAmount: 5_000, paidAt: new Date("2031-02-01T12:00:00Z") });
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
    await db().$executeRaw`UPDATE "CampaignTotals" SET "gross" = "gross" + 1 WHERE "campaignId" = ${campaign.id}::uuid`;
    await db().$executeRaw`UPDATE "CampaignDailyTotal" SET "donations" = 2 WHERE "campaignId" = ${campaign.id}::uuid`;
    await db().$executeRaw`UPDATE "CampaignDonorTotal" SET "raised" = 1 WHERE "campaignId" = ${campaign.id}::uuid`;
    expect(await totalsDisagreeingWithLedger()).toEqual([
      { table: "CampaignTotals", campaignId: campaign.id, key: null },
      { table: "CampaignDonorTotal", campaignId: campaign.id, key: donor.id },
      { table: "CampaignDailyTotal", campaignId: campaign.id, key: "2031-02-01" },
    ]);
    await rebuildCampaignTotals();
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
  });

  it("a receipt number or other non-money change does not move the totals", async () => {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, { amount: 3_000 });
    for (const event of gift.events) await deliver(event);
    const before = await db().campaignTotals.findUniqueOrThrow({ where: { campaignId: campaign.id } });
    await db().donation.updateMany({ where: { campaignId: campaign.id }, data: { receiptNumber: "2026-000001" } });
    const after = await db().campaignTotals.findUniqueOrThrow({ where: { campaignId: campaign.id } });
    expect(after.raised).toBe(before.raised);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });
});

describe("the public donor wall", () => {
  it("shows names or Anonymous and comments, and no email or amount anywhere in the page data", async () => {
    const campaign = await createCampaign();
    const named = await giveThroughSandbox(campaign.slug, {
      name: "Grace Named",
      email: "grace.private@example.org",
      comment: "Proud to help",
    });
    const hidden = await giveThroughSandbox(campaign.slug, {
      name: "Secret Person",
      email: "secret.private@example.org",
      anonymous: true,
      amount: 12_345,
    });
    for (const event of [...named.events, ...hidden.events]) await deliver(event);

    const page = pageData(await campaignLoader(loaderArgs(`/campaigns/${campaign.slug}`, { slug: campaign.slug })));
    expect(page.wall.map((entry) => entry.name).sort()).toEqual(["Anonymous", "Grace Named"]);
    expect(page.wall.find((entry) => entry.name === "Grace Named")?.comment).toBe("Proud to help");
    const serialised = JSON.stringify(page);
    expect(serialised).not.toMatch(/private@example\.org|Secret Person|12345|123\.45/);
  });
});
