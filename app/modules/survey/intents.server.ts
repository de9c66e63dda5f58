import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import { fieldsFailure } from "~/utils/result";
import { parseForm } from "~/utils/forms";
import { setSurveysAnonymous, submitAnswer } from "./survey.server";
import { answerSchema } from "./items";

// The academy's surveys page (decision 0024): those who manage the academy choose whether answers
// are anonymous (the route lets in only them).

export interface SurveysPage {
  actorId: string;
  academyId: string;
}

export const SURVEYS_INTENTS: Intents<SurveysPage> = {
  save: intent({
    schema: z.object({ anonymous: z.string().max(10, "validation.invalid").optional() }),
    run: async (v, p: SurveysPage) => (await setSurveysAnonymous(p.actorId, p.academyId, v.anonymous === "on"), { ok: true as const, anonymous: v.anonymous === "on" }),
    done: (r) => ({ message: r.anonymous ? "survey.nowAnonymous" : "survey.nowNamed" }),
  }),
};

/** Answering one survey: its questions depend on its kind, so the change parses the form with the survey's own schema. */
export interface SurveyPage {
  userId: string;
  academyId: string;
  survey: Parameters<typeof submitAnswer>[2];
}

export const SURVEY_ANSWER_INTENTS: Intents<SurveyPage> = {
  save: intent({
    schema: z.object({}),
    // only the academy's participants answer (answered 403)
    refusal: "survey.error.notParticipant",
    run: async (_v, p: SurveyPage, form) => {
      const parsed = parseForm(answerSchema(p.survey.kind), form);
      if (!parsed.ok) return fieldsFailure(parsed.fieldErrors);
      const { comment, ...answers } = parsed.data as Record<string, number> & { comment: string };
      const result = await submitAnswer(p.academyId, p.userId, p.survey, answers, comment);
      return result.ok ? { ok: true as const, academyId: p.academyId } : result;
    },
    done: (r) => ({ message: "survey.thanks", to: `/academies/${r.academyId}/surveys` }),
  }),
};
