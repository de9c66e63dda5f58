import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { inspectZip } from "~/modules/files/zip-guard.server";
import { isCleanLine } from "~/utils/text-safety";
import { z } from "zod";
import { parseLgCode } from "~/modules/municipality/lg-code";
import { decodeRoster } from "./decode.server";
import { headerKey, ROSTER_COLUMNS, TEAM_ROLE_WORDS, type RosterKey } from "./columns";
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

/** Which file column (0-based) holds which roster field. */
export type ColumnMapping = Partial<Record<RosterKey, number>>;

export type ParsedRoster =
  | { ok: true; rows: RosterRow[]; errors: RowError[]; encoding: string; total: number }
  | { ok: false; error: string; params?: Record<string, string | number> }
  /** Headers we could not place: the person maps them (the guesses pre-filled). */
  | { ok: false; error: "roster.error.needsMapping"; params: Record<string, string>; headers: string[]; guessed: ColumnMapping };

const emailCheck = z.email();

async function xlsxRows(bytes: Uint8Array): Promise<string[][] | null> {
  const workbook = new ExcelJS.Workbook();
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
      // A formula cell counts as its formula text, so it is refused like a CSV one.
      cells.push(cell.formula ? `=${cell.formula}` : cell.text ?? "");
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

/** Map header cells to column keys by their known names. */
export function guessMapping(header: string[]): ColumnMapping {
  const index: ColumnMapping = {};
  header.forEach((cell, i) => {
    const name = headerKey(cell ?? "");
    const column = ROSTER_COLUMNS.find((c) => c.headers.some((h) => headerKey(h) === name));
    if (column && index[column.key] === undefined) index[column.key] = i;
  });
  return index;
}

/** Required fields the mapping leaves out (a government needs its code or its name). */
export function missingColumns(index: ColumnMapping): RosterKey[] {
  const missing: RosterKey[] = ROSTER_COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.key);
  if (index.municipalityCode === undefined && index.municipalityName === undefined) missing.push("municipalityCode");
  return missing;
}

/**
 * Read and check a roster file without touching the database. Without a mapping the headers
 * are recognised by name; when a required one cannot be found the caller gets the headers
 * back to map by hand, and calls again with `mapping`.
 */
export async function parseRoster(bytes: Uint8Array, mapping?: ColumnMapping): Promise<ParsedRoster> {
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
  const [header = [], ...body] = table;
  const index = mapping ?? guessMapping(header);
  const missing = missingColumns(index);
  if (missing.length > 0) {
    const headers = header.map((h) => tidy(String(h ?? "")).slice(0, 60));
    if (mapping || headers.every((h) => h === "")) return { ok: false, error: "roster.error.missingColumns", params: { columns: missing.join(",") } };
    return { ok: false, error: "roster.error.needsMapping", params: { columns: missing.join(",") }, headers, guessed: index };
  }
  if (body.length > MAX_ROSTER_ROWS) return { ok: false, error: "roster.error.tooManyRows", params: { max: MAX_ROSTER_ROWS } };

  const rows: RosterRow[] = [];
  const errors: RowError[] = [];
  let total = 0;
  body.forEach((cells, i) => {
    const line = i + 2; // 1-based, after the header row
    if (cells.every((c) => tidy(c ?? "") === "")) return;
    total++;
    const raw = (key: RosterKey) => (index[key] === undefined ? "" : (cells[index[key]!] ?? ""));
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
      return;
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
  });

  // The same e-mail twice in one file: fine for two teams, wrong with two different names.
  const seen = new Map<string, RosterRow>();
  const accepted: RosterRow[] = [];
  for (const row of rows) {
    const first = seen.get(row.email);
    if (first && first.displayName !== row.displayName) {
      errors.push({ line: row.line, column: "email", error: "roster.error.emailNameClash", params: { other: first.displayName, line: first.line } });
    } else if (first && first.teamName === row.teamName) {
      errors.push({ line: row.line, column: "email", error: "roster.error.duplicate", params: { line: first.line } });
    } else {
      seen.set(row.email, first ?? row);
      accepted.push(row);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { ok: true, rows: accepted, errors, encoding: decoded.kind === "xlsx" ? "xlsx" : decoded.encoding, total };
}
