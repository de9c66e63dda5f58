import { z } from "zod";
import { optionalLine, optionalText } from "~/utils/form-fields";

// The structured work a team hands in at each stage, one schema per stage key, used by the
// browser before posting and by the server. Lists travel as indexed fields
// ("hypotheses.0.text"); items keep stable ids so the analysis can refer to the hypotheses of
// the problem definition even after they were reordered or edited.

const itemId = z
  .string()
  .trim()
  .max(24, "validation.invalid")
  .regex(/^[A-Za-z0-9_-]*$/, "validation.invalid")
  .optional()
  .default("");

const textItem = (max: number) => z.object({ id: itemId, text: optionalText(max) });

export const VERDICTS = ["supported", "not_supported", "unclear"] as const;
export type Verdict = (typeof VERDICTS)[number];

const ProblemDefinition = z.object({
  problemStatement: optionalText(2000),
  targetPopulation: optionalText(500),
  currentState: optionalText(3000),
  issueTree: z
    .array(z.object({ id: itemId, text: optionalLine(300), level: z.enum(["1", "2", "3"]).optional().default("1") }))
    .max(40, "validation.tooMany")
    .default([]),
  hypotheses: z.array(textItem(500)).max(20, "validation.tooMany").default([]),
  dataNeeded: z.array(textItem(300)).max(30, "validation.tooMany").default([]),
});

const DataCollection = z.object({
  preparation: optionalText(3000),
});

const Analysis = z.object({
  method: optionalText(3000),
  findings: z
    .array(
      z.object({
        hypothesisId: itemId,
        /** the hypothesis as it read when the finding was written (it may change later) */
        hypothesisText: optionalText(500),
        verdict: z.union([z.literal(""), z.enum(VERDICTS)]).optional().default(""),
        evidence: optionalText(2000),
      }),
    )
    .max(40, "validation.tooMany")
    .default([]),
  otherFindings: optionalText(3000),
});

const Proposal = z.object({
  policy: optionalText(3000),
  kpis: z
    .array(z.object({ id: itemId, name: optionalLine(200), baseline: optionalLine(100), target: optionalLine(100), measurement: optionalLine(300) }))
    .max(20, "validation.tooMany")
    .default([]),
  expectedEffect: optionalText(2000),
  measurement: optionalText(2000),
});

const Custom = z.object({ summary: optionalText(5000) });

export const WORK_SCHEMAS = {
  problem_definition: ProblemDefinition,
  data_collection: DataCollection,
  analysis: Analysis,
  proposal: Proposal,
  custom: Custom,
} as const;

export type ProblemDefinitionWork = z.output<typeof ProblemDefinition>;
export type DataCollectionWork = z.output<typeof DataCollection>;
export type AnalysisWork = z.output<typeof Analysis>;
export type ProposalWork = z.output<typeof Proposal>;
export type CustomWork = z.output<typeof Custom>;
export type WorkKind = keyof typeof WORK_SCHEMAS;

export function workKind(stageKey: string): WorkKind {
  return stageKey in WORK_SCHEMAS ? (stageKey as WorkKind) : "custom";
}

export function workSchema(stageKey: string) {
  return WORK_SCHEMAS[workKind(stageKey)] as z.ZodType<Record<string, unknown>>;
}

/** The list fields of each kind and the keys of their items. */
const LISTS: Record<WorkKind, Record<string, readonly string[]>> = {
  problem_definition: { issueTree: ["id", "text", "level"], hypotheses: ["id", "text"], dataNeeded: ["id", "text"] },
  data_collection: {},
  analysis: { findings: ["hypothesisId", "hypothesisText", "verdict", "evidence"] },
  proposal: { kpis: ["id", "name", "baseline", "target", "measurement"] },
  custom: {},
};

/** Which field of an item makes it worth keeping (an empty row of the form is dropped). */
const CONTENT: Record<string, readonly string[]> = {
  issueTree: ["text"],
  hypotheses: ["text"],
  dataNeeded: ["text"],
  findings: ["verdict", "evidence"],
  kpis: ["name", "baseline", "target", "measurement"],
};

const MAX_INDEX = 60;

