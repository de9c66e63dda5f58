import ExcelJS from "exceljs";

// A table as an XLSX workbook, for every export of the app: a title, a subtitle and when it was
// made (a real date), a styled header row frozen in place, numbers as numbers, dates as dates,
// widths that fit Japanese labels, notes (definitions) below.

export type XlsxCell = string | number | Date | null;

/** Spreadsheet dates have no time zone: write the Tokyo wall-clock time (what people read). */
const TOKYO_MS = 9 * 3600_000;
const wallClock = (date: Date) => new Date(date.getTime() + TOKYO_MS);
const cells = (row: XlsxCell[]) => row.map((v) => (v instanceof Date ? wallClock(v) : v));

export interface XlsxTable {
  sheetName: string;
  title: string;
  subtitle: string;
  generatedAt: Date;
  generatedLabel: string;
  header: string[];
  body: XlsxCell[][];
  total?: XlsxCell[];
  notes?: string[];
}

/** Full-width characters take about two columns. */
function displayWidth(value: XlsxCell) {
  if (value instanceof Date) return 16;
  const text = String(value ?? "");
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) <= 0xff ? 1 : 2;
  return width;
}

export async function tableWorkbook(input: XlsxTable) {
  const book = new ExcelJS.Workbook();
  book.creator = "Data Academy Manager";
  book.created = input.generatedAt;
  const sheet = book.addWorksheet(input.sheetName, { views: [{ state: "frozen", ySplit: 4, xSplit: 1 }] });
  sheet.addRow([input.title]).font = { bold: true, size: 14 };
  sheet.addRow([input.subtitle]);
  const made = sheet.addRow([input.generatedLabel, wallClock(input.generatedAt)]);
  made.getCell(2).numFmt = "yyyy/mm/dd hh:mm";
  const header = sheet.addRow(input.header);
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF0017C1" } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "thin" } };
  });
  header.height = 36;
  // formats cell by cell (a column format would also reformat the title rows above)
  const formatted = (row: ExcelJS.Row) =>
    row.eachCell((cell, col) => {
      if (cell.value instanceof Date) cell.numFmt = cell.value.getUTCHours() === 0 && cell.value.getUTCMinutes() === 0 ? "yyyy/mm/dd" : "yyyy/mm/dd hh:mm";
      else if (col > 1 && typeof cell.value === "number") cell.numFmt = Number.isInteger(cell.value) ? "#,##0" : "#,##0.0";
    });
  for (const line of input.body) formatted(sheet.addRow(cells(line)));
  if (input.total) {
    const total = sheet.addRow(cells(input.total));
    formatted(total);
    total.font = { bold: true };
    total.eachCell((cell) => (cell.border = { top: { style: "thin" } }));
  }
  if (input.notes?.length) {
    sheet.addRow([]);
    for (const note of input.notes) sheet.addRow([note]);
  }
  input.header.forEach((h, i) => {
    const longest = Math.max(displayWidth(h) * 0.8, ...input.body.slice(0, 500).map((r) => displayWidth(r[i] ?? null)));
    // the second column also holds the date the table was made
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(i === 0 ? 16 : i === 1 ? 18 : 10, longest + 2));
  });
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
