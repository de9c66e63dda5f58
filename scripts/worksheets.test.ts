import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isA4, printWorkbook } from "../tests/support/print";

// The shipped worksheet templates print as municipal forms do: A4, one page wide, the table
// header repeated. (Checked by eye too: LibreOffice → PDF → pdftoppm, see docs/decisions/0007.)
const DIR = path.resolve("materials/worksheets");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".xlsx"));

describe("worksheet templates", () => {
  it.each(files)("%s prints on A4, one page wide, with a print area", async (file) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(DIR, file));
    expect(wb.worksheets.length).toBeGreaterThan(0);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
      expect(ws.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
      expect(["portrait", "landscape"]).toContain(ws.pageSetup.orientation);
    }
    expect(wb.worksheets.some((ws) => /^\d+:\d+$/.test(ws.pageSetup.printTitlesRow ?? ""))).toBe(true);
  });

  it.each(files)("%s prints at 9 pt or more on every A4 page (LibreOffice → PDF)", async (file) => {
    const pages = printWorkbook(new Uint8Array(fs.readFileSync(path.join(DIR, file))));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      expect(isA4(page)).toBe(true);
      expect(page.smallestPt).toBeGreaterThanOrEqual(9);
    }
  }, 120_000);

  it("gives each dataset of the data-use worksheet its own portrait page, every item on it", async () => {
    const pages = printWorkbook(new Uint8Array(fs.readFileSync(path.join(DIR, "02-data-katsuyo-kento-worksheet.xlsx"))));
    const datasetPages = pages.filter((p) => p.text.includes("（データ"));
    expect(datasetPages).toHaveLength(5);
    for (const page of datasetPages) {
      expect(page.height).toBeGreaterThan(page.width);
      for (const item of ["保有部署", "要配慮個人情報の有無", "利用目的の範囲内か", "保管場所・持ち出しの可否"]) expect(page.text).toContain(item);
    }
  }, 120_000);
});
