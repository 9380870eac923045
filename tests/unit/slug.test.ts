import { describe, expect, it } from "vitest";

import { isCampaignSlug, SLUG_MAX, slugFromTitle } from "~/campaigns/slug";
import { CampaignParamsSchema } from "~/giving/page-inputs.server";

describe("a campaign's address", () => {
  it("is lowercase words of a–z and 0–9 joined by single hyphens, at most SLUG_MAX characters", () => {
    for (const good of ["end-trafficking", "safe-housing-2027", "a", "x".repeat(SLUG_MAX)]) expect(isCampaignSlug(good), good).toBe(true);
    for (const bad of ["", "End", "two--hyphens", "-lead", "trail-", "spa ce", "émigré", "x".repeat(SLUG_MAX + 1)]) {
      expect(isCampaignSlug(bad), bad).toBe(false);
    }
  });

  it("is checked by the public route with the same rule", () => {
    expect(CampaignParamsSchema.safeParse({ slug: "safe-housing-2027" }).success).toBe(true);
    expect(CampaignParamsSchema.safeParse({ slug: "Safe-Housing" }).success).toBe(false);
    expect(CampaignParamsSchema.safeParse({ slug: "x".repeat(SLUG_MAX + 1) }).success).toBe(false);
  });

  it("made from a title always passes the rule and leaves room for a -2 suffix", () => {
    expect(slugFromTitle("Safe housing for survivors — 2027!")).toBe("safe-housing-for-survivors-2027");
    expect(slugFromTitle("Café & Crème")).toBe("cafe-and-creme");
    expect(slugFromTitle("!!!")).toBe("campaign");
    const long = slugFromTitle("word ".repeat(60));
    expect(isCampaignSlug(long) && long.length <= SLUG_MAX - 4).toBe(true);
  });
});
