import { z } from "zod";
import { intent, orNotFound, type Intents } from "~/utils/intents.server";
import type { TeamRef } from "~/modules/deliverable/path.server";
import { WorksheetSchema } from "./schemas";
import { deleteWorksheet, saveWorksheet } from "./dataset.server";

// A team's data worksheets (decision 0024): its members write one, save it and delete it; the
// answer goes back to the data stage the worksheets belong to.

export interface WorksheetPage {
  actorId: string;
  team: TeamRef;
  /** the worksheet on the page; none on the page that writes a new one */
  worksheetId: string | null;
  /** the data stage's page */
  back: string;
}

const member = { may: (p: WorksheetPage) => p.team.isMember, refusal: "form.notAllowed" } as const;

export const WORKSHEET_INTENTS: Intents<WorksheetPage> = {
  save: intent({
    ...member,
    schema: WorksheetSchema,
    run: async (v, p: WorksheetPage) => orNotFound((await saveWorksheet(p.actorId, p.team.id, p.worksheetId, v)) !== null && { ok: true as const, back: p.back, created: p.worksheetId === null }),
    done: (r, v) => ({ message: r.created ? "worksheet.flash.created" : "worksheet.flash.saved", params: { name: v.name }, to: r.back }),
  }),
  delete: intent({
    ...member,
    schema: z.object({}),
    run: async (_v, p: WorksheetPage) => {
      const name = p.worksheetId ? await deleteWorksheet(p.actorId, p.team.id, p.worksheetId) : null;
      return orNotFound(name !== null && { ok: true as const, name, back: p.back });
    },
    done: (r) => ({ message: "worksheet.flash.deleted", params: { name: r.name }, to: r.back }),
  }),
};

/** The page that writes a new worksheet: only saving it. */
export const NEW_WORKSHEET_INTENTS: Intents<WorksheetPage> = { save: WORKSHEET_INTENTS.save! };
