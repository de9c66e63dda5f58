import { z } from "zod";
import { dateField, optionalText, requiredText } from "~/utils/form-fields";
import { isCleanText } from "~/utils/text-safety";

// The small forms of the stage page, shared by browser and server.

export const SubmitSchema = z.object({ note: optionalText(2000) });

export const ConfirmSchema = z.object({
  fileId: requiredText(64),
  /** why the personal data in the file may be used (shown to the facilitator) */
  reason: z
    .string({ error: "validation.required" })
    .trim()
    .min(10, "privacy.reasonTooShort")
    .max(1000, "validation.tooLong")
    .refine(isCleanText, "validation.controlChars"),
});

export const ReviewSchema = z.object({
  decision: z.enum(["accept", "request_revision", "comment"], { error: "validation.invalid" }).optional().default("comment"),
  body: optionalText(5000),
  versionNumber: z
    .string()
    .optional()
    .default("")
    .transform((v) => (/^\d{1,6}$/.test(v) ? Number(v) : null)),
});

export const ExtensionSchema = z.object({
  dueDate: dateField,
  reason: optionalText(500),
});

/** Rubric scores from fields "score.<criterion>" = "1".."4" (others ignored). */
export function scoresFrom(values: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) {
    const match = /^score\.([a-zA-Z]{1,40})$/.exec(key);
    if (match && typeof value === "string" && /^[1-4]$/.test(value)) out[match[1]!] = Number(value);
  }
  return out;
}
