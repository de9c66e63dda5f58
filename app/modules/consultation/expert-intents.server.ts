import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import { ExpertUpdateSchema } from "./schemas";
import { setExpertRetired, updateExpert } from "./experts.server";

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
