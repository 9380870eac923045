import { micromark } from "micromark";

/**
 * Renders campaign stories. Content is Markdown only: raw HTML in it is shown
 * as text, never interpreted, and link targets with unsafe protocols
 * (javascript:, data: ...) are dropped by micromark's defaults, which we
 * state explicitly here so nobody turns them on by accident.
 */
export function renderMarkdown(source: string): string {
  return micromark(source, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
  });
}
