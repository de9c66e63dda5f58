import { createRequire } from "node:module";
import type Token from "markdown-it/lib/token.mjs";
import { loadMarkdownIt, loadPdfKit } from "~/utils/libraries.server";

// A text material (handout) as an A4 PDF, rendered from the same Markdown the page shows, with
// Noto Sans JP embedded (only the glyphs used): a typical LGWAN PC opens a PDF, not a .md file.
// Headings, paragraphs with bold/italic/code, nested lists and check lists, quotes, code blocks
// (the issue trees drawn with ├─), tables with the header repeated after a page break, rules;
// every page carries the title and "n / N". Images are not drawn (the curriculum has none).

const require = createRequire(import.meta.url);
const FONT = {
  regular: require.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf"),
};


const PAGE = { margin: 56, footer: 28 };
const SIZE = { body: 10.5, h1: 18, h2: 14, h3: 12, h4: 11, small: 8.5, code: 9 };
const COLOR = { text: "#1a1a1a", muted: "#555555", rule: "#999999", fill: "#f1f1f4", header: "#e3e8f7", link: "#0017c1" };

export interface HandoutFacts {
  title: string;
  /** printed under the title: the academy and the version */
  subtitle: string;
  body: string;
}

interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  link?: string;
}

/** An inline token's children as runs of text with their style. */
function segments(inline: Token | undefined): Segment[] {
  const out: Segment[] = [];
  let bold = false;
  let italic = false;
  let link: string | undefined;
  for (const child of inline?.children ?? []) {
    switch (child.type) {
      case "strong_open": bold = true; break;
      case "strong_close": bold = false; break;
      case "em_open": italic = true; break;
      case "em_close": italic = false; break;
      case "link_open": link = child.attrGet("href") ?? undefined; break;
      case "link_close": link = undefined; break;
      case "softbreak": out.push({ text: "", bold, italic, code: false }); break;
      case "hardbreak": out.push({ text: "\n", bold, italic, code: false }); break;
      case "code_inline": out.push({ text: child.content, bold, italic, code: true, link }); break;
      case "text": out.push({ text: child.content, bold, italic, code: false, link }); break;
      case "image": out.push({ text: `[${child.content || child.attrGet("alt") || ""}]`, bold, italic, code: false }); break;
      default: if (child.content) out.push({ text: child.content, bold, italic, code: false, link });
    }
  }
  // a check list item: "[ ] " / "[x] " at the start becomes a box
  const first = out[0];
  if (first && /^\[[ xX]\]\s/.test(first.text)) first.text = `${first.text.startsWith("[ ]") ? "□" : "☑"} ${first.text.slice(4)}`;
  return out.filter((s) => s.text !== "" || s === out[0]);
}

const plain = (inline: Token | undefined) => segments(inline).map((s) => s.text).join("");

