/** Escapes text for HTML email bodies. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/**
 * A plain, accessible HTML email: one column, real headings and paragraphs,
 * no images, readable with styles off and by screen readers.
 */
export function emailDocument(title: string, bodyHtml: string, lang = "en"): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#0f172a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div role="article" aria-label="${escapeHtml(title)}" style="max-width:600px;margin:0 auto">
${bodyHtml}
</div>
</body>
</html>`;
}

/** The lines of a plain-text email as HTML paragraphs (its blank lines only separate them). */
export function paragraphsHtml(lines: string[]): string {
  return lines
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("\n");
}
