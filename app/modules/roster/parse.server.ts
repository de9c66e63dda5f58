import { parse } from "csv-parse/sync";
import { loadExcel } from "~/utils/libraries.server";
import { inspectZip } from "~/modules/files/zip-guard.server";
import { isCleanLine } from "~/utils/text-safety";
import { z } from "zod";
import { parseLgCode } from "~/modules/municipality/lg-code";
import { decodeRoster } from "./decode.server";
import { headerKey, NAME_PARTS, ROSTER_COLUMNS, TEAM_ROLE_WORDS, type RosterKey } from "./columns";
import { looksLikeFormula, tidy, toFullWidthKana, toHalfWidthAscii } from "./normalize";

export const MAX_ROSTER_BYTES = 5 * 1024 * 1024;
/** The confirm step posts the checked rows back (signed): up to 2,000 rows, percent-encoded. */
const ROSTER_ZIP_LIMITS = { maxUncompressedBytes: 30 * 1024 * 1024, maxEntries: 1_000 };
export const ROSTER_FORM_MAX_BYTES = 8 * 1024 * 1024;
export const MAX_ROSTER_ROWS = 2000;

export interface RosterRow {
  line: number;
  displayName: string;
  kana: string;
  email: string;
  /** 6-digit code; empty when the file named the government instead (resolved against the region) */
  municipalityCode: string;
  municipalityName: string;
  department: string;
  teamName: string;
  /** the team's theme (テーマ), filled into a new team or a team without one */
  themeTitle: string;
  teamRole: "problem_owner" | "data_holder" | "other";
}

export interface RowError {
  line: number;
  column: RosterKey | "row";
  error: string;
  params?: Record<string, string | number>;
}

/** Which file columns (0-based) hold which roster field: one, or two joined with a space (姓 + 名). */
export type ColumnMapping = Partial<Record<RosterKey, number[]>>;

/** A row as the file (or the person fixing it in the preview) wrote it, field by field. */
export interface RawRow {
  line: number;
  values: Record<RosterKey, string>;
}

/** A row of the file offered as the header row in the mapping step. */
export interface HeaderCandidate {
  row: number;
  text: string;
}

export interface CheckedRows {
  rows: RosterRow[];
  errors: RowError[];
  /** the rows with errors, as written, so they can be fixed in the preview */
  invalid: RawRow[];
  total: number;
}

export type ParsedRoster =
  | ({ ok: true; encoding: string; headerRow: number } & CheckedRows)
  | { ok: false; error: string; params?: Record<string, string | number> }
  /** Headers we could not place: the person maps them (the guesses pre-filled), or points at another header row. */
  | {
      ok: false;
      error: "roster.error.needsMapping";
      params: Record<string, string>;
      headers: string[];
      guessed: ColumnMapping;
      headerRow: number;
      candidates: HeaderCandidate[];
    };

/** How far down a title block may push the header row (「令和8年度 … 参加者名簿」, a date, blank lines). */
export const HEADER_SEARCH_ROWS = 20;
/** The longest cell kept when a row is handed back for fixing. */
const MAX_CELL = 300;

const emailCheck = z.email();

async function xlsxRows(bytes: Uint8Array): Promise<string[][] | null> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, ROSTER_COLUMNS.length); c++) {
      const cell = row.getCell(c);
      // A merged title reads once, not in every cell it covers.
      if (cell.isMerged && cell.master !== cell) cells.push("");
      // A formula cell counts as its formula text, so it is refused like a CSV one.
      else cells.push(cell.formula ? `=${cell.formula}` : cell.text ?? "");
    }
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function csvRows(text: string): string[][] | null {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, relax_quotes: true }) as string[][];
  } catch {
    return null;
  }
}

const matches = (cell: string | undefined, names: readonly string[]) => {
  const key = headerKey(cell ?? "");
  return key !== "" && names.some((n) => headerKey(n) === key);
};

/** Map header cells to column keys by their known names; 姓/名 and セイ/メイ pairs onto one field. */
export function guessMapping(header: string[]): ColumnMapping {
  const index: ColumnMapping = {};
  header.forEach((cell, i) => {
    const column = ROSTER_COLUMNS.find((c) => matches(cell, c.headers));
    if (column && index[column.key] === undefined) index[column.key] = [i];
  });
  for (const part of NAME_PARTS) {
    if (index[part.key]) continue;
    const family = header.findIndex((c) => matches(c, part.family));
    const given = header.findIndex((c) => matches(c, part.given));
    if (family >= 0 && given >= 0) index[part.key] = [family, given];
  }
  return index;
}

