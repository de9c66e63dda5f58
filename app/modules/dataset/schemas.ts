import { z } from "zod";
import { optionalDateField, optionalLine, optionalText, requiredText } from "~/utils/form-fields";

// データ活用検討ワークシート: one per dataset a team uses. Shared by browser and server.

export const PERSONAL_INFO = ["none", "personal", "sensitive"] as const;
export const PROCESSING = ["aggregate", "pseudonymised", "anonymised", "raw"] as const;
export const CONSULTATION = ["not_needed", "planned", "consulted", "approved"] as const;

export const WorksheetSchema = z
  .object({
    name: requiredText(200),
    department: optionalLine(200),
    personalInfo: z.enum(PERSONAL_INFO, { error: "validation.invalid" }),
    processing: z.enum(PROCESSING, { error: "validation.invalid" }),
    purpose: optionalText(2000),
    withinPurpose: z.enum(["yes", "no"], { error: "validation.required" }),
    legalBasis: optionalText(1000),
    consultationStatus: z.enum(CONSULTATION, { error: "validation.invalid" }),
    consultationDate: optionalDateField,
    consultationNotes: optionalText(2000),
    retention: optionalLine(300),
  })
  // Using data outside the purpose it was collected for needs its legal basis (個人情報保護法 第69条).
  .refine((v) => v.withinPurpose === "yes" || v.legalBasis.length > 0, { path: ["legalBasis"], message: "worksheet.validation.legalBasis" })
  // Personal data handed over raw needs the privacy office's view.
  .refine((v) => !(v.personalInfo !== "none" && v.processing === "raw" && v.consultationStatus === "not_needed"), {
    path: ["consultationStatus"],
    message: "worksheet.validation.consultation",
  })
  .refine((v) => v.consultationStatus === "not_needed" || v.consultationStatus === "planned" || v.consultationDate !== "", {
    path: ["consultationDate"],
    message: "worksheet.validation.consultationDate",
  });

export type WorksheetForm = z.input<typeof WorksheetSchema>;
export type WorksheetInput = z.output<typeof WorksheetSchema>;
