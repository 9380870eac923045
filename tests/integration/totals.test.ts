import { describe, expect, it } from "vitest";

import { db } from "~/db.server";
import { campaignFigures, campaignProgress, campaignProgressFromLedger, rebuildCampaignTotals, totalsByCurrency } from "~/models/totals.server";
import { loader as campaignLoader } from "~/routes/_site.campaigns.$slug";
import { cancelSubscription, closeDispute, openDispute, refundCharge } from "~/payments/sandbox/dashboard.server";

import { createCampaign } from "../support/factories";
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
    const figures = (await campaignFigures([{ id: campaign.id, currency: "USD" }])).get(campaign.id)!;
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

    // Rebuilt from the rows in one go (after a bulk load), they come out the same to the last column.
    const stored = async () => ({
      campaigns: await db().campaignTotals.findMany({ omit: { updatedAt: true }, orderBy: { campaignId: "asc" } }),
      donors: await db().campaignDonorTotal.findMany({ orderBy: [{ campaignId: "asc" }, { donorId: "asc" }] }),
    });
    const byTrigger = await stored();
    expect(await rebuildCampaignTotals()).toBe(byTrigger.campaigns.length);
    expect(await stored()).toEqual(byTrigger);

    for (const event of await cancelSubscription(gift.stripeSubscriptionId)) await deliver(event);
    expect((await campaignFigures([{ id: campaign.id, currency: "USD" }])).get(campaign.id)!.activeMonthly).toEqual({ gifts: 0, monthlyAmount: 0 });

    // Deleting a row (never done by the app, but possible by hand) keeps them in step too.
    await db().donation.delete({ where: { id: donations[0]!.id } });
    expect((await campaignProgress([campaign.id])).get(campaign.id)).toEqual((await campaignProgressFromLedger([campaign.id])).get(campaign.id));
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
    const named = await giveThroughSandbox(campaign.slug, { name: "Grace Named", email: "grace.private@example.org", comment: "Proud to help" });
    const hidden = await giveThroughSandbox(campaign.slug, { name: "Secret Person", email: "secret.private@example.org", anonymous: true, amount: 12_345 });
    for (const event of [...named.events, ...hidden.events]) await deliver(event);

    const page = pageData(await campaignLoader(loaderArgs(`/campaigns/${campaign.slug}`, { slug: campaign.slug })));
    expect(page.wall.map((entry) => entry.name).sort()).toEqual(["Anonymous", "Grace Named"]);
    expect(page.wall.find((entry) => entry.name === "Grace Named")?.comment).toBe("Proud to help");
    const serialised = JSON.stringify(page);
    expect(serialised).not.toMatch(/private@example\.org|Secret Person|12345|123\.45/);
  });
});
