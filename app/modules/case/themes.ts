import { z } from "zod";
import { codeList, fiscalYearField, optionalLine, optionalText, requiredText } from "~/utils/form-fields";

// The case library's vocabulary and form, shared by server and browser.

export const CASE_THEMES = ["health", "childcare_education", "disaster_safety", "public_facilities", "administration", "welfare", "industry_tourism", "environment", "other"] as const;
export const POPULATION_BANDS = ["prefecture", "designated_city", "over_200k", "50k_200k", "10k_50k", "under_10k"] as const;

export const CaseSchema = z.object({
  title: requiredText(120),
  fiscalYear: fiscalYearField,
  themeCategory: z.enum(CASE_THEMES, { error: "case.validation.theme" }),
  populationBand: z.enum(POPULATION_BANDS, { error: "case.validation.population" }),
  municipalityCodes: codeList,
  problem: optionalText(4000),
  dataUsed: optionalText(2000),
  method: optionalText(4000),
  result: optionalText(4000),
  outcome: optionalText(2000),
  contactDepartment: optionalLine(200),
});
export type CaseInput = z.output<typeof CaseSchema>;

export const CaseFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  theme: z.enum(CASE_THEMES).optional().catch(undefined),
  population: z.enum(POPULATION_BANDS).optional().catch(undefined),
  prefecture: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  data: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type CaseFilter = z.output<typeof CaseFilterSchema>;
