import { z } from "zod";

import type { Language } from "~/i18n/catalogues";

/** A campaign's words in one language other than the default (Campaign.translations holds one per language). */
export const CampaignTextSchema = z.object({
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  story: z.string().min(1),
});
export type CampaignText = z.infer<typeof CampaignTextSchema>;

/** The stored translations, language by language; a malformed entry counts as missing. */
export function campaignTranslations(stored: unknown): Partial<Record<string, CampaignText>> {
  if (typeof stored !== "object" || stored === null) return {};
  const found: Partial<Record<string, CampaignText>> = {};
  for (const [lang, value] of Object.entries(stored)) {
    const parsed = CampaignTextSchema.safeParse(value);
    if (parsed.success) found[lang] = parsed.data;
  }
  return found;
}

/**
 * A campaign's title, summary and story in a page's language, or in the
 * default language when it has no translation into it (`translated: false`,
 * and `lang` says which language the words are in, for the page's note and
 * its `lang` attributes).
 */
export function campaignIn(
  campaign: { title: string; summary: string; story: string; translations: unknown },
  lang: Language,
  defaultLanguage: Language,
): CampaignText & { lang: Language; translated: boolean } {
  const own = { title: campaign.title, summary: campaign.summary, story: campaign.story };
  if (lang === defaultLanguage) return { ...own, lang, translated: true };
  const text = campaignTranslations(campaign.translations)[lang];
  return text ? { ...text, lang, translated: true } : { ...own, lang: defaultLanguage, translated: false };
}

/** Only the title, in the page's language (or the default one): thank-you pages and emails. */
export function campaignTitleIn(campaign: { title: string; translations: unknown }, lang: Language, defaultLanguage: Language): string {
  if (lang === defaultLanguage) return campaign.title;
  return campaignTranslations(campaign.translations)[lang]?.title ?? campaign.title;
}
