import { describe, expect, it } from "vitest";

import { renderMarkdown } from "~/utils/markdown.server";

describe("renderMarkdown", () => {
  it("renders headings, lists and emphasis", () => {
    const html = renderMarkdown("## Signs\n\n- one\n- **two**");
    expect(html).toContain("<h2>Signs</h2>");
    expect(html).toContain("<li><strong>two</strong></li>");
  });

  it("never passes raw HTML or scripts through", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<iframe src="https://evil"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops dangerous link protocols", () => {
    const html = renderMarkdown("[click](javascript:alert(1)) [data](data:text/html,hi) [ok](https://example.org)");
    expect(html).not.toMatch(/javascript:|data:text/);
    expect(html).toContain('href="https://example.org"');
  });
});
