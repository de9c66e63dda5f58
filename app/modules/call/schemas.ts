import { z } from "zod";
import { emailField } from "~/modules/account/schemas";
import { codeList, dateField, fiscalYearField, optionalLine, optionalText, requiredText, timeField } from "~/utils/form-fields";

// The forms of calls and applications, shared by browser and server. Messages are i18n keys.

export const TRACK_KINDS = ["consultation", "academy"] as const;
export type TrackKind = (typeof TRACK_KINDS)[number];
export const DECISIONS = ["selected", "waitlisted", "not_selected"] as const;
export type Decision = (typeof DECISIONS)[number];

const count = (max: number, message: string) => z.coerce.number({ error: message }).int(message).min(0, message).max(max, message);

export const CallSchema = z.object({
  fiscalYear: fiscalYearField,
  title: requiredText(120),
  description: optionalText(5000),
  deadlineDate: dateField,
  deadlineTime: timeField,
  /** "yes": the person saw the deadline warnings and saves anyway */
  acknowledgeWarnings: z.string().max(3).optional().default(""),
});
export type CallInput = z.output<typeof CallSchema>;

export const TrackSchema = z.object({
  kind: z.enum(TRACK_KINDS, { error: "call.validation.trackKind" }),
  label: requiredText(80),
  places: count(500, "call.validation.places"),
  maxApplications: z.union([z.literal(""), count(5000, "call.validation.maxApplications")]).optional().default(""),
});

export const CriterionSchema = z.object({
  label: requiredText(80),
  weight: count(10, "call.validation.weight"),
});

/** A draft may be saved half-filled; submitting checks the rest (applicationProblems). */
export const ApplicationSchema = z.object({
  trackId: requiredText(40),
  municipalityCodes: codeList,
  contactName: optionalLine(80),
  contactDepartment: optionalLine(120),
  contactPhone: z.string().trim().max(20, "validation.tooLong").regex(/^[0-9０-９()（）+\-‐ー－ ]*$/, "call.validation.phone").optional().default(""),
  problem: optionalText(4000),
  dataHeld: optionalText(4000),
  dataDepartment: optionalLine(200),
  staffCount: z.union([z.literal(""), z.coerce.number({ error: "call.validation.staffCount" }).int("call.validation.staffCount").min(1, "call.validation.staffCount").max(100, "call.validation.staffCount")]).optional().default(""),
  consentPublication: z.union([z.literal("on"), z.literal(""), z.literal(false)]).optional().transform((v) => v === "on"),
});
export type ApplicationInput = z.output<typeof ApplicationSchema>;

/** What must be filled before an application can be submitted: field → message. */
export function applicationProblems(a: { contactName: string; contactDepartment: string; problem: string; dataHeld: string; dataDepartment: string; staffCount: number | null; municipalityCount: number }) {
  const problems: Record<string, string> = {};
  if (a.municipalityCount === 0) problems.municipalityCodes = "call.validation.municipalityRequired";
  if (!a.contactName) problems.contactName = "validation.required";
  if (!a.contactDepartment) problems.contactDepartment = "validation.required";
  if (!a.problem) problems.problem = "validation.required";
  if (!a.dataHeld) problems.dataHeld = "validation.required";
  if (!a.dataDepartment) problems.dataDepartment = "validation.required";
  if (!a.staffCount) problems.staffCount = "call.validation.staffCount";
  return problems;
}

export const ScoreSchema = z.object({ comment: optionalText(2000) });

export const RegisterSchema = z.object({
  email: emailField,
  displayName: requiredText(80),
  municipalityCode: requiredText(10),
  trackId: requiredText(40),
});
