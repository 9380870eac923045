import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { updateCampaign } from "~/campaigns/campaign-admin.data.server";
import { findPublishedCampaign } from "~/campaigns/campaigns.data.server";
import { contentCacheActive, startContentCache } from "~/db/content-cache.data.server";
import { db } from "~/db/db.server";
import { seed } from "~/db/seed.server";
import { getOrganisation } from "~/organisation/organisation.data.server";
import { loader as rootLoader } from "~/root";
import { loader as campaignLoader } from "~/routes/_site.campaigns.$slug";
import { loader as indexLoader } from "~/routes/_site._index";

import { createCampaign, createDonation, createDonor } from "../support/factories";
import { loaderArgs, pageData } from "../support/requests";
import { testDatabase } from "../support/setup-database";

/**
 * The rows kept in memory for the public pages (decision 030), on the real
 * database of this project (PGlite, or PostgreSQL in db-postgres): kept
 * while nothing changes, dropped at once by a staff edit in this process,
 * and dropped on the database's change notice when the row is written by
 * anything else (another instance, a command, SQL by hand).
 */
let stop: () => Promise<void> = async () => {};

beforeAll(async () => {
  await seed(testDatabase().prisma);
  stop = await startContentCache(testDatabase(), { log: () => {} });
});

afterAll(async () => {
  await stop();
});

const STAFF = { actorId: null, ip: "127.0.0.1" };

async function campaignPage(slug: string) {
  return pageData(await campaignLoader(loaderArgs(`/campaigns/${slug}`, { slug })));
}

/** Another instance's write: the change notice reaches this process shortly after the commit. */
const soon = { timeout: 5_000, interval: 20 };

/**
 * A campaign written by the test's factories (another connection, as another
 * instance would): waits for its notice, then returns the row as kept.
 */
async function keptCampaign(slug: string) {
  return vi.waitFor(async () => {
    const first = await findPublishedCampaign(slug);
    expect(first).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await findPublishedCampaign(slug)).toBe(first);
    return first;
  }, soon);
}

describe("rows kept in memory for the public pages", () => {
  it("keeps the published campaigns and the organisation while nothing changes", async () => {
    expect(contentCacheActive()).toBe(true);
    const campaign = await createCampaign();
    // The same object each time: no second read of the database.
    expect((await keptCampaign(campaign.slug))?.id).toBe(campaign.id);
    const organisation = await db().organisation.findUniqueOrThrow({ where: { id: 1 } });
    expect((await getOrganisation()).name).toBe(organisation.name);
  });

  it("shows a staff edit of a campaign on the very next page", async () => {
    const campaign = await createCampaign({ title: "Before the edit" });
    await keptCampaign(campaign.slug);
    expect((await campaignPage(campaign.slug)).campaign.title).toBe("Before the edit");
    const saved = await updateCampaign(
      campaign.id,
      {
        title: "After the edit",
        slug: campaign.slug,
        summary: campaign.summary,
        story: "## A new story\n\nRewritten.",
        goalAmount: campaign.goalAmount,
        currency: "USD",
        monthlyInvitation: "off",
        presetAmounts: campaign.presetAmounts,
        startsAt: null,
        endsAt: null,
        status: "published",
      },
      STAFF,
    );
    expect(saved.ok).toBe(true);
    const page = await campaignPage(campaign.slug);
    expect(page.campaign.title).toBe("After the edit");
    // The story is rendered again for the new version.
    expect(page.campaign.storyHtml).toContain("<h2>A new story</h2>");
  });

  it("drops a campaign archived by staff from the home page and its own page at once", async () => {
    const campaign = await createCampaign({ title: "To be archived" });
    await keptCampaign(campaign.slug);
    expect(pageData(await indexLoader(loaderArgs("/", {}))).campaigns.map((c) => c.slug)).toContain(campaign.slug);
    const saved = await updateCampaign(
      campaign.id,
      {
        title: campaign.title,
        slug: campaign.slug,
        summary: campaign.summary,
        story: campaign.story,
        goalAmount: campaign.goalAmount,
        currency: "USD",
        monthlyInvitation: "off",
        presetAmounts: campaign.presetAmounts,
        startsAt: null,
        endsAt: null,
        status: "archived",
      },
      STAFF,
    );
    expect(saved.ok).toBe(true);
    expect(pageData(await indexLoader(loaderArgs("/", {}))).campaigns.map((c) => c.slug)).not.toContain(campaign.slug);
    expect(await findPublishedCampaign(campaign.slug)).toBeNull();
  });

  it("sees a campaign changed by another process through the database's notice", async () => {
    const campaign = await createCampaign({ title: "Written elsewhere" });
    await keptCampaign(campaign.slug);
    expect((await campaignPage(campaign.slug)).campaign.title).toBe("Written elsewhere");
    await db().$executeRaw`UPDATE "Campaign" SET "title" = 'Rewritten elsewhere' WHERE "id" = ${campaign.id}::uuid`;
    await vi.waitFor(async () => expect((await campaignPage(campaign.slug)).campaign.title).toBe("Rewritten elsewhere"), soon);
  });

  it("sees the organisation's settings changed in the database on the next pages", async () => {
    const before = pageData(await rootLoader(loaderArgs("/"))).organisation.name;
    await db().$executeRaw`UPDATE "Organisation" SET "name" = 'Renamed Rescue' WHERE "id" = 1`;
    try {
      await vi.waitFor(async () => expect(pageData(await rootLoader(loaderArgs("/"))).organisation.name).toBe("Renamed Rescue"), soon);
    } finally {
      await db().$executeRaw`UPDATE "Organisation" SET "name" = ${before} WHERE "id" = 1`;
    }
  });

  it("shows a new gift's total and its donor on the wall, while the campaign itself stays kept", async () => {
    const campaign = await createCampaign();
    const kept = await keptCampaign(campaign.slug);
    expect((await campaignPage(campaign.slug)).progress).toEqual({ raised: 0, donors: 0 });
    const donor = await createDonor();
    await createDonation(campaign.id, donor.id, { grossAmount: 4_200, publicComment: "Glad to help" });
    await vi.waitFor(async () => {
      const page = await campaignPage(campaign.slug);
      expect(page.progress).toEqual({ raised: 4_200, donors: 1 });
      expect(page.wall.map((entry) => [entry.name, entry.comment])).toEqual([["Test Donor", "Glad to help"]]);
    }, soon);
    expect(pageData(await indexLoader(loaderArgs("/", {}))).campaigns.find((c) => c.slug === campaign.slug)).toMatchObject({
      raised: 4_200,
      donors: 1,
    });
    // A gift drops only the figures: the campaign row was not read again.
    expect(await findPublishedCampaign(campaign.slug)).toBe(kept);
  });

  it("keeps nothing once it stops listening: every read goes to the database", async () => {
    const campaign = await createCampaign();
    await keptCampaign(campaign.slug);
    await stop();
    stop = async () => {};
    expect(contentCacheActive()).toBe(false);
    const first = await findPublishedCampaign(campaign.slug);
    expect(await findPublishedCampaign(campaign.slug)).not.toBe(first);
    await db().$executeRaw`UPDATE "Campaign" SET "title" = 'Read at once' WHERE "id" = ${campaign.id}::uuid`;
    expect((await findPublishedCampaign(campaign.slug))?.title).toBe("Read at once");
  });
});