/** The row that holds the headers: the one among the first rows that names the most fields. */
export function findHeaderRow(table: string[][]): number {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, table.length); r++) {
    const score = Object.keys(guessMapping(table[r] ?? [])).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  // Nothing recognised: the first row with anything in it (the person can point at another).
  const first = table.findIndex((cells) => cells.some((c) => tidy(c ?? "") !== ""));
  return Math.max(0, first);
}

/** Required fields the mapping leaves out (a government needs its code or its name). */
export function missingColumns(index: ColumnMapping): RosterKey[] {
  const missing: RosterKey[] = ROSTER_COLUMNS.filter((c) => c.required && !index[c.key]?.length).map((c) => c.key);
  if (!index.municipalityCode?.length && !index.municipalityName?.length) missing.push("municipalityCode");
  return missing;
}

const EMPTY_VALUES = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, ""])) as Record<RosterKey, string>;

/** A file row's fields by the mapping; two columns are joined with a space, a formula part kept visible. */
export function rowValues(cells: string[], index: ColumnMapping): Record<RosterKey, string> {
  const values = { ...EMPTY_VALUES };
  for (const column of ROSTER_COLUMNS) {
    const parts = (index[column.key] ?? []).map((i) => String(cells[i] ?? ""));
    values[column.key] = parts.find((p) => looksLikeFormula(tidy(p))) ?? parts.map(tidy).filter(Boolean).join(" ");
  }
  return values;
}

/** A checked row's fields as text again, to be checked once more with rows fixed in the preview. */
export function rosterRowValues(row: RosterRow): Record<RosterKey, string> {
  return {
    displayName: row.displayName,
    kana: row.kana,
    email: row.email,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    department: row.department,
    teamName: row.teamName,
    teamRole: row.teamRole,
    themeTitle: row.themeTitle,
  };
}

/** A short text of a file row, to point at it as the header row. */
function candidateText(cells: string[]) {
  return cells.map((c) => tidy(String(c ?? ""))).filter(Boolean).join(" | ").slice(0, 80);
}

/**
 * Read and check a roster file without touching the database. The header row is found among
 * the first rows (a title block above it is skipped) and its headers recognised by name; when a
 * required one cannot be found the caller gets the headers back to map by hand (or to point at
 * another header row), and calls again with `mapping` / `headerRow`. Blank rows and columns no
 * field is mapped to are ignored.
 */
export async function parseRoster(bytes: Uint8Array, options: { mapping?: ColumnMapping; headerRow?: number } = {}): Promise<ParsedRoster> {
  if (bytes.length > MAX_ROSTER_BYTES) return { ok: false, error: "roster.error.tooLarge", params: { mb: MAX_ROSTER_BYTES / 1024 / 1024 } };
  const decoded = decodeRoster(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  if (decoded.kind === "xlsx") {
    // A roster of 2,000 rows unpacks to a few MB; anything far bigger is refused before ExcelJS opens it.
    const zip = await inspectZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ROSTER_ZIP_LIMITS);
    if (!zip.ok && zip.problem === "zip.invalid") return { ok: false, error: "roster.error.badXlsx" };
    if (!zip.ok) return { ok: false, error: "roster.error.unpackedTooLarge", params: { mb: ROSTER_ZIP_LIMITS.maxUncompressedBytes / 1024 / 1024 } };
  }
  const table = decoded.kind === "xlsx" ? await xlsxRows(bytes) : csvRows(decoded.text);
  if (!table) return { ok: false, error: decoded.kind === "xlsx" ? "roster.error.badXlsx" : "roster.error.badCsv" };
  const headerRow = options.headerRow !== undefined && options.headerRow < table.length ? options.headerRow : findHeaderRow(table);
  const header = table[headerRow] ?? [];
  const body = table.slice(headerRow + 1);
  const index = options.mapping ?? guessMapping(header);
  const missing = missingColumns(index);
  if (missing.length > 0) {
    const headers = header.map((h) => tidy(String(h ?? "")).slice(0, 60));
    if (options.mapping || table.every((cells) => cells.every((c) => tidy(c ?? "") === ""))) {
      return { ok: false, error: "roster.error.missingColumns", params: { columns: missing.join(",") } };
    }
    const candidates = table
      .slice(0, HEADER_SEARCH_ROWS)
      .map((cells, row) => ({ row, text: candidateText(cells) }))
      .filter((c) => c.text !== "");
    return { ok: false, error: "roster.error.needsMapping", params: { columns: missing.join(",") }, headers, guessed: index, headerRow, candidates };
  }
  const records: RawRow[] = [];
  body.forEach((cells, i) => {
    const values = rowValues(cells, index);
    // A blank row, or one with only unmapped cells (a note, 「以下余白」), is not a person.
    if (Object.values(values).every((v) => tidy(v) === "")) return;
    records.push({ line: headerRow + i + 2, values });
  });
  if (records.length > MAX_ROSTER_ROWS) return { ok: false, error: "roster.error.tooManyRows", params: { max: MAX_ROSTER_ROWS } };
  return { ok: true, ...checkRosterRows(records), encoding: decoded.kind === "xlsx" ? "xlsx" : decoded.encoding, headerRow };
}

