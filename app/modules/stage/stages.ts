// The team's path as data. Every academy starts with these stages; a coordinator can tie each
// to a session, set a due date, rename it and add stages (kick-off, final report…).
// Shared by server and browser.

export const DEFAULT_STAGE_KEYS = [
  "prelearning",
  "problem_definition",
  "data_collection",
  "analysis",
  "proposal",
  "retrospective",
] as const;
export type DefaultStageKey = (typeof DEFAULT_STAGE_KEYS)[number];

/** Which workshop (1-based, among workshops) each default stage is worked on in; null: before the first. */
export const DEFAULT_STAGE_WORKSHOP: Record<DefaultStageKey, number | null> = {
  prelearning: null,
  problem_definition: 1,
  data_collection: 2,
  analysis: 3,
  proposal: 4,
  retrospective: 4,
};

export function isDefaultStageKey(key: string): key is DefaultStageKey {
  return (DEFAULT_STAGE_KEYS as readonly string[]).includes(key);
}

/** The catalogue's label key for a stage; a stage's own title wins when set. */
export function stageLabelKey(key: string) {
  return isDefaultStageKey(key) ? `stage.key.${key}` : "stage.key.custom";
}

/** Old curriculum front matter said `session: 0..4`; it maps onto the default stages. */
export function stageKeyForSession(session: number): DefaultStageKey {
  return (["prelearning", "problem_definition", "data_collection", "analysis", "proposal"] as const)[session] ?? "proposal";
}

/** Default release of a stage's materials, relative to its anchor. */
export function defaultReleaseOffsetDays(key: string) {
  return key === "prelearning" ? 0 : -7;
}

/** What a team hands in at a stage: a structured form, files, both, or nothing. */
export const DELIVERABLE_KINDS = ["none", "form", "files", "both"] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

export const DEFAULT_STAGE_DELIVERABLE: Record<DefaultStageKey, DeliverableKind> = {
  prelearning: "none",
  problem_definition: "both",
  data_collection: "both",
  analysis: "both",
  proposal: "both",
  retrospective: "none",
};

export function takesForm(kind: string) {
  return kind === "form" || kind === "both";
}
export function takesFiles(kind: string) {
  return kind === "files" || kind === "both";
}

/**
 * Rubric criteria per stage (scored 1-4 by the reviewer, optional). Labels are catalogue keys
 * `rubric.<criterion>`; a custom stage uses the general ones.
 */
export const STAGE_RUBRIC: Record<string, readonly string[]> = {
  problem_definition: ["problemClarity", "logicTree", "hypotheses", "dataFit"],
  data_collection: ["inventory", "privacy", "preparation"],
  analysis: ["method", "evidence", "visualisation"],
  proposal: ["policyFit", "indicators", "feasibility", "presentation"],
  custom: ["completeness", "quality"],
};

export function rubricFor(key: string): readonly string[] {
  return STAGE_RUBRIC[key] ?? STAGE_RUBRIC.custom!;
}
