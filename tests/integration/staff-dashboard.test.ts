import { describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { closeDispute, openDispute, refundCharge } from "~/payments/sandbox/dashboard.server";
import { loader as dashboardLoader } from "~/routes/admin._index";

import { createCampaign } from "../support/factories";
import { loaderArgs } from "../support/requests";
import { signedInStaff } from "../support/staff";
import { deliver, giveThroughSandbox } from "../support/webhooks";

describe("the staff dashboard", () => {
  it("shows, for a campaign with once, monthly, refunded and disputed gifts, the same figures as the ledger rows", async () => {
    const campaign = await createCampaign({ goalAmount: 50_000 });
    const quiet = await createCampaign({ status: "draft" });
    for (const options of [
      { amount: 5_000, coverFee: true, email: "once@example.org" },
      { amount: 2_500, email: "partly-refunded@example.org" },
      { amount: 4_000, email: "refunded@example.org" },
      { amount: 1_500, frequency: "monthly" as const, coverFee: true, email: "monthly@example.org" },
      { amount: 3_000, email: "dispute-lost@example.org" },
      { amount: 2_000, email: "dispute-open@example.org" },
    ]) {
      const gift = await giveThroughSandbox(campaign.slug, options);
      for (const event of gift.events) await deliver(event);
    }
    const byEmail = async (email: string) => db().donation.findFirstOrThrow({ where: { campaignId: campaign.id, donor: { email } } });
    for (const event of await refundCharge((await byEmail("partly-refunded@example.org")).stripeChargeId!, 700)) await deliver(event);
    for (const event of await refundCharge((await byEmail("refunded@example.org")).stripeChargeId!)) await deliver(event);
    const lost = await openDispute((await byEmail("dispute-lost@example.org")).stripeChargeId!);
    for (const event of lost.events) await deliver(event);
    for (const event of await closeDispute(lost.disputeId, "lost")) await deliver(event);
    for (const event of (await openDispute((await byEmail("dispute-open@example.org")).stripeChargeId!)).events) await deliver(event);

    const { cookie } = await signedInStaff("viewer");
    const page = await dashboardLoader(loaderArgs("/admin?range=90", {}, { headers: { cookie } }));
    expect(page.range).toBe(90);
    const shown = page.campaigns.find((c) => c.id === campaign.id)!;

    // The same figures, added up here straight from the donation and recurring-gift rows.
    const rows = await db().donation.findMany({ where: { campaignId: campaign.id } });
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
    const counted = (r: (typeof rows)[number]) =>
      Math.max(0, r.grossAmount - r.coveredFee - r.refundedAmount - (r.disputeStatus === "lost" ? r.disputedAmount : 0));
    const disputesLost = sum((r) => (r.disputeStatus === "lost" ? r.disputedAmount : 0));
    const active = await db().recurringGift.findMany({ where: { campaignId: campaign.id, status: "active" } });
    expect(shown.figures).toEqual({
      campaignId: campaign.id,
      currency: "USD",
      raised: sum(counted),
      donors: new Set(rows.filter((r) => counted(r) > 0).map((r) => r.donorId)).size,
      donations: rows.length,
      gross: sum((r) => r.grossAmount),
      coveredFees: sum((r) => r.coveredFee),
      stripeFees: sum((r) => r.stripeFee ?? 0),
      refunds: sum((r) => r.refundedAmount),
      disputesLost,
      disputesOpen: rows.filter((r) => r.disputeStatus === "open").length,
      net: sum((r) => r.grossAmount) - sum((r) => r.stripeFee ?? 0) - sum((r) => r.refundedAmount) - disputesLost,
      once: { donations: 5, raised: sum((r) => (r.frequency === "once" ? counted(r) : 0)) },
      monthly: { donations: 1, raised: sum((r) => (r.frequency === "monthly" ? counted(r) : 0)) },
      offline: { donations: 0, raised: 0 },
      activeMonthly: { gifts: active.length, monthlyAmount: active.reduce((t, g) => t + g.amount, 0) },
    });
    // Hand-checked: 5,000 + 1,800 + 0 + 1,500 + 0 (lost) + 2,000 (open disputes still count).
    expect(shown.figures.raised).toBe(10_300);
    expect(shown.figures).toMatchObject({
      refunds: 4_700,
      disputesLost: 3_000,
      disputesOpen: 1,
      activeMonthly: { gifts: 1, monthlyAmount: 1_500 },
    });

    // The chart: 90 days ending today, and the day's bar is what was raised today.
    expect(shown.daily).toHaveLength(90);
    expect(shown.daily.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), amount: 10_300, donations: 6 });
    expect(shown.daily.slice(0, -1).every((d) => d.amount === 0)).toBe(true);

    expect(page.campaigns.find((c) => c.id === quiet.id)?.figures.raised).toBe(0);
    expect(page.totals.find((t) => t.currency === "USD")?.raised).toBe(
      page.campaigns.reduce((total, c) => total + (c.figures.currency === "USD" ? c.figures.raised : 0), 0),
    );
  });

  it("falls back to 30 days for an unknown range", async () => {
    const { cookie } = await signedInStaff("admin");
    await createCampaign();
    const page = await dashboardLoader(loaderArgs("/admin?range=9999", {}, { headers: { cookie } }));
    expect(page.range).toBe(30);
    expect(page.campaigns[0]?.daily).toHaveLength(30);
  });
});
