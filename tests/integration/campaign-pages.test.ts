import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { AWARENESS_CAMPAIGN_SLUG, DRAFT_CAMPAIGN_SLUG, seed } from "~/db/seed.server";
import { loader as campaignLoader } from "~/routes/_site.campaigns.$slug";
import { loader as indexLoader } from "~/routes/_site._index";
import { loader as catchAllLoader } from "~/routes/$";

import { createCampaign, createDonation, createDonor } from "../support/factories";
import { loaderArgs, pageData, thrownStatus } from "../support/requests";
import { testDatabase } from "../support/setup-database";

beforeAll(async () => {
  await seed(testDatabase().prisma);
});

describe("home page", () => {
  it("lists published campaigns with progress, never drafts", async () => {
    const { campaigns } = pageData(await indexLoader(loaderArgs("/")));
    const slugs = campaigns.map((c) => c.slug);
    expect(slugs).toContain(AWARENESS_CAMPAIGN_SLUG);
    expect(slugs).not.toContain(DRAFT_CAMPAIGN_SLUG);
    const awareness = campaigns.find((c) => c.slug === AWARENESS_CAMPAIGN_SLUG);
    expect(awareness).toMatchObject({ goalAmount: 5_000_000, currency: "USD", raised: 0, donors: 0 });
  });

  it("hides campaigns that have not started yet", async () => {
    await createCampaign({ slug: "starts-next-year", startsAt: new Date(Date.now() + 365 * 86_400_000) });
    const { campaigns } = pageData(await indexLoader(loaderArgs("/")));
    expect(campaigns.map((c) => c.slug)).not.toContain("starts-next-year");
  });
});

describe("campaign page", () => {
  it("renders the awareness story from Markdown with zero progress before any gift", async () => {
    const page = pageData(await campaignLoader(loaderArgs(`/campaigns/${AWARENESS_CAMPAIGN_SLUG}`, { slug: AWARENESS_CAMPAIGN_SLUG })));
    expect(page.campaign.title).toBe("Prevent sex trafficking by building community");
    expect(page.campaign.storyHtml).toContain("<h2>Know the indicators</h2>");
    expect(page.campaign.storyHtml).toMatch(/does not mean trafficking is not happening/);
    expect(page.progress).toEqual({ raised: 0, donors: 0 });
  });

  it("answers 404 for a draft, an unknown slug and a malformed slug", async () => {
    for (const slug of [DRAFT_CAMPAIGN_SLUG, "no-such-campaign", "../etc/passwd", "UPPER"]) {
      expect(await thrownStatus(() => campaignLoader(loaderArgs(`/campaigns/x`, { slug })))).toBe(404);
    }
  });

  it("answers 404 for an archived campaign", async () => {
    const archived = await createCampaign({ status: "archived" });
    expect(await thrownStatus(() => campaignLoader(loaderArgs(`/campaigns/${archived.slug}`, { slug: archived.slug })))).toBe(404);
  });

  it("escapes raw HTML that staff put in a story", async () => {
    const campaign = await createCampaign({ story: "Hello <script>alert('x')</script> <a href=\"javascript:alert(1)\">x</a>" });
    const page = pageData(await campaignLoader(loaderArgs(`/campaigns/${campaign.slug}`, { slug: campaign.slug })));
    expect(page.campaign.storyHtml).not.toMatch(/<script|<a href="javascript/);
  });

  it("counts succeeded gifts less covered fees, refunds and lost disputes", async () => {
    const campaign = await createCampaign();
    const other = await createCampaign();
    const [a, b, c, d] = await Promise.all([createDonor(), createDonor(), createDonor(), createDonor()]);
    await createDonation(campaign.id, a!.id, { grossAmount: 10_329, coveredFee: 329 }); // counts 10,000
    await createDonation(campaign.id, a!.id, { grossAmount: 2_500 }); // same donor again: 2,500
    await createDonation(campaign.id, b!.id, { grossAmount: 5_000, refundedAmount: 2_000, status: "partially_refunded" }); // 3,000
    await createDonation(campaign.id, c!.id, { grossAmount: 7_000, refundedAmount: 7_000, status: "refunded" }); // 0
    await createDonation(campaign.id, d!.id, { grossAmount: 4_000, status: "disputed", disputeStatus: "lost", disputedAmount: 4_000 }); // 0
    await createDonation(other.id, d!.id, { grossAmount: 99_900 }); // another campaign

    const expected = 10_000 + 2_500 + 3_000;
    const page = pageData(await campaignLoader(loaderArgs(`/campaigns/${campaign.slug}`, { slug: campaign.slug })));
    expect(page.progress).toEqual({ raised: expected, donors: 2 });

    // The same figure, summed independently of the totals module.
    const rows = await db().donation.findMany({ where: { campaignId: campaign.id } });
    const independent = rows.reduce(
      (sum, r) => sum + Math.max(0, r.grossAmount - r.coveredFee - r.refundedAmount - (r.disputeStatus === "lost" ? r.disputedAmount : 0)),
      0,
    );
    expect(page.progress.raised).toBe(independent);
  });
});

describe("unknown paths", () => {
  it("are a 404", async () => {
    expect(await thrownStatus(async () => catchAllLoader())).toBe(404);
  });
});
