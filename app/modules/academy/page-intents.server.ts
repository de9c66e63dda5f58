import { z } from "zod";
import { intent, orNotFound, type Intents } from "~/utils/intents.server";
import { requiredText } from "~/utils/form-fields";
import { changeAcademyStatus } from "./academy.server";
import { deleteSession } from "~/modules/schedule/session.server";
import { addStage, updateStage } from "~/modules/stage/stage.server";
import { StageSchema, toStageInput } from "~/modules/stage/schemas";

// An academy's page (decision 0024): its status moved on, a session deleted, the path's stages
// added and saved. The route lets in only those who manage the academy.

export interface AcademyPage {
  actorId: string;
  academyId: string;
}

const StageIdSchema = StageSchema.extend({ stageId: requiredText(64) });

export const ACADEMY_PAGE_INTENTS: Intents<AcademyPage> = {
  // the change refuses a move the academy's state does not allow
  status: intent({
    schema: z.object({ status: requiredText(40) }),
    run: async (v, p: AcademyPage) => orNotFound(await changeAcademyStatus(p.actorId, p.academyId, v.status)),
    done: (_r, v) => ({ message: `academy.statusChangedTo.${v.status}` }),
  }),
  deleteSession: intent({
    schema: z.object({ sessionId: requiredText(64) }),
    run: async (v, p: AcademyPage) => {
      const deleted = await deleteSession(p.actorId, p.academyId, v.sessionId);
      return orNotFound(deleted && { ok: true as const, sequence: deleted.sequence });
    },
    done: (r) => ({ message: "session.deleted", params: { n: r.sequence } }),
  }),
  addStage: intent({ schema: StageSchema, run: (v, p: AcademyPage) => addStage(p.actorId, p.academyId, toStageInput(v)), done: () => ({ message: "stage.added", at: "#stages" }) }),
  saveStage: intent({
    schema: StageIdSchema,
    run: (v, p: AcademyPage) => updateStage(p.actorId, p.academyId, v.stageId, toStageInput(v)),
    done: () => ({ message: "stage.saved", at: "#stages" }),
  }),
};
