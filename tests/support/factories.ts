import crypto from "node:crypto";

import { db } from "~/db/db.server";
import type { Prisma } from "~/generated/prisma/client";

/** Small builders for rows the tests need, with realistic defaults. */
export async function createCampaign(overrides: Partial<Prisma.CampaignUncheckedCreateInput> = {}) {
  const slug = overrides.slug ?? `campaign-${crypto.randomBytes(4).toString("hex")}`;
  return db().campaign.create({
    data: {
      slug,
      title: `Campaign ${slug}`,
      summary: "A test campaign",
      story: "## Story\n\nText.",
      goalAmount: 100_000,
      currency: "USD",
      presetAmounts: [2_500, 5_000],
      status: "published",
      ...overrides,
    },
  });
}

export async function createDonor(email = `donor-${crypto.randomBytes(4).toString("hex")}@example.org`) {
  return db().donor.create({ data: { email, name: "Test Donor" } });
}

export async function createDonation(campaignId: string, donorId: string, overrides: Partial<Prisma.DonationUncheckedCreateInput> = {}) {
  return db().donation.create({
    data: {
      campaignId,
      donorId,
      frequency: "once",
      currency: "USD",
      grossAmount: 5_000,
      stripePaymentIntentId: `pi_${crypto.randomBytes(8).toString("hex")}`,
      paidAt: new Date(),
      ...overrides,
    },
  });
}