export async function handoutPdf(facts: HandoutFacts): Promise<Buffer> {
  const [MarkdownIt, PDFDocument] = await Promise.all([loadMarkdownIt(), loadPdfKit()]);
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, bottom: PAGE.margin + PAGE.footer, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: { Title: facts.title, Subject: facts.subtitle, Creator: "Data Academy Manager" },
  });
  doc.registerFont("regular", FONT.regular);
  doc.registerFont("bold", FONT.bold);
  const left = PAGE.margin;
  const width = doc.page.width - PAGE.margin * 2;
  const bottom = () => doc.page.height - PAGE.margin - PAGE.footer;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  const write = (runs: Segment[], opts: { x: number; width: number; size: number; bold?: boolean; color?: string; gap?: number }) => {
    const list = runs.length ? runs : [{ text: "", bold: false, italic: false, code: false }];
    doc.fillColor(opts.color ?? COLOR.text);
    list.forEach((run, i) => {
      const last = i === list.length - 1;
      doc.font(opts.bold || run.bold ? "bold" : "regular").fontSize(run.code ? opts.size * 0.95 : opts.size);
      doc.fillColor(run.link ? COLOR.link : (opts.color ?? COLOR.text));
      const text = run.text.replace(/\t/g, "  ");
      const options = { width: opts.width, continued: !last, lineGap: 3, underline: Boolean(run.link), oblique: run.italic ? 8 : undefined };
      if (i === 0) doc.text(text, opts.x, doc.y, options);
      else doc.text(text, options);
    });
    doc.fillColor(COLOR.text);
    doc.y += opts.gap ?? 6;
  };

  // Title block
  doc.font("bold").fontSize(SIZE.h1).fillColor(COLOR.text).text(facts.title, left, doc.y, { width });
  doc.font("regular").fontSize(SIZE.small).fillColor(COLOR.muted).text(facts.subtitle, { width });
  doc.moveDown(0.4);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(1).strokeColor(COLOR.rule).stroke();
  doc.y += 10;

  const tokens = md.parse(facts.body, {});
  // lists: depth and, for ordered lists, the next number at each depth
  const lists: { ordered: boolean; next: number }[] = [];
  let quote = 0;
  let skipFirstH1 = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const indent = lists.length * 16 + quote * 14;
    switch (token.type) {
      case "heading_open": {
        const level = Number(token.tag.slice(1));
        const text = segments(tokens[i + 1]);
        i += 2;
        // the document's own first heading repeats the title printed above
        if (level === 1 && skipFirstH1 && plain(tokens[i - 1]) === facts.title.replace(/（.*?）$/, "")) {
          skipFirstH1 = false;
          break;
        }
        skipFirstH1 = false;
        const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : level === 3 ? SIZE.h3 : SIZE.h4;
        doc.y += level <= 2 ? 10 : 6;
        ensure(size * 3);
        write(text, { x: left, width, size, bold: true, gap: level === 2 ? 2 : 4 });
        if (level === 2) {
          doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
          doc.y += 6;
        }
        break;
      }
      case "paragraph_open": {
        const inline = tokens[i + 1];
        i += 2;
        if (token.hidden) {
          // the text of a tight list item: its bullet or number first
          const list = lists.at(-1);
          const marker = list?.ordered ? `${list.next++}.` : lists.length % 2 === 1 ? "・" : "–";
          ensure(SIZE.body * 2);
          const x = left + indent;
          const y = doc.y;
          doc.font("regular").fontSize(SIZE.body).fillColor(COLOR.text).text(marker, x - 14, y, { width: 14, lineBreak: false });
          doc.y = y;
          write(segments(inline), { x, width: width - indent, size: SIZE.body, gap: 2 });
        } else {
          ensure(SIZE.body * 2);
          const x = left + indent;
          const y0 = doc.y;
          write(segments(inline), { x, width: width - indent, size: SIZE.body, color: quote ? COLOR.muted : COLOR.text });
          if (quote) doc.moveTo(left + indent - 8, y0).lineTo(left + indent - 8, doc.y - 6).lineWidth(2).strokeColor(COLOR.rule).stroke();
        }
        break;
      }
      case "bullet_list_open":
        lists.push({ ordered: false, next: 1 });
        break;
      case "ordered_list_open":
        lists.push({ ordered: true, next: Number(token.attrGet("start") ?? 1) });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        if (lists.length === 0) doc.y += 4;
        break;
      case "blockquote_open":
        quote++;
        break;
      case "blockquote_close":
        quote--;
        break;
      case "fence":
      case "code_block": {
        const lines = token.content.replace(/\n$/, "").split("\n");
        doc.font("regular").fontSize(SIZE.code);
        const lineHeight = doc.currentLineHeight(true) + 2;
        let start = 0;
        // a long block continues on the next page with its shading
        while (start < lines.length) {
          ensure(lineHeight * 2 + 12);
          const room = Math.max(1, Math.floor((bottom() - doc.y - 12) / lineHeight));
          const chunk = lines.slice(start, start + room);
          const top = doc.y;
          doc.rect(left + indent, top, width - indent, chunk.length * lineHeight + 12).fill(COLOR.fill);
          doc.fillColor(COLOR.text);
          chunk.forEach((line, n) => doc.text(line || " ", left + indent + 8, top + 6 + n * lineHeight, { width: width - indent - 16, lineBreak: false, ellipsis: true }));
          doc.y = top + chunk.length * lineHeight + 12 + 8;
          start += chunk.length;
        }
        doc.x = left;
        break;
      }
      case "table_open": {
        const rows: { header: boolean; cells: Token[] }[] = [];
        let j = i + 1;
        let header = false;
        for (; j < tokens.length && tokens[j]!.type !== "table_close"; j++) {
          const t = tokens[j]!;
          if (t.type === "thead_open") header = true;
          if (t.type === "thead_close") header = false;
          if (t.type === "tr_open") rows.push({ header, cells: [] });
          if (t.type === "inline") rows.at(-1)?.cells.push(t);
        }
        i = j;
        drawTable(doc, rows, { x: left + indent, width: width - indent, bottom, write });
        break;
      }
      case "hr":
        doc.y += 4;
        doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
        doc.y += 10;
        break;
      default:
        break;
    }
  }

  // The title and page numbers on every page, in the bottom margin.
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    const y = doc.page.height - PAGE.margin + 4;
    doc.font("regular").fontSize(SIZE.small).fillColor(COLOR.muted);
    doc.text(facts.title, left, y, { width: width - 60, lineBreak: false, ellipsis: true });
    doc.text(`${p - range.start + 1} / ${range.count}`, left + width - 60, y, { width: 60, align: "right", lineBreak: false });
    doc.page.margins = margins;
  }
  doc.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** A table: columns as wide as their text asks (within bounds), the header again after a break. */
function drawTable(
  doc: PDFKit.PDFDocument,
  rows: { header: boolean; cells: Token[] }[],
  ctx: { x: number; width: number; bottom: () => number; write: (runs: Segment[], opts: { x: number; width: number; size: number; bold?: boolean; gap?: number }) => void },
) {
  const columns = Math.max(...rows.map((r) => r.cells.length), 1);
  const want = Array.from({ length: columns }, (_, c) => Math.max(4, ...rows.map((r) => Math.min(40, plain(r.cells[c]).length))));
  const total = want.reduce((a, b) => a + b, 0);
  const widths = want.map((w) => (ctx.width * w) / total);
  const pad = 4;
  const size = SIZE.body - 1;
  const heightOf = (row: { cells: Token[]; header: boolean }) =>
    Math.max(
      ...widths.map((w, c) => {
        doc.font(row.header ? "bold" : "regular").fontSize(size);
        return doc.heightOfString(plain(row.cells[c]) || " ", { width: w - pad * 2, lineGap: 3 });
      }),
    ) + pad * 2;
  const headerRows = rows.filter((r) => r.header);
  const drawRow = (row: { cells: Token[]; header: boolean }) => {
    const h = heightOf(row);
    const top = doc.y;
    let x = ctx.x;
    widths.forEach((w, c) => {
      if (row.header) doc.rect(x, top, w, h).fill(COLOR.header);
      doc.rect(x, top, w, h).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      doc.y = top + pad;
      ctx.write(segments(row.cells[c]), { x: x + pad, width: w - pad * 2, size, bold: row.header, gap: 0 });
      x += w;
    });
    doc.y = top + h;
  };
  doc.y += 2;
  for (const row of rows) {
    if (doc.y + heightOf(row) > ctx.bottom()) {
      doc.addPage();
      if (!row.header) headerRows.forEach(drawRow);
    }
    drawRow(row);
  }
  doc.x = ctx.x;
  doc.y += 10;
}
