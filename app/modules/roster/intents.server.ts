import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import { fail, type Failure } from "~/utils/result";
import type { AppLocale } from "~/utils/dates";
import { MAX_ROSTER_ROWS, checkRosterRows, parseRoster, rosterRowValues, type ColumnMapping, type HeaderCandidate, type ParsedRoster, type RawRow } from "./parse.server";
import { checkRosterAgainstDb, commitRoster, holdRosterFile, readHeldRosterFile, signRoster, verifyRoster } from "./roster.server";
import { JOINABLE_KEYS, ROSTER_COLUMNS, type RosterKey } from "./columns";
import type { Preview, RosterStep } from "./steps";

// The roster import (decision 0024): a file → (its columns mapped, its header row chosen) → a
// preview checked against the register, its rows fixed on the page → committed. Each step is an
// intent whose answer is the next step; a refused step is a refusal that may carry the step to
// show again (the mapping with what is missing, the preview with the teams still to decide).
// The route lets in only those who manage the academy's teams.

export interface RosterPage {
  actorId: string;
  academyId: string;
  locale: AppLocale;
}

const step = <S extends RosterStep>(s: S) => ({ ok: true as const, ...s });
/** A step refused for the file or the form as a whole (a reason, with the numbers it names). */
const refused = (reason: string, params?: Record<string, string | number>): Failure => ({ ...fail(reason), ...(params ? { params } : {}) });
const Signed = z.object({ payload: z.string().max(20_000_000).optional().default(""), signature: z.string().max(200).optional().default("") });
const held = (form: FormData) => ({ token: String(form.get("token") ?? ""), fileName: String(form.get("fileName") ?? "").slice(0, 200) });
const headerRowOf = (form: FormData) => {
  const value = String(form.get("headerRow") ?? "");
  return /^\d{1,2}$/.test(value) ? Number(value) : undefined;
};

/** A preview of the parsed file against the database, signed so the commit cannot be edited. */
async function preview(academyId: string, fileName: string, parsed: Extract<ParsedRoster, { ok: true }>): Promise<Preview> {
  const checked = await checkRosterAgainstDb(academyId, parsed.rows);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.line - b.line);
  // Rows the register or the region refuses are fixed like the others.
  const refused = new Set(checked.errors.map((e) => e.line));
  const invalid = [...parsed.invalid, ...parsed.rows.filter((r) => refused.has(r.line)).map((r) => ({ line: r.line, values: rosterRowValues(r) }))].sort((a, b) => a.line - b.line);
  const { payload, signature } = signRoster(academyId, checked.valid);
  return { step: "preview", fileName, encoding: parsed.encoding, total: parsed.total, rows: checked.valid, errors, invalid, similar: checked.similar, payload, signature };
}

/** The mapping the person chose in the column-mapping step: field → one file column, or two joined. */
function mappingFrom(form: FormData, columns: number): ColumnMapping {
  const pick = (name: string) => {
    const value = form.get(name);
    const index = typeof value === "string" && /^\d{1,3}$/.test(value) ? Number(value) : NaN;
    return Number.isInteger(index) && index < columns ? index : undefined;
  };
  const mapping: ColumnMapping = {};
  for (const column of ROSTER_COLUMNS) {
    const first = pick(`column.${column.key}`);
    if (first === undefined) continue;
    const second = (JOINABLE_KEYS as readonly string[]).includes(column.key) ? pick(`column.${column.key}.2`) : undefined;
    mapping[column.key] = second === undefined || second === first ? [first] : [first, second];
  }
  return mapping;
}

/** The rows fixed in the preview: `fix.<line>.<field>`, every field of each row. */
function fixedRows(form: FormData): RawRow[] {
  const byLine = new Map<number, RawRow>();
  const keys = new Set<string>(ROSTER_COLUMNS.map((c) => c.key));
  for (const [name, value] of form) {
    const match = /^fix\.(\d{1,6})\.(\w+)$/.exec(name);
    if (!match || !keys.has(match[2]!) || typeof value !== "string") continue;
    const line = Number(match[1]);
    if (!byLine.has(line)) {
      if (byLine.size >= MAX_ROSTER_ROWS) break;
      byLine.set(line, { line, values: Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, ""])) as Record<RosterKey, string> });
    }
    byLine.get(line)!.values[match[2] as RosterKey] = value.slice(0, 300);
  }
  return [...byLine.values()];
}

/** The mapping step for a held file: its headers (from `headerRow`, or the row found) and the guesses. */
function mappingStep(fileName: string, token: string, parsed: Extract<ParsedRoster, { headers: string[] }>): Extract<RosterStep, { step: "mapping" }> {
  const missing = String(parsed.params.columns ?? "").split(",").filter(Boolean);
  return { step: "mapping", fileName, headers: parsed.headers, guessed: parsed.guessed, missing, token, headerRow: parsed.headerRow, candidates: parsed.candidates };
}

