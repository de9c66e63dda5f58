import { intent, type Intents } from "~/utils/intents.server";
import { OutcomeSchema } from "./rules";
import { recordOutcome } from "./outcome.server";

// What became of each team's proposal, 3, 6 and 12 months on (decision 0024): one form per team and
// month; a refusal belongs to that form. The route lets in those who record outcomes.

export interface OutcomesPage {
  actorId: string;
  academyId: string;
}

export const OUTCOME_INTENTS: Intents<OutcomesPage> = {
  save: intent({
    schema: OutcomeSchema,
    form: (form) => `${String(form.get("teamId") ?? "").slice(0, 64)}:${String(form.get("monthsAfter") ?? "").slice(0, 4)}`,
    run: (v, p: OutcomesPage) => recordOutcome(p.actorId, p.academyId, v),
    done: (_r, v) => ({ message: "outcome.saved", at: `#team-${v.teamId}` }),
  }),
};
