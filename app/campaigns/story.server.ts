import type { Campaign } from "~/generated/prisma/client";
import { renderMarkdown } from "~/utils/markdown.server";

/**
 * A campaign's story as HTML, rendered once per campaign row read: the rows
 * are kept in memory until a campaign changes (decision 030), so a page
 * renders the Markdown once per version of the story, not once per request.
 */
const rendered = new WeakMap<Campaign, string>();

export function storyHtml(campaign: Campaign): string {
  let html = rendered.get(campaign);
  if (html === undefined) {
    html = renderMarkdown(campaign.story);
    rendered.set(campaign, html);
  }
  return html;
}