/** The header-row choices travel with the mapping form (display only; the file decides). */
function readCandidates(text: string): HeaderCandidate[] {
  try {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list)) return [];
    return list
      .slice(0, 20)
      .filter((c): c is HeaderCandidate => typeof c?.row === "number" && typeof c?.text === "string")
      .map((c) => ({ row: c.row, text: c.text.slice(0, 80) }));
  } catch {
    return [];
  }
}

export const ROSTER_INTENTS: Intents<RosterPage> = {
  // the file: its rows previewed, or its columns to map first
  preview: intent({
    schema: z.object({}),
    run: async (_v, p: RosterPage, form) => {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return refused("roster.error.noFile");
      const bytes = new Uint8Array(await file.arrayBuffer());
      const parsed = await parseRoster(bytes);
      const fileName = file.name.slice(0, 200);
      if (!parsed.ok && "headers" in parsed) return step(mappingStep(fileName, await holdRosterFile(p.academyId, bytes), parsed));
      if (!parsed.ok) return refused(parsed.error, parsed.params);
      return step(await preview(p.academyId, fileName, parsed));
    },
  }),
  // another header row: its headers and guesses, or straight to the preview when they say everything
  header: intent({
    schema: z.object({}),
    run: async (_v, p: RosterPage, form) => {
      const { token, fileName } = held(form);
      const bytes = await readHeldRosterFile(p.academyId, token);
      if (!bytes) return refused("roster.error.mappingExpired");
      const parsed = await parseRoster(bytes, { headerRow: headerRowOf(form) });
      if (!parsed.ok && "headers" in parsed) return step(mappingStep(fileName, token, parsed));
      if (!parsed.ok) return refused(parsed.error, parsed.params);
      return step(await preview(p.academyId, fileName, parsed));
    },
  }),
  // the columns mapped: the preview, or the mapping again with what is still missing
  map: intent({
    schema: z.object({}),
    run: async (_v, p: RosterPage, form) => {
      const { token, fileName } = held(form);
      const bytes = await readHeldRosterFile(p.academyId, token);
      if (!bytes) return refused("roster.error.mappingExpired");
      const headerRow = headerRowOf(form);
      const headers = form.getAll("header").map(String).slice(0, 100);
      const mapping = mappingFrom(form, headers.length);
      const parsed = await parseRoster(bytes, { mapping, headerRow });
      if (!parsed.ok) {
        const missing = String(parsed.params?.columns ?? "").split(",").filter(Boolean);
        const again: RosterStep = { step: "mapping", fileName, headers, guessed: mapping, missing, token, headerRow: headerRow ?? 0, candidates: readCandidates(String(form.get("candidates") ?? "")) };
        return { ...fail("roster.error.mappingIncomplete"), ...again };
      }
      return step(await preview(p.academyId, fileName, parsed));
    },
  }),
  // fixed rows are checked as a file's rows are; the rows already accepted come back signed
  fix: intent({
    schema: Signed,
    run: async (v, p: RosterPage, form) => {
      const rows = verifyRoster(p.academyId, v.payload, v.signature);
      if (!rows) return refused("roster.error.tampered");
      const fixed = fixedRows(form);
      const fixedLines = new Set(fixed.map((r) => r.line));
      const records = [...rows.filter((r) => !fixedLines.has(r.line)).map((r) => ({ line: r.line, values: rosterRowValues(r) })), ...fixed].sort((a, b) => a.line - b.line);
      const checked = checkRosterRows(records);
      const encoding = String(form.get("encoding") ?? "utf-8").slice(0, 20);
      return step(await preview(p.academyId, String(form.get("fileName") ?? "").slice(0, 200), { ok: true, ...checked, encoding, headerRow: 0 }));
    },
  }),
  // the signed rows committed; a team that resembles one already there must be decided first
  commit: intent({
    schema: Signed,
    run: async (v, p: RosterPage, form) => {
      const rows = verifyRoster(p.academyId, v.payload, v.signature);
      if (!rows) return refused("roster.error.tampered");
      const choices: Record<string, "existing" | "new"> = {};
      for (const [key, value] of form) {
        if (key.startsWith("team:") && (value === "existing" || value === "new")) choices[key.slice(5)] = value;
      }
      const result = await commitRoster(p.actorId, p.academyId, rows, p.locale, choices);
      if (!result.ok && "undecided" in result && result.undecided) {
        const again = await preview(p.academyId, String(form.get("fileName") ?? "").slice(0, 200), { ok: true, rows, errors: [], invalid: [], encoding: String(form.get("encoding") ?? "utf-8"), total: rows.length, headerRow: 0 });
        return { ...fail("roster.error.chooseTeam"), ...again, undecided: result.undecided.map((u) => u.name) };
      }
      if (!result.ok) return refused(result.reason);
      return { ok: true as const, academyId: p.academyId, memberships: result.memberships, invited: result.invited, notified: result.notified };
    },
    // imported: the academy's page, with its teams
    done: (r) => ({ message: "roster.imported", params: { count: r.memberships, invited: r.invited, notified: r.notified }, to: `/academies/${r.academyId}` }),
  }),
};
