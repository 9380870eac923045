import type { Campaign } from "~/generated/prisma/client";
import { renderMarkdown } from "~/utils/markdown.server";

/**
 * A campaign's story as HTML, rendered once per campaign row read and
 * language: the rows are kept in memory until a campaign changes (decision
 * 030), so a page renders the Markdown once per version of the story and
 * language, not once per request.
 */
const rendered = new WeakMap<Campaign, Map<string, string>>();

/** `text` is the story in the language shown (campaignIn); without it, the default language's. */
export function storyHtml(campaign: Campaign, text: { lang: string; story: string } = { lang: "", story: campaign.story }): string {
  let byLanguage = rendered.get(campaign);
  if (!byLanguage) {
    byLanguage = new Map();
    rendered.set(campaign, byLanguage);
  }
  let html = byLanguage.get(text.lang);
  if (html === undefined) {
    html = renderMarkdown(text.story);
    byLanguage.set(text.lang, html);
  }
  return html;
}
