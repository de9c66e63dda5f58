import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

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
});
