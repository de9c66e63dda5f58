import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import { ExpertSchema, ExpertUpdateSchema } from "./schemas";
import type { AppLocale } from "~/utils/dates";
import { createExpert, setExpertRetired, updateExpert } from "./experts.server";

// One expert's page (decision 0024): their details and topics saved, retired or brought back.
// The route lets in only those who coordinate consultations.

export interface ExpertPage {
  actorId: string;
  expertId: string;
}

export const EXPERT_INTENTS: Intents<ExpertPage> = {
  save: intent({ schema: ExpertUpdateSchema, run: (v, p: ExpertPage) => updateExpert(p.actorId, p.expertId, v), done: () => ({ message: "consultation.expertSaved" }) }),
  retire: intent({ schema: z.object({}), run: (_v, p: ExpertPage) => setExpertRetired(p.actorId, p.expertId, true), done: () => ({ message: "consultation.expertRetired" }) }),
  restore: intent({ schema: z.object({}), run: (_v, p: ExpertPage) => setExpertRetired(p.actorId, p.expertId, false), done: () => ({ message: "consultation.expertRestored" }) }),
};

/** Adding an expert (invited by mail, in the coordinator's language); their page follows. */
export const NEW_EXPERT_INTENTS: Intents<{ actorId: string; locale: AppLocale }> = {
  save: intent({
    schema: ExpertSchema,
    run: async (v, p: { actorId: string; locale: AppLocale }) => {
      const created = await createExpert(p.actorId, v, p.locale);
      return created.ok ? { ok: true as const, to: `/consultations/experts/${created.id}` } : created;
    },
    done: (r, v) => ({ message: "consultation.expertAdded", params: { name: v.displayName }, to: r.to }),
  }),
};
