import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Markdown to HTML that is safe to put in the page: markdown-it with raw HTML disabled, then an
// allow-list sanitiser as a second wall (uploads and future editors may be less trusted).
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderMarkdown(source: string): string {
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
