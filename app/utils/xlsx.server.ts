import type ExcelJS from "exceljs";
import { loadExcel } from "./libraries.server";

// A table as an XLSX workbook, for every export of the app: a title, a subtitle and when it was
// made (a real date), a styled header row frozen in place, numbers as numbers, dates as dates,
// widths that fit Japanese labels, and the definitions on a sheet of their own. It prints as a
// municipal form does: A4, one page wide, the header row repeated on every page, page numbers.

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
  /** definitions and notes, on their own sheet named `notesSheetName` */
  notes?: string[];
  notesSheetName?: string;
}

/** The row the table's header is on (title, subtitle and date above it). */
const HEADER_ROW = 4;
/**
 * Column widths (in characters) that print at 9 pt or more on a portrait A4 page fitted to width
 * (76 fit at 100 %, 111 on landscape — measured with LibreOffice); wider goes landscape.
 */
const PORTRAIT_WIDTH = 92;

/** Print settings shared by every sheet the app writes. */
export function printAsForm(sheet: ExcelJS.Worksheet, headerRow?: number) {
  const columns = Math.max(1, sheet.columnCount);
  const width = Array.from({ length: columns }, (_, i) => sheet.getColumn(i + 1).width ?? 9).reduce((a, b) => a + b, 0);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4; without it LibreOffice and some printers fall back to Letter
    orientation: width > PORTRAIT_WIDTH ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(headerRow ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
  };
  sheet.headerFooter = { oddFooter: "&P / &N" };
}

/** Full-width characters take about two columns. */
function displayWidth(value: XlsxCell) {
  if (value instanceof Date) return 16;
  const text = String(value ?? "");
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) <= 0xff ? 1 : 2;
  return width;
}

/** A further sheet of the same workbook: another part of a table too wide for one page. */
export interface XlsxPart {
  sheetName: string;
  header: string[];
  body: XlsxCell[][];
}

export async function tableWorkbook(input: XlsxTable & { parts?: XlsxPart[] }) {
  const book = new (await loadExcel()).Workbook();
  book.creator = "Data Academy Manager";
  book.created = input.generatedAt;
  addTableSheet(book, input, input);
  for (const part of input.parts ?? []) addTableSheet(book, input, part);
  if (input.notes?.length) {
    const notes = book.addWorksheet(input.notesSheetName ?? "Notes");
    notes.addRow([input.title]).font = { bold: true, size: 14 };
    notes.addRow([]);
    for (const note of input.notes) notes.addRow([note]).alignment = { wrapText: true, vertical: "top" };
    notes.getColumn(1).width = 90;
    printAsForm(notes);
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

function addTableSheet(book: ExcelJS.Workbook, input: XlsxTable, table: XlsxPart & { total?: XlsxCell[] }) {
  const sheet = book.addWorksheet(table.sheetName, { views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 1 }] });
  sheet.addRow([input.title]).font = { bold: true, size: 14 };
  sheet.addRow([input.subtitle]);
  const made = sheet.addRow([input.generatedLabel, wallClock(input.generatedAt)]);
  made.getCell(2).numFmt = "yyyy/mm/dd hh:mm";
  const header = sheet.addRow(table.header);
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF0017C1" } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "thin" } };
  });
  header.height = 48;
  // formats cell by cell (a column format would also reformat the title rows above)
  const formatted = (row: ExcelJS.Row) =>
    row.eachCell((cell, col) => {
      // long names and comments wrap inside their column instead of being cut off on paper
      cell.alignment = typeof cell.value === "string" ? { vertical: "top", wrapText: true } : { vertical: "top" };
      if (cell.value instanceof Date) cell.numFmt = cell.value.getUTCHours() === 0 && cell.value.getUTCMinutes() === 0 ? "yyyy/mm/dd" : "yyyy/mm/dd hh:mm";
      else if (col > 1 && typeof cell.value === "number") cell.numFmt = Number.isInteger(cell.value) ? "#,##0" : "#,##0.0";
    });
  for (const line of table.body) formatted(sheet.addRow(cells(line)));
  if (table.total) {
    const total = sheet.addRow(cells(table.total));
    formatted(total);
    total.font = { bold: true };
    total.eachCell((cell) => (cell.border = { top: { style: "thin" } }));
  }
  // Widths that print at about 9 pt or more: a value's length, capped (long text wraps); the
  // header wraps onto up to three lines, so it asks for a third of its length.
  table.header.forEach((h, i) => {
    const values = table.body.slice(0, 500).map((r) => r[i] ?? null);
    const dates = values.filter((v): v is Date => v instanceof Date).map(wallClock);
    const longest = Math.max(displayWidth(h) / 3, ...values.filter((v) => !(v instanceof Date)).map(displayWidth), ...dates.map((d) => (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? 10 : 15)));
    sheet.getColumn(i + 1).width = Math.min(i === 0 ? 24 : 18, Math.max(i === 0 ? 12 : 7, longest + 1));
  });
  // the date the table was made spans a few columns, so narrow ones do not show ####
  if (table.header.length > 2) sheet.mergeCells(3, 2, 3, Math.min(4, table.header.length));
  printAsForm(sheet, HEADER_ROW);
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
