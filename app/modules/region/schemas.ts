import { z } from "zod";
import { codeList, optionalText, optionalLine, requiredText } from "~/utils/form-fields";

export const RegionSchema = z.object({
  name: requiredText(100),
  kana: optionalLine(100),
  description: optionalText(2000),
  municipalityCodes: codeList.refine((codes) => codes.length > 0, "region.validation.noMembers"),
});

export type RegionInput = z.output<typeof RegionSchema>;
