import fs from "node:fs";
import { parse } from "csv-parse";
import type ExcelJS from "exceljs";
import { loadExcel } from "~/utils/libraries.server";
import iconv from "iconv-lite";
import { cellKinds, columnLetter, headerCategory, isBirthDateColumn, isBirthEraDate, isPostalCode, parseDateCell, type CellKind, type HeaderCategory } from "./detectors";

// The personal-information scan of an uploaded table, streamed row by row (a 50 MB CSV is
// never held whole). Findings record where (sheet, row, column, header) and what, never the
// value itself: the scan result is shown to facilitators and must not copy the data it warns of.

export type FindingKind = CellKind | "birth_date" | "header";

export interface Finding {
  kind: FindingKind;
  /** header findings: what the header names */
  category?: HeaderCategory;
  sheet: string | null;
  /** 1-based, as a spreadsheet shows it */
  row: number;
  column: number;
  columnLabel: string;
  header: string;
}

export interface ScanResult {
  /** refused: a My Number was found; needs_confirmation: other personal data; clean: none */
  status: "clean" | "needs_confirmation" | "refused";
  findings: Finding[];
  counts: Partial<Record<FindingKind, number>>;
  rows: number;
}

/** Findings kept per kind (the counts cover all). */
const KEEP_PER_KIND = 20;
const SAMPLE_BYTES = 64 * 1024;

interface Row {
  sheet: string | null;
  number: number;
  cells: string[];
  /** years of cells that were real dates (XLSX) */
  dateYears?: (number | null)[];
}

class Collector {
  findings: Finding[] = [];
  counts: Partial<Record<FindingKind, number>> = {};
  rows = 0;
  private headers = new Map<string | null, string[]>();
  private dates = new Map<string, { sheet: string | null; column: number; years: number[]; rows: number[] }>();

  add(finding: Omit<Finding, "columnLabel" | "header">) {
    const header = this.headers.get(finding.sheet)?.[finding.column - 1] ?? "";
    const count = (this.counts[finding.kind] ?? 0) + 1;
    this.counts[finding.kind] = count;
    if (count <= KEEP_PER_KIND) this.findings.push({ ...finding, columnLabel: columnLetter(finding.column), header });
  }

  row(row: Row) {
    this.rows++;
    if (!this.headers.has(row.sheet)) {
      if (row.cells.every((c) => !c.trim())) return;
      this.headers.set(row.sheet, row.cells.map((c) => c.trim().slice(0, 100)));
      row.cells.forEach((cell, i) => {
        const category = headerCategory(cell);
        if (category) this.add({ kind: "header", category, sheet: row.sheet, row: row.number, column: i + 1 });
      });
      return;
    }
    const rowHasPostalCode = row.cells.some((c) => c.length <= 12 && isPostalCode(c));
    row.cells.forEach((cell, i) => {
      if (!cell) return;
      for (const kind of cellKinds(cell, rowHasPostalCode)) this.add({ kind, sheet: row.sheet, row: row.number, column: i + 1 });
      const parsed = row.dateYears?.[i] != null ? { year: row.dateYears[i]!, era: null } : cell.length <= 20 ? parseDateCell(cell) : null;
      if (!parsed) return;
      if (isBirthEraDate(parsed)) {
        this.add({ kind: "birth_date", sheet: row.sheet, row: row.number, column: i + 1 });
        return;
      }
      const key = `${row.sheet ?? ""}\u0000${i}`;
      const column = this.dates.get(key) ?? { sheet: row.sheet, column: i + 1, years: [], rows: [] };
      if (column.years.length < 5000) {
        column.years.push(parsed.year);
        column.rows.push(row.number);
      }
      this.dates.set(key, column);
    });
  }

  result(): ScanResult {
    for (const column of this.dates.values()) {
      const header = this.headers.get(column.sheet)?.[column.column - 1] ?? "";
      if (isBirthDateColumn(header, column.years)) {
        for (const row of column.rows) this.add({ kind: "birth_date", sheet: column.sheet, row, column: column.column });
      }
    }
    const status = this.counts.my_number ? "refused" : this.findings.length > 0 ? "needs_confirmation" : "clean";
    return { status, findings: this.findings, counts: this.counts, rows: this.rows };
  }
}

/** UTF-8 (with or without BOM) or, when the start does not decode as UTF-8, Shift_JIS (CP932). */
function csvEncoding(file: string): "utf8" | "cp932" {
  const fd = fs.openSync(file, "r");
  try {
    const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, fs.fstatSync(fd).size));
    fs.readSync(fd, sample, 0, sample.length, 0);
    const body = sample.length === SAMPLE_BYTES ? sample.subarray(0, sample.length - 4) : sample;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(body);
      return "utf8";
    } catch {
      return "cp932";
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function* csvRows(file: string): AsyncGenerator<Row> {
  const parser = fs
    .createReadStream(file)
    .pipe(iconv.decodeStream(csvEncoding(file)))
    .pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 1_000_000 }));
  let number = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    number++;
    yield { sheet: null, number, cells: record.map((c) => String(c ?? "")) };
  }
}

function cellText(value: ExcelJS.CellValue): { text: string; year: number | null } {
  if (value === null || value === undefined) return { text: "", year: null };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), year: value.getUTCFullYear() };
  if (typeof value === "object") {
    if ("richText" in value) return { text: value.richText.map((r) => r.text).join(""), year: null };
    if ("text" in value && typeof value.text === "string") return { text: value.text, year: null };
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    return { text: "", year: null };
  }
  return { text: String(value), year: null };
}

async function* xlsxRows(file: string): AsyncGenerator<Row> {
  const reader = new (await loadExcel()).stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit" });
  for await (const worksheet of reader) {
    const sheet = (worksheet as unknown as { name?: string }).name ?? null;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = values.map((v) => cellText(v as ExcelJS.CellValue));
      yield { sheet, number: row.number, cells: cells.map((c) => c.text), dateYears: cells.map((c) => c.year) };
    }
  }
}

/** Scan a CSV or XLSX file already checked for its type (and, for XLSX, for zip bombs). */
export async function scanTable(file: string, kind: "csv" | "xlsx"): Promise<ScanResult> {
  const collector = new Collector();
  for await (const row of kind === "csv" ? csvRows(file) : xlsxRows(file)) collector.row(row);
  return collector.result();
}
