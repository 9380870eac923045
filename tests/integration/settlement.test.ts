import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { campaignFigures } from "~/donations/totals.data.server";
import { configureSandboxAccount } from "~/payments/sandbox/account.server";
import { getObject, type StripeObject } from "~/payments/sandbox/store.server";
import { loader as donationPage } from "~/routes/admin.donations.$donationId";

import { createCampaign } from "../support/factories";
import { loaderArgs } from "../support/requests";
import { staffCookieHeader } from "../support/staff";
import { deliver, giveThroughSandbox } from "../support/webhooks";

/**
 * A balance transaction is in the account's settlement currency: a EUR gift
 * to a USD account reports Stripe's fee in USD, with the exchange rate. The
 * ledger keeps the fee and net in the gift's currency and the settled
 * figures beside them.
 */
type BalanceTransaction = StripeObject & { amount: number; currency: string; fee: number; net: number; exchange_rate: number | null };

async function balanceOf(chargeId: string): Promise<BalanceTransaction> {
  const charge = await getObject<StripeObject & { balance_transaction: string }>(chargeId);
  const balance = await getObject<BalanceTransaction>(charge!.balance_transaction);
  return balance!;
}

describe("a gift in another currency than the account's", () => {
  beforeEach(async () => {
    await configureSandboxAccount({ settlementCurrency: "usd" });
  });

  it("stores Stripe's fee and the net in the gift's currency, and the USD settlement beside them", async () => {
    const campaign = await createCampaign({ currency: "EUR" });
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount: 5_000 });
    for (const event of events) expect((await deliver(event)).status).toBe(200);

    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
    const balance = await balanceOf(donation.stripeChargeId!);
    // What Stripe reports: 50.00 EUR settled as 54.13 USD at 1.0825, fee 1.49 USD.
    expect(balance).toMatchObject({ currency: "usd", amount: 5_413, fee: 149, net: 5_264, exchange_rate: 1.0825 });

    // 1.49 USD / 1.0825 = 1.3764... EUR.
    expect(donation).toMatchObject({
      currency: "EUR",
      grossAmount: 5_000,
      stripeFee: 138,
      netAmount: 4_862,
      settlementCurrency: "USD",
      settlementAmount: 5_413,
      settlementFee: 149,
      settlementNet: 5_264,
    });
    expect(donation.exchangeRate?.toString()).toBe("1.0825");

    const figures = (await campaignFigures([campaign.id])).get(campaign.id)!;
    expect(figures).toMatchObject({ currency: "EUR", gross: 5_000, stripeFees: 138, net: 4_862 });

    const page = await donationPage(
      loaderArgs(`/admin/donations/${donation.id}`, { donationId: donation.id }, { headers: await staffCookieHeader("viewer") }),
    );
    const money = Object.fromEntries((page.view.sections.find((s) => s.title === "Money")?.facts ?? []).map((f) => [f.label, f.value]));
    expect(money["Stripe fee"]).toBe("€1.38");
    expect(money["Net"]).toBe("€48.62");
    expect(money["Settled in USD"]).toBe("$54.13 at 1.0825 USD per EUR: fee $1.49, net $52.64");
  });

  it("does the same for a monthly instalment", async () => {
    const campaign = await createCampaign({ currency: "EUR" });
    const { pledge, events } = await giveThroughSandbox(campaign.slug, {
      frequency: "monthly",
      amount: 2_000,
      email: "monthly-eur@example.org",
    });
    for (const event of events) expect((await deliver(event)).status).toBe(200);

    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
    const balance = await balanceOf(donation.stripeChargeId!);
    expect(balance.currency).toBe("usd");
    // 20.00 EUR → 21.65 USD; fee round(21.65 × 2.2 %) + 0.30 = 0.78 USD → 0.72 EUR.
    expect(donation).toMatchObject({ grossAmount: 2_000, stripeFee: 72, netAmount: 1_928, settlementCurrency: "USD", settlementFee: 78 });
  });

  it("takes the fee as it is when the account settles in the gift's own currency", async () => {
    await configureSandboxAccount({ settlementCurrency: "eur" });
    const campaign = await createCampaign({ currency: "EUR" });
    const { pledge, events } = await giveThroughSandbox(campaign.slug, { amount: 5_000 });
    for (const event of events) await deliver(event);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: pledge.id } });
    // 2.2 % of 50.00 + 0.30 = 1.40 EUR, no conversion.
    expect(donation).toMatchObject({ stripeFee: 140, netAmount: 4_860, settlementCurrency: "EUR", settlementFee: 140, exchangeRate: null });
  });
});
