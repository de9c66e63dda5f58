import { z } from "zod";
import { optionalDateField, optionalLine, optionalText, requiredText } from "~/utils/form-fields";
import { isCleanLine } from "~/utils/text-safety";
import { ACTION_DECISIONS, PHASES, TEMPLATE_KEYS } from "./rules";

// One schema per board form, shared by the browser and the board's action.

const id = z.string({ error: "validation.invalid" }).trim().min(1, "validation.invalid").max(40, "validation.invalid");
const optionalId = z.string().trim().max(40, "validation.invalid").optional().default("");
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.literal(false), z.literal(true)])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);
const smallInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .default(String(fallback))
    .refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= min && Number(v) <= max, "validation.range")
    .transform(Number);

export const NewRetroSchema = z
  .object({
    template: z.enum(TEMPLATE_KEYS as [string, ...string[]], { error: "validation.invalid" }).default("kpt"),
    /** "" : the whole session */
    teamId: optionalId,
    sessionId: optionalId,
    title: optionalLine(100),
    /** custom template: one prompt per line */
    customPrompts: optionalText(1000),
    anonymous: checkbox,
    voteBudget: smallInt(1, 20, 3),
    maxVotesPerGroup: smallInt(1, 20, 2),
  })
  .transform((v) => ({
    ...v,
    prompts: v.customPrompts
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
  }))
  .superRefine((v, ctx) => {
    if (v.template !== "custom") return;
    if (v.prompts.length < 1 || v.prompts.length > 6) ctx.addIssue({ code: "custom", path: ["customPrompts"], message: "retro.error.customPrompts" });
    else if (v.prompts.some((p) => p.length > 40 || !isCleanLine(p))) ctx.addIssue({ code: "custom", path: ["customPrompts"], message: "retro.error.customPrompts" });
  });
export type NewRetroInput = z.output<typeof NewRetroSchema>;

export const CardSchema = z.object({ prompt: z.string().trim().min(1, "validation.invalid").max(20, "validation.invalid"), text: requiredText(500) });
export const CardIdSchema = z.object({ cardId: id });
export const GroupSchema = z.object({ title: requiredText(80) });
export const MoveSchema = z.object({ cardId: id, groupId: optionalId });
export const VoteSchema = z.object({ groupId: id, direction: z.enum(["add", "remove"], { error: "validation.invalid" }).default("add") });
export const NotesSchema = z.object({ groupId: id, notes: optionalText(3000) });
export const PhaseSchema = z.object({
  phase: z.enum(PHASES, { error: "validation.invalid" }),
  /** 0 or empty: no timer */
  minutes: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => v === "" || (/^\d{1,3}$/.test(v) && Number(v) <= 180), "validation.range")
    .transform((v) => (v === "" ? 0 : Number(v))),
});
export const ActionSchema = z.object({
  text: requiredText(300),
  ownerId: optionalId,
  teamId: optionalId,
  groupId: optionalId,
  stageId: optionalId,
  dueDate: optionalDateField,
});
export const ReviewSchema = z.object({ actionId: id, decision: z.enum(ACTION_DECISIONS, { error: "validation.invalid" }) });
export const AnonymousSchema = z.object({ anonymous: checkbox });
/** "done with this phase": "on" says done, anything else (the button "not done yet") takes it back */
export const ReadySchema = z.object({ ready: checkbox });
