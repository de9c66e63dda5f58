// Retrospective boards: templates, phases and the voting rule. Shared by browser and server.

export const TEMPLATES = {
  kpt: ["keep", "problem", "try"],
  ssc: ["start", "stop", "continue"],
  "4ls": ["liked", "learned", "lacked", "longed_for"],
  custom: [],
} as const satisfies Record<string, readonly string[]>;
export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

export interface Prompt {
  key: string;
  /** empty: the catalogue's label for the key (retro.prompt.<key>) */
  label: string;
}

export function promptsFor(template: TemplateKey, custom: string[] = []): Prompt[] {
  if (template === "custom") return custom.map((label, i) => ({ key: `p${i + 1}`, label }));
  return TEMPLATES[template].map((key) => ({ key, label: "" }));
}

/** The phases in order. "review" looks at the last retrospective's actions first. */
export const PHASES = ["review", "reflect", "group", "vote", "discuss", "actions", "closed"] as const;
export type Phase = (typeof PHASES)[number];

export function isPhase(value: unknown): value is Phase {
  return typeof value === "string" && (PHASES as readonly string[]).includes(value);
}

export function phaseIndex(phase: string): number {
  return PHASES.indexOf(phase as Phase);
}

/** The phases where each person works on their own and says when they are done ("ready"). */
export const READY_PHASES = ["reflect", "group", "vote"] as const satisfies readonly Phase[];

export function readyAsked(phase: string): boolean {
  return (READY_PHASES as readonly string[]).includes(phase);
}

/** Before the reveal (the end of "reflect") people see only their own cards. */
export function cardsRevealed(phase: string): boolean {
  return phaseIndex(phase) > phaseIndex("reflect");
}

export const ACTION_DECISIONS = ["done", "carried", "dropped"] as const;
export type ActionDecision = (typeof ACTION_DECISIONS)[number];

export interface VoteCheck {
  budget: number;
  maxPerGroup: number;
  /** the person's votes on the whole board */
  used: number;
  /** the person's votes on this group */
  onGroup: number;
}

/** Why a vote is refused (an i18n key), or null. */
export function voteRefusal(v: VoteCheck): string | null {
  if (v.used >= v.budget) return "retro.error.budgetSpent";
  if (v.onGroup >= v.maxPerGroup) return "retro.error.groupMax";
  return null;
}

/** Groups by votes (most first), then by their position on the board. */
export function byVotes<T extends { votes: number; position: number }>(groups: T[]): T[] {
  return [...groups].sort((a, b) => b.votes - a.votes || a.position - b.position);
}
