import { z } from "zod";
import { optionalText, optionalLine, requiredText } from "~/utils/form-fields";
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
