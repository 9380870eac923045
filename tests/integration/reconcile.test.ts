import { describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { campaignProgress } from "~/donations/totals.data.server";
import { reconcile } from "~/payments/reconcile.server";
import { refundCharge } from "~/payments/sandbox/dashboard.server";

import { createCampaign } from "../support/factories";
import { deliver, giveThroughSandbox } from "../support/webhooks";

describe("reconciliation", () => {
  it("applies the events that never arrived, through the same guard, and nothing on a second run", async () => {
    const campaign = await createCampaign();
    const since = new Date(Date.now() - 60_000);

    const once = await giveThroughSandbox(campaign.slug, { amount: 4_000 });
    const monthly = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 1_500, email: "monthly@example.org" });
    const other = await giveThroughSandbox(campaign.slug, { amount: 9_000, email: "refunded@example.org" });
    // Some events arrive, some are lost on the way.
    await deliver(monthly.events[1]!);
    for (const event of other.events) await deliver(event);
    const otherDonation = await db().donation.findFirstOrThrow({ where: { pledgeId: other.pledge.id } });
    const lostRefund = await refundCharge(otherDonation.stripeChargeId!, 2_500);

    const raisedBefore = (await campaignProgress([campaign.id])).get(campaign.id)?.raised;
    expect(raisedBefore).toBe(9_000);

    const report = await reconcile(since);
    expect(report.failed).toEqual([]);
    const appliedIds = report.applied.map((a) => a.id).sort();
    const expected = [once.events[0]!.id, monthly.events[0]!.id, monthly.events[2]!.id, ...lostRefund.map((e) => e.id)].sort();
    expect(appliedIds).toEqual(expected);

    expect(await db().donation.count({ where: { campaignId: campaign.id } })).toBe(3);
    expect((await campaignProgress([campaign.id])).get(campaign.id)).toMatchObject({ raised: 4_000 + 1_500 + 6_500, donors: 3 });

    const second = await reconcile(since);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(second.listed);
    expect((await campaignProgress([campaign.id])).get(campaign.id)?.raised).toBe(12_000);
  });
});
