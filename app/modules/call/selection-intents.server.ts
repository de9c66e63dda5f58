import { z } from "zod";
import { intent, OK, type Intents } from "~/utils/intents.server";
import { optionalLine } from "~/utils/form-fields";
import { serverT } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/dates";
import { consultationFromApplication } from "~/modules/consultation/consultation.server";
import { DECISIONS, ScoreSchema } from "./schemas";
import { academyFromApplication, decideApplication, mailDecisions, scoreApplication } from "./selection.server";
import { setPublished } from "./call.server";

// Selecting a call's applications (decision 0024): its reviewers score each application; those who
// manage the call decide, turn an accepted application into an academy or a consultation, mail
// the decisions and publish the results. The routes let in only the call's reviewers and managers.

export interface ApplicationReviewPage {
  actorId: string;
  callId: string;
  applicationId: string;
  role: "manager" | "reviewer";
  /** the criteria the scores are given on */
  criteria: { id: string }[];
  locale: AppLocale;
}

const manager = { may: (p: { role: string }) => p.role === "manager", refusal: "form.notAllowed" } as const;

export const APPLICATION_REVIEW_INTENTS: Intents<ApplicationReviewPage> = {
  // one score per criterion (`score.<criterion>`), checked by the change
  score: intent({
    schema: ScoreSchema,
    run: (v, p: ApplicationReviewPage, form) => {
      const scores = Object.fromEntries(p.criteria.map((c) => [c.id, String(form.get(`score.${c.id}`) ?? "")]));
      return scoreApplication(p.actorId, p.callId, p.applicationId, scores, v.comment);
    },
    done: () => ({ message: "call.scoreSaved" }),
  }),
  // no decision ("") takes a decision back
  decide: intent({
    ...manager,
    schema: z.object({ decision: z.union([z.literal(""), z.enum(DECISIONS)], { error: "call.validation.decision" }).optional().default("") }),
    run: (v, p: ApplicationReviewPage) => decideApplication(p.actorId, p.callId, p.applicationId, v.decision === "" ? null : v.decision),
    done: () => ({ message: "call.decided" }),
  }),
  academy: intent({
    ...manager,
    schema: z.object({}),
    run: (_v, p: ApplicationReviewPage) => {
      const t = serverT(p.locale);
      return academyFromApplication(p.actorId, p.callId, p.applicationId, (key, params) => t(key, params));
    },
    done: (r) => ({ to: `/academies/${r.academyId}` }),
  }),
  consultation: intent({
    ...manager,
    schema: z.object({ topicId: optionalLine(64) }),
    run: (v, p: ApplicationReviewPage) => consultationFromApplication(p.actorId, p.callId, p.applicationId, v.topicId),
    done: (r) => ({ message: "consultation.madeFromApplication", to: `/consultations/${r.id}` }),
  }),
};

export interface ApplicationsPage {
  actorId: string;
  call: { id: string; publishedAt: Date | string | null };
  role: "manager" | "reviewer";
}

export const APPLICATIONS_INTENTS: Intents<ApplicationsPage> = {
  mail: intent({
    ...manager,
    schema: z.object({}),
    run: async (_v, p: ApplicationsPage) => ({ ok: true as const, count: await mailDecisions(p.actorId, p.call.id) }),
    done: (r) => ({ message: "call.decisionsMailed", params: { count: r.count } }),
  }),
  // the results of a call that is not published cannot be
  publishResults: intent({
    ...manager,
    schema: z.object({}),
    run: async (_v, p: ApplicationsPage) => {
      if (!p.call.publishedAt) return { ok: false as const, reason: "call.error.notPublished", fieldErrors: {} };
      await setPublished(p.actorId, p.call.id, "results", true);
      return OK;
    },
    done: () => ({ message: "call.resultsPublished" }),
  }),
  unpublishResults: intent({
    ...manager,
    schema: z.object({}),
    run: async (_v, p: ApplicationsPage) => (await setPublished(p.actorId, p.call.id, "results", false), OK),
    done: () => ({ message: "call.resultsUnpublished" }),
  }),
};
