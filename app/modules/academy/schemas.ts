import { z } from "zod";
import {
  dateField,
  fiscalYearField,
  idList,
  optionalDateField,
  optionalText,
  requiredText,
  timeField,
} from "~/utils/form-fields";
import { ACADEMY_STATUSES } from "./status";
import { emailField } from "~/modules/account/schemas";

const staff = {
  facilitatorIds: idList,
  coordinatorIds: idList,
};

export const AcademyCreateSchema = z
  .object({
    regionId: requiredText(40),
    fiscalYear: fiscalYearField,
    name: requiredText(100),
    description: optionalText(2000),
    preLearningStartDate: optionalDateField,
    firstSessionDate: dateField,
    startTime: timeField,
    endTime: timeField,
    intervalDays: z.coerce
      .number({ error: "academy.validation.interval" })
      .int("academy.validation.interval")
      .min(1, "academy.validation.interval")
      .max(60, "academy.validation.interval"),
    ...staff,
    /** set when the coordinator has seen the schedule warnings and creates anyway */
    acknowledgeWarnings: z.string().optional(),
  })
  .refine((v) => v.endTime > v.startTime, { path: ["endTime"], message: "schedule.issue.endBeforeStart" });

export const AcademyUpdateSchema = z.object({
  name: requiredText(100),
  description: optionalText(2000),
  preLearningStartDate: optionalDateField,
  ...staff,
  /** set when the coordinator confirmed taking people off the staff */
  confirmStaffRemoval: z.string().optional(),
});

export const AcademyStatusSchema = z.object({
  status: z.enum(ACADEMY_STATUSES, { error: "academy.validation.status" }),
});

export const AcademyFilterSchema = z.object({
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  prefecture: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  regionId: z.string().max(40).optional().catch(undefined),
  status: z.enum(ACADEMY_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type AcademyCreateInput = z.output<typeof AcademyCreateSchema>;
export type AcademyUpdateInput = z.output<typeof AcademyUpdateSchema>;
export type AcademyFilter = z.output<typeof AcademyFilterSchema>;

/** Someone not yet on the staff pool, added to this academy's staff by e-mail. */
export const STAFF_ROLES = ["facilitator", "coordinator", "observer"] as const;
export const StaffInviteSchema = z.object({
  displayName: requiredText(100),
  email: emailField,
  role: z.enum(STAFF_ROLES, { error: "academy.validation.staffRole" }),
});
export type StaffInviteInput = z.output<typeof StaffInviteSchema>;