/**
 * Form fields to the raw work object: plain fields as they are, "list.N.key" fields into
 * arrays in index order, rows with nothing typed dropped.
 */
export function workFromFields(stageKey: string, fields: Record<string, unknown>): Record<string, unknown> {
  const kind = workKind(stageKey);
  const lists = LISTS[kind];
  const out: Record<string, unknown> = {};
  const rows: Record<string, Map<number, Record<string, unknown>>> = {};
  for (const [name, value] of Object.entries(fields)) {
    const match = /^([a-zA-Z]+)\.(\d{1,3})\.([a-zA-Z]+)$/.exec(name);
    if (match) {
      const [, list, index, key] = match as unknown as [string, string, string, string];
      if (!lists[list]?.includes(key) || Number(index) > MAX_INDEX) continue;
      const map = (rows[list] ??= new Map());
      const row = map.get(Number(index)) ?? {};
      row[key] = typeof value === "string" ? value : "";
      map.set(Number(index), row);
    } else if (!name.includes(".") && !(name in lists)) {
      out[name] = value;
    }
  }
  for (const list of Object.keys(lists)) {
    const map = rows[list];
    out[list] = map
      ? [...map.entries()]
          .sort(([a], [b]) => a - b)
          .map(([, row]) => row)
          .filter((row) => (list === "findings" ? true : (CONTENT[list] ?? []).some((k) => String(row[k] ?? "").trim() !== "")))
      : [];
  }
  return out;
}

export type WorkParse = { ok: true; work: Record<string, unknown> } | { ok: false; fieldErrors: Record<string, string> };

/** Validate a draft (lengths and characters only; nothing is required yet). */
export function parseWork(stageKey: string, raw: Record<string, unknown>): WorkParse {
  const schema = workSchema(stageKey);
  const known = Object.fromEntries(Object.entries(raw).filter(([k]) => k in (WORK_SCHEMAS[workKind(stageKey)].shape as object)));
  const result = schema.safeParse(known);
  if (result.success) return { ok: true, work: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
  return { ok: false, fieldErrors };
}

/** The stored work (JSON text) read back, tolerating older shapes: anything invalid becomes empty. */
export function readWork(stageKey: string, json: string): Record<string, unknown> {
  let raw: unknown = {};
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const parsed = workSchema(stageKey).safeParse(raw && typeof raw === "object" ? raw : {});
  return parsed.success ? parsed.data : (workSchema(stageKey).parse({}) as Record<string, unknown>);
}

/** Give every list item without an id one, so later stages can refer to it. */
export function assignIds(work: Record<string, unknown>, newId: () => string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...work };
  for (const [key, value] of Object.entries(work)) {
    if (Array.isArray(value)) out[key] = value.map((item: Record<string, unknown>) => ("id" in item && !item.id ? { ...item, id: newId() } : item));
  }
  return out;
}

/**
 * What a submission needs beyond a draft. Returns field errors (i18n keys) for what is missing.
 * `hypotheses` are the problem definition's, which the analysis must answer one by one.
 */
export function submissionGaps(stageKey: string, work: Record<string, unknown>, hypotheses: readonly { id: string }[] = []): Record<string, string> {
  const gaps: Record<string, string> = {};
  switch (workKind(stageKey)) {
    case "problem_definition": {
      const w = work as ProblemDefinitionWork;
      if (!w.problemStatement) gaps.problemStatement = "validation.required";
      if (w.hypotheses.length === 0) gaps.hypotheses = "work.gap.hypotheses";
      break;
    }
    case "analysis": {
      const w = work as AnalysisWork;
      const answered = new Set(w.findings.filter((f) => f.verdict).map((f) => f.hypothesisId));
      if (hypotheses.some((h) => !answered.has(h.id))) gaps.findings = "work.gap.findings";
      break;
    }
    case "proposal": {
      const w = work as ProposalWork;
      if (!w.policy) gaps.policy = "validation.required";
      if (!w.kpis.some((k) => k.name && k.target)) gaps.kpis = "work.gap.kpis";
      break;
    }
    case "data_collection":
      break;
    case "custom":
      if (!(work as CustomWork).summary) gaps.summary = "validation.required";
      break;
  }
  return gaps;
}