/**
 * The checks that need no database, row by row and across rows (the same address twice). Used
 * for a file and again for the rows a person fixed in the preview.
 */
export function checkRosterRows(records: RawRow[]): CheckedRows {
  const rows: RosterRow[] = [];
  const errors: RowError[] = [];
  const invalidLines = new Set<number>();
  let total = 0;
  for (const { line, values } of records) {
    total++;
    const raw = (key: RosterKey) => values[key] ?? "";
    const rowErrors: RowError[] = [];
    for (const column of ROSTER_COLUMNS) {
      if (looksLikeFormula(tidy(raw(column.key)))) rowErrors.push({ line, column: column.key, error: "roster.error.formula" });
      else if (!isCleanLine(tidy(raw(column.key)))) rowErrors.push({ line, column: column.key, error: "roster.error.controlChars" });
    }
    const displayName = tidy(toFullWidthKana(raw("displayName")));
    const kana = tidy(toFullWidthKana(raw("kana")));
    const email = tidy(toHalfWidthAscii(raw("email"))).toLowerCase();
    const department = tidy(toFullWidthKana(raw("department")));
    const teamName = tidy(toFullWidthKana(raw("teamName")));
    const roleWord = tidy(raw("teamRole"));
    if (!displayName) rowErrors.push({ line, column: "displayName", error: "roster.error.required" });
    else if (displayName.length > 100) rowErrors.push({ line, column: "displayName", error: "validation.tooLong" });
    if (!email) rowErrors.push({ line, column: "email", error: "roster.error.required" });
    else if (email.length > 254 || !emailCheck.safeParse(email).success) rowErrors.push({ line, column: "email", error: "roster.error.email", params: { value: email.slice(0, 60) } });
    const municipalityName = tidy(toFullWidthKana(raw("municipalityName")));
    // A code, when the file has one; otherwise the name, resolved against the region later.
    const code = raw("municipalityCode").trim() || !municipalityName ? parseLgCode(raw("municipalityCode")) : null;
    if (code && !code.ok) rowErrors.push({ line, column: "municipalityCode", error: code.problem.key, params: { ...code.problem } });
    if (!department) rowErrors.push({ line, column: "department", error: "roster.error.required" });
    if (!teamName) rowErrors.push({ line, column: "teamName", error: "roster.error.required" });
    const teamRole = TEAM_ROLE_WORDS[roleWord] ?? TEAM_ROLE_WORDS[roleWord.toLowerCase()];
    if (!teamRole) rowErrors.push({ line, column: "teamRole", error: "roster.error.teamRole", params: { value: roleWord.slice(0, 30) } });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors.filter((e, j, all) => all.findIndex((o) => o.column === e.column) === j));
      invalidLines.add(line);
      continue;
    }
    rows.push({
      line,
      displayName,
      kana,
      email,
      municipalityCode: code?.ok ? code.code : "",
      municipalityName: municipalityName.slice(0, 60),
      department: department.slice(0, 100),
      teamName: teamName.slice(0, 100),
      themeTitle: tidy(toFullWidthKana(raw("themeTitle"))).slice(0, 200),
      teamRole: teamRole!,
    });
  }

  // The same e-mail twice in one file: fine for two teams, wrong with two different names.
  const seen = new Map<string, RosterRow>();
  const accepted: RosterRow[] = [];
  for (const row of rows) {
    const first = seen.get(row.email);
    if (first && first.displayName !== row.displayName) {
      errors.push({ line: row.line, column: "email", error: "roster.error.emailNameClash", params: { other: first.displayName, line: first.line } });
      invalidLines.add(row.line);
    } else if (first && first.teamName === row.teamName) {
      errors.push({ line: row.line, column: "email", error: "roster.error.duplicate", params: { line: first.line } });
      invalidLines.add(row.line);
    } else {
      seen.set(row.email, first ?? row);
      accepted.push(row);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  const invalid = records
    .filter((r) => invalidLines.has(r.line))
    .map((r) => ({ line: r.line, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, tidy(v).slice(0, MAX_CELL)])) as Record<RosterKey, string> }));
  return { rows: accepted, errors, invalid, total };
}
