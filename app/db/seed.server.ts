import fs from "node:fs";
import path from "node:path";

import { EXAMPLE_ORGANISATION } from "~/organisation/organisation.data.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/staff/password.server";

export const AWARENESS_CAMPAIGN_SLUG = "end-sex-trafficking";
export const DRAFT_CAMPAIGN_SLUG = "survivor-housing";

function awarenessStory(lang = ""): string {
  return fs.readFileSync(path.resolve(`app/content/awareness-campaign${lang ? `.${lang}` : ""}.md`), "utf8");
}

/** The awareness campaign in the site's other languages (Campaign.translations). */
function awarenessTranslations() {
  return {
    es: {
      title: "Prevenir la trata de personas construyendo comunidad",
      summary:
        "Los tratantes se aprovechan del aislamiento y del caos. Conozca las señales, hable del tema y ayude a que las sobrevivientes encuentren una comunidad que las acompañe.",
      story: awarenessStory("es"),
    },
  };
}

/**
 * Example data for a new site: the organisation's (clearly example) settings,
 * the published awareness campaign and a draft. Idempotent: it only creates
 * what is missing and never overwrites what staff changed.
 */
export async function seed(
  prisma: PrismaClient,
  options: { demoAdmin?: { email: string; password: string } } = {},
): Promise<{ created: string[] }> {
  const created: string[] = [];

  const organisation = await prisma.organisation.findUnique({ where: { id: 1 } });
  if (!organisation) {
    await prisma.organisation.create({ data: { id: 1, ...EXAMPLE_ORGANISATION } });
    created.push("organisation settings (example values)");
  }

  const campaigns = [
    {
      slug: AWARENESS_CAMPAIGN_SLUG,
      title: "Prevent sex trafficking by building community",
      summary:
        "Traffickers feed on isolation and chaos. Learn the signs, talk about it, and help survivors find a community that stands with them.",
      story: awarenessStory(),
      translations: awarenessTranslations(),
      goalAmount: 5_000_000,
      currency: "USD",
      presetAmounts: [2_500, 5_000, 10_000, 25_000],
      status: "published" as const,
      startsAt: new Date("2026-01-01T00:00:00Z"),
    },
    {
      slug: DRAFT_CAMPAIGN_SLUG,
      title: "Safe housing for survivors",
      summary: "A safe place to sleep is the first step out. This campaign is still being written.",
      story: "## Draft\n\nThe story of this campaign is not written yet.",
      goalAmount: 12_000_000,
      currency: "USD",
      presetAmounts: [5_000, 10_000, 25_000, 50_000],
      status: "draft" as const,
    },
  ];
  for (const campaign of campaigns) {
    const existing = await prisma.campaign.findUnique({ where: { slug: campaign.slug } });
    if (existing) {
      // A site seeded before campaigns had translations gets them, once, if staff wrote none.
      const none = typeof existing.translations !== "object" || Object.keys(existing.translations ?? {}).length === 0;
      if (none && "translations" in campaign) {
        await prisma.campaign.update({ where: { id: existing.id }, data: { translations: campaign.translations } });
        created.push(`translations of campaign ${campaign.slug}`);
      }
      continue;
    }
    await prisma.campaign.create({ data: campaign });
    created.push(`campaign ${campaign.slug} (${campaign.status})`);
  }

  const demoAdmin = options.demoAdmin;
  if (demoAdmin && !(await prisma.staffUser.findUnique({ where: { email: demoAdmin.email } }))) {
    await prisma.staffUser.create({
      data: { email: demoAdmin.email, name: "Demo admin", role: "admin", passwordHash: await hashPassword(demoAdmin.password) },
    });
    created.push(`demo staff admin ${demoAdmin.email}`);
  }

  return { created };
}
