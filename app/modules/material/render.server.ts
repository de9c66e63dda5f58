import type MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { loadMarkdownIt } from "~/utils/libraries.server";

// Markdown to HTML that is safe to put in the page: markdown-it with raw HTML disabled, then an
// allow-list sanitiser as a second wall (uploads and future editors may be less trusted).
let parser: Promise<MarkdownIt> | undefined;
const markdown = () => (parser ??= loadMarkdownIt().then((MarkdownIt) => new MarkdownIt({ html: false, linkify: true, typographer: false })));

export async function renderMarkdown(source: string): Promise<string> {
  const md = await markdown();
  return sanitizeHtml(md.render(source), {
    allowedTags: [
      "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "pre", "code",
      "em", "strong", "del", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "input",
    ],
    allowedAttributes: { a: ["href", "title"], th: ["style"], td: ["style"], input: ["type", "checked", "disabled"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedStyles: { "*": { "text-align": [/^(left|right|center)$/] } },
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }) },
  });
}
