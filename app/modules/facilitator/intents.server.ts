import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { TrainingLevelSchema } from "./levels";
import { saveAssignments, setTrainingLevel } from "./training.server";

// Growing local facilitators (decision 0024): those who manage the academy set a trainee's level
// and who took which part in each session; the other staff only read. A refused table of parts
// carries the clashes it found.

export interface FacilitatorsPage {
  context: AcademyContext;
}

const manager = { may: (p: FacilitatorsPage) => p.context.can.manageAcademy, refusal: "form.notAllowed" } as const;

/** The table's cells: `role.<session>.<person>` → a part (the change checks each one). */
function cellsOf(form: FormData): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (key.startsWith("role.") && typeof value === "string") cells[key.slice(0, 120)] = value.slice(0, 40);
  return cells;
}

export const FACILITATOR_INTENTS: Intents<FacilitatorsPage> = {
  level: intent({
    ...manager,
    schema: TrainingLevelSchema,
    run: (v, p: FacilitatorsPage) => setTrainingLevel(p.context.user.id, p.context.academy.id, v.enrollmentId, v.trainingLevel || null),
    done: () => ({ message: "facilitator.levelSaved" }),
  }),
  assign: intent({
    ...manager,
    schema: z.object({}),
    run: (_v, p: FacilitatorsPage, form) => saveAssignments(p.context.user.id, p.context.academy.id, cellsOf(form)),
    done: () => ({ message: "facilitator.assignmentsSaved" }),
  }),
};
