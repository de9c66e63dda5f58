import { z } from "zod";
import { codeList, optionalText, requiredText } from "~/utils/form-fields";
import { emailField } from "~/modules/account/schemas";

export const TEAM_ROLES = ["problem_owner", "data_holder", "other"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TeamSchema = z.object({
  name: requiredText(100),
  themeTitle: requiredText(200),
  problemStatement: optionalText(2000),
  municipalityCodes: codeList.refine((codes) => codes.length > 0, "team.validation.noMunicipality"),
  leadId: z.string().max(40).optional().default(""),
  /** the facilitator who reviews the team's deliverables; empty: any facilitator of the academy */
  facilitatorId: z.string().max(40).optional().default(""),
});

export const MemberSchema = z.object({
  displayName: requiredText(100),
  email: emailField,
  department: requiredText(100),
  teamRole: z.enum(TEAM_ROLES, { error: "team.validation.role" }),
});

export type TeamInput = z.output<typeof TeamSchema>;
export type MemberInput = z.output<typeof MemberSchema>;
