/**
 * Campaign totals under concurrent gifts, on a real PostgreSQL server (PGlite
 * has one connection, so its transactions never overlap): the totals are
 * written when a gift's transaction commits, so a gift never waits for another
 * gift's open transaction, and the figures still come out exact.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";

import { campaignProgress, totalsDisagreeingWithLedger } from "~/donations/totals.data.server";

import { createCampaign, createDonor } from "../support/factories";
import { testDatabase } from "../support/setup-database";
import { deliver, giveThroughSandbox } from "../support/webhooks";

function databaseUrl(): string {
  const target = testDatabase().target;
  if (target.kind !== "postgres") throw new Error("this file runs on PostgreSQL only");
  return target.url;
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  return client;
}

const insertGift = (client: pg.Client, campaignId: string, donorId: string, grossAmount: number) =>
  client.query(
    `INSERT INTO "Donation" ("id", "campaignId", "donorId", "frequency", "currency", "grossAmount", "stripePaymentIntentId", "paidAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'once', 'USD', $3, 'pi_' || md5(random()::text), now(), now())`,
    [campaignId, donorId, grossAmount],
  );

describe("campaign totals under concurrent gifts", () => {
  it("let a gift commit while another gift to the same campaign is still in its transaction", async () => {
    const campaign = await createCampaign();
    const [early, late] = [await createDonor(), await createDonor()];
    const first = await connect();
    const second = await connect();
    try {
      await first.query("BEGIN");
      await insertGift(first, campaign.id, early.id, 4_000);

      // Had the first transaction locked the campaign's totals row, this commit
      // would wait for it; lock_timeout turns such a wait into an error.
      await second.query("BEGIN");
      await second.query("SET LOCAL lock_timeout = '5s'");
      await insertGift(second, campaign.id, late.id, 1_000);
      await second.query("COMMIT");
      expect((await campaignProgress([campaign.id])).get(campaign.id)).toMatchObject({ raised: 1_000, donors: 1 });

      await first.query("COMMIT");
      expect((await campaignProgress([campaign.id])).get(campaign.id)).toMatchObject({ raised: 5_000, donors: 2 });
      expect(await totalsDisagreeingWithLedger()).toEqual([]);
    } finally {
      await first.query("ROLLBACK").catch(() => {});
      await Promise.all([first.end(), second.end()]);
    }
  });

  it("count every gift once when many webhooks for one campaign are applied at the same time", async () => {
    const campaign = await createCampaign();
    const gifts: Awaited<ReturnType<typeof giveThroughSandbox>>[] = [];
    for (let i = 0; i < 12; i++) {
      gifts.push(
        await giveThroughSandbox(campaign.slug, {
          amount: 1_000 + i * 100,
          email: `concurrent${i}@example.org`,
          frequency: i % 4 === 3 ? "monthly" : "once",
        }),
      );
    }
    // Every event of every gift at once, in no particular order (the test pool
    // has five connections). A 5xx is delivered again, as Stripe retries: two
    // events of one new donor can race to create the donor, and the loser's
    // transaction rolls back whole.
    const deliverUntilAccepted = async (event: (typeof gifts)[number]["events"][number]) => {
      for (let attempt = 1; ; attempt++) {
        const answer = await deliver(event);
        if (answer.status < 500 || attempt === 5) return answer;
      }
    };
    const answers = await Promise.all(gifts.flatMap((gift) => gift.events.map(deliverUntilAccepted)));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const expected = gifts.reduce((sum, _gift, i) => sum + 1_000 + i * 100, 0);
    expect((await campaignProgress([campaign.id])).get(campaign.id)).toMatchObject({ raised: expected, donors: 12 });
    expect(await totalsDisagreeingWithLedger()).toEqual([]);
  });
});
