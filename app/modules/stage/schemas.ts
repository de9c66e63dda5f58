import { z } from "zod";
import { optionalDateField, optionalLine } from "~/utils/form-fields";
import { fromTokyoInputs } from "~/utils/dates";
import { DELIVERABLE_KINDS, type DeliverableKind } from "./stages";

export const StageSchema = z.object({
  title: optionalLine(100),
  sessionId: optionalLine(40),
  /** the due day (Tokyo); the deliverable is due at its end */
  dueDate: optionalDateField,
  /** what teams hand in at this stage */
  deliverable: z.enum(DELIVERABLE_KINDS, { error: "validation.invalid" }).optional().default("none"),
  /** after this day (Tokyo) only an extension lets a team submit */
  cutoffDate: optionalDateField,
}).refine((v) => !v.cutoffDate || !v.dueDate || v.cutoffDate >= v.dueDate, { path: ["cutoffDate"], message: "stage.validation.cutoffBeforeDue" });

export type StageForm = z.input<typeof StageSchema>;
export type StageInput = { title: string; sessionId: string; dueAt: Date | null; deliverable: DeliverableKind; cutoffAt: Date | null };

export function toStageInput(data: z.output<typeof StageSchema>): StageInput {
  return {
    title: data.title,
    sessionId: data.sessionId,
    dueAt: data.dueDate ? fromTokyoInputs(data.dueDate, "23:59") : null,
    deliverable: data.deliverable,
    cutoffAt: data.cutoffDate ? fromTokyoInputs(data.cutoffDate, "23:59") : null,
  };
}
