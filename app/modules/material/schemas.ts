import { z } from "zod";
import { dateField, optionalText, optionalLine, requiredText, timeField } from "~/utils/form-fields";
import { DEFAULT_STAGE_KEYS } from "~/modules/stage/stages";

/** The stage a catalogue item belongs to by default, or "general". */
export const MATERIAL_STAGES = [...DEFAULT_STAGE_KEYS, "general"] as const;
export const AUDIENCES = ["participant", "facilitator"] as const;

export const MaterialMetaSchema = z.object({
  title: requiredText(200),
  titleEn: optionalLine(200),
  summary: optionalText(1000),
  summaryEn: optionalText(1000),
  stage: z.enum(MATERIAL_STAGES, { error: "material.validation.stage" }),
  audience: z.enum(AUDIENCES, { error: "material.validation.audience" }),
});

export const LinkSchema = MaterialMetaSchema.extend({
  url: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(1000, "validation.tooLong")
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "validation.url"),
});

export type MaterialMeta = z.output<typeof MaterialMetaSchema>;

/** Upload limit for material files (shared so forms can state it). */
export const MAX_MATERIAL_BYTES = 50 * 1024 * 1024;

const id = z.string({ error: "validation.invalid" }).trim().min(1, "validation.invalid").max(64, "validation.invalid");
const offset = z.coerce.number({ error: "material.validation.offset" }).int("material.validation.offset");

/** The release form: so many days before or after the stage's session, or a fixed date and time (Japan). */
export const ReleaseSchema = z
  .object({
    materialId: id,
    stageId: z.string().trim().max(64, "validation.invalid").optional().default(""),
    mode: z.enum(["relative", "fixed"], { error: "material.validation.releaseMode" }),
    /** the form's plain words: so many days, before or after the stage's session */
    offsetAbs: offset.min(0, "material.validation.offset").max(60, "material.validation.offset").optional(),
    offsetDir: z.enum(["before", "after"], { error: "validation.invalid" }).optional().default("before"),
    /** a signed number of days (scripts and the older form) */
    offsetDays: offset.min(-60, "material.validation.offset").max(60, "material.validation.offset").optional(),
    date: z.string().optional().default(""),
    time: z.string().optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.mode !== "fixed") return;
    const date = dateField.safeParse(v.date);
    if (!date.success) ctx.addIssue({ code: "custom", path: ["date"], message: date.error.issues[0]?.message ?? "validation.date" });
    const time = timeField.safeParse(v.time);
    if (!time.success) ctx.addIssue({ code: "custom", path: ["time"], message: time.error.issues[0]?.message ?? "validation.time" });
  });
