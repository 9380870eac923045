import { micromark } from "micromark";

/** Stories change rarely and are read on every campaign page: each text is rendered once. */
const rendered = new Map<string, string>();
const REMEMBERED_STORIES = 100;

/**
 * Renders campaign stories. Content is Markdown only: raw HTML in it is shown
 * as text, never interpreted, and link targets with unsafe protocols
 * (javascript:, data: ...) are dropped by micromark's defaults, which we
 * state explicitly here so nobody turns them on by accident.
 */
export function renderMarkdown(source: string): string {
  const known = rendered.get(source);
  if (known !== undefined) return known;
  const html = micromark(source, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
  });
  if (rendered.size >= REMEMBERED_STORIES) rendered.delete(rendered.keys().next().value as string);
  rendered.set(source, html);
  return html;
}
