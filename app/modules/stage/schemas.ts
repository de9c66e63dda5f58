import { z } from "zod";
import { optionalDateField, optionalLine } from "~/utils/form-fields";
import { fromTokyoInputs } from "~/utils/dates";

export const StageSchema = z.object({
  title: optionalLine(100),
  sessionId: optionalLine(40),
  /** the due day (Tokyo); the deliverable is due at its end */
  dueDate: optionalDateField,
});

export type StageForm = z.input<typeof StageSchema>;
export type StageInput = { title: string; sessionId: string; dueAt: Date | null };

export function toStageInput(data: z.output<typeof StageSchema>): StageInput {
  return { title: data.title, sessionId: data.sessionId, dueAt: data.dueDate ? fromTokyoInputs(data.dueDate, "23:59") : null };
}
