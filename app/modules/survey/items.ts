import { z } from "zod";
import { isCleanText } from "~/utils/text-safety";

// The surveys: a skills self-assessment before session 1 and after the last session, and a short
// satisfaction survey after each session. Shared by browser and server.

export const SKILL_ITEMS = ["problem_structuring", "data_collection", "data_preparation", "analysis", "visualisation", "policy_proposal", "personal_information"] as const;
export const SATISFACTION_ITEMS = ["overall", "usefulness"] as const;
export const SURVEY_KINDS = ["skills_pre", "skills_post", "satisfaction"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export function itemsOf(kind: SurveyKind): readonly string[] {
  return kind === "satisfaction" ? SATISFACTION_ITEMS : SKILL_ITEMS;
}

/** The survey in a URL: "skills-pre", "skills-post" or "session-<id>". */
export function parseSurveyParam(param: string | undefined): { kind: SurveyKind; sessionId: string | null } | null {
  if (param === "skills-pre") return { kind: "skills_pre", sessionId: null };
  if (param === "skills-post") return { kind: "skills_post", sessionId: null };
  const m = /^session-([A-Za-z0-9_-]{1,40})$/.exec(param ?? "");
  return m ? { kind: "satisfaction", sessionId: m[1]! } : null;
}

export function surveyParam(kind: SurveyKind, sessionId: string | null): string {
  return kind === "satisfaction" ? `session-${sessionId}` : kind === "skills_pre" ? "skills-pre" : "skills-post";
}

const score = z
  .string({ error: "survey.error.answerEach" })
  .trim()
  .regex(/^[1-5]$/, "survey.error.answerEach")
  .transform(Number);

/** The answer form of one survey kind: every item 1-5, a comment. */
export function answerSchema(kind: SurveyKind) {
  const shape: Record<string, typeof score> = {};
  for (const item of itemsOf(kind)) shape[item] = score;
  return z.object({
    ...shape,
    comment: z.string().trim().max(2000, "validation.tooLong").refine(isCleanText, "validation.controlChars").optional().default(""),
  });
}
