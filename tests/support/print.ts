import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * How a workbook prints, read by programs other than the one that wrote it: LibreOffice turns
 * it into a PDF (every sheet, as a printer would get it), poppler's pdfinfo and pdftotext read
 * the pages. Text size comes from the words' boxes: a line of text is 1.3 times its point size
 * high in LibreOffice's output (11 pt → 14.3 pt box, checked with Carlito and Noto Sans CJK).
 */
export interface PrintedPage {
  width: number;
  height: number;
  text: string;
  /** the smallest text on the page, in points */
  smallestPt: number;
}

const LINE_PER_PT = 1.3;

export function printWorkbook(bytes: Uint8Array, keepPdfAt?: string): PrintedPage[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "print-"));
  try {
    const file = path.join(dir, "book.xlsx");
    fs.writeFileSync(file, bytes);
    // A profile of its own: two conversions at once must not share LibreOffice's lock.
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 120_000 });
    const pdf = path.join(dir, "book.pdf");
    if (keepPdfAt) fs.copyFileSync(pdf, keepPdfAt);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 0);
    return Array.from({ length: pages }, (_, i) => {
      const n = String(i + 1);
      const info = execFileSync("pdfinfo", ["-f", n, "-l", n, pdf], { encoding: "utf8" });
      const size = /Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
      const bbox = execFileSync("pdftotext", ["-f", n, "-l", n, "-bbox", pdf, "-"], { encoding: "utf8" });
      const words = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)];
      const heights = words.map((w) => (Number(w[2]) - Number(w[1])) / LINE_PER_PT);
      return {
        width: Number(size[1]),
        height: Number(size[2]),
        text: execFileSync("pdftotext", ["-f", n, "-l", n, "-layout", pdf, "-"], { encoding: "utf8" }),
        smallestPt: heights.length ? Math.min(...heights) : Infinity,
      };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A4 is 595 × 842 pt, either way round. */
export function isA4(page: PrintedPage) {
  const [short, long] = [Math.min(page.width, page.height), Math.max(page.width, page.height)];
  return Math.abs(short - 595.3) < 2 && Math.abs(long - 841.9) < 2;
}
