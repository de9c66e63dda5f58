import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render.server";

describe("renderMarkdown", async () => {
  it("renders headings, tables and code", async () => {
    const html = await renderMarkdown("# 見出し\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nx\n```");
    expect(html).toContain("<h1>見出し</h1>");
    expect(html).toContain("<table>");
    expect(html).toContain("<pre><code>x");
  });

  it("neutralises raw HTML, script and javascript: links", async () => {
    const html = await renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))');
    expect(html).not.toMatch(/<script|<img|<[^>]*onerror=|href="javascript/i);
    expect(html).toContain("&lt;script&gt;");
  });
});
