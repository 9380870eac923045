import type Stripe from "stripe";
import { describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { campaignFigures, totalsDisagreeingWithLedger } from "~/donations/totals.data.server";
import { renewSubscription } from "~/payments/sandbox/dashboard.server";
import { getObject } from "~/payments/sandbox/store.server";

import { createCampaign } from "../support/factories";
import { deliver, giveThroughSandbox } from "../support/webhooks";

const DAY_MS = 86_400_000;

describe("yearly gifts", () => {
  it("are a subscription at interval year whose instalments count like monthly ones", async () => {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, { frequency: "yearly", amount: 12_000, email: "yearly@example.org" });
    for (const event of gift.events) await deliver(event);
    expect(gift.pledge.frequency).toBe("yearly");

    const recurring = await db().recurringGift.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    expect(recurring).toMatchObject({ frequency: "yearly", amount: 12_000, status: "active" });
    const subscription = await getObject<Stripe.Subscription>(recurring.stripeSubscriptionId);
    expect(subscription?.items.data[0]?.price.recurring?.interval).toBe("year");
    // The next charge is a year away, not a month.
    expect(recurring.currentPeriodEnd!.getTime() - Date.now()).toBeGreaterThan(360 * DAY_MS);

    for (const event of await renewSubscription(recurring.stripeSubscriptionId)) await deliver(event);
    const donations = await db().donation.findMany({ where: { recurringGiftId: recurring.id } });
    expect(donations.map((d) => [d.frequency, d.grossAmount])).toEqual([
      ["yearly", 12_000],
      ["yearly", 12_000],
    ]);
    const renewed = await db().recurringGift.findUniqueOrThrow({ where: { id: recurring.id } });
    expect(renewed.currentPeriodEnd!.getTime() - recurring.currentPeriodEnd!.getTime()).toBe(365 * DAY_MS);

    const figures = (await campaignFigures([campaign.id])).get(campaign.id)!;
    expect(figures.monthly).toEqual({ donations: 2, raised: 24_000 });
    expect(figures.once).toEqual({ donations: 0, raised: 0 });
    // An active yearly gift adds its monthly share to the active monthly amount.
    expect(figures.activeMonthly).toEqual({ gifts: 1, monthlyAmount: 1_000 });
    expect(await totalsDisagreeingWithLedger()).toEqual([]);

    const receipt = await db().emailMessage.findFirstOrThrow({ where: { kind: "receipt", donationId: donations[0]!.id } });
    expect(receipt.textBody).toContain(`Yearly gift to ${campaign.title}`);
    expect(receipt.textBody).toContain("This is a yearly gift.");
  });
});
