import type { Language } from "~/i18n/catalogues";

/**
 * A campaign's words in one language other than the default
 * (Campaign.translations holds one per language, written by the staff
 * editor, which checks them with Zod; emails and pages read them here).
 */
export interface CampaignText {
  title: string;
  summary: string;
  story: string;
}

function isFilled(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/** The stored translations, language by language; an entry without all three texts counts as missing. */
export function campaignTranslations(stored: unknown): Partial<Record<string, CampaignText>> {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const found: Partial<Record<string, CampaignText>> = {};
  for (const [lang, value] of Object.entries(stored as Record<string, unknown>)) {
    const text = (value ?? {}) as Record<string, unknown>;
    if (isFilled(text.title) && isFilled(text.summary) && isFilled(text.story)) {
      found[lang] = { title: text.title, summary: text.summary, story: text.story };
    }
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
