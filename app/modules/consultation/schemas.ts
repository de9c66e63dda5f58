import { z } from "zod";
import { emailField } from "~/modules/account/schemas";
import { dateField, idList, optionalLine, optionalText, optionalWebUrl, requiredText, timeField } from "~/utils/form-fields";
import { isCleanText } from "~/utils/text-safety";

// Expert consultations (相談会): the vocabulary and every form, shared by browser and server.
// Messages are i18n keys. See docs/decisions/0014-consultations-and-local-facilitators.md.

/** Free text that must be filled: line breaks allowed, other control characters refused. */
const requiredLongText = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong").refine(isCleanText, "validation.controlChars");

export const EXPERT_KINDS = ["lawyer", "analyst", "government", "researcher", "other"] as const;
export type ExpertKind = (typeof EXPERT_KINDS)[number];

export const CONSULTATION_STATUSES = ["requested", "scheduled", "held", "declined", "cancelled"] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
/** Statuses in which a meeting takes up the experts' time and the venue. */
export const BOOKED_STATUSES: readonly ConsultationStatus[] = ["scheduled", "held"];

export const MEETING_MODES = ["online", "venue"] as const;
export const ACTION_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export { DEFAULT_TOPICS } from "./default-topics";

export const TopicSchema = z.object({
  label: requiredText(60),
  labelEn: optionalLine(80),
});

export const ExpertSchema = z.object({
  displayName: requiredText(80),
  email: emailField,
  kind: z.enum(EXPERT_KINDS, { error: "consultation.validation.expertKind" }),
  affiliation: optionalLine(120),
  fields: optionalText(1000),
  topicIds: idList,
});
export type ExpertInput = z.output<typeof ExpertSchema>;
/** Editing an expert: the address belongs to their account and is not changed here. */
export const ExpertUpdateSchema = ExpertSchema.omit({ email: true });
export type ExpertUpdateInput = z.output<typeof ExpertUpdateSchema>;

export const RequestSchema = z.object({
  municipalityCode: z.string({ error: "consultation.validation.municipality" }).trim().min(1, "consultation.validation.municipality").max(20, "validation.invalid"),
  topicId: requiredText(40),
  title: requiredText(120),
  question: requiredLongText(4000),
  background: optionalText(4000),
});
export type RequestInput = z.output<typeof RequestSchema>;

export const ScheduleSchema = z
  .object({
    expertIds: idList.pipe(z.array(z.string()).min(1, "consultation.validation.expertRequired")),
    date: dateField,
    startTime: timeField,
    endTime: timeField,
    mode: z.enum(MEETING_MODES, { error: "consultation.validation.mode" }),
    venueName: optionalLine(200),
    venueAddress: optionalLine(300),
    onlineUrl: optionalWebUrl,
    acknowledgeWarnings: z.string().optional(),
  })
  .refine((v) => v.endTime > v.startTime, { path: ["endTime"], message: "schedule.issue.endBeforeStart" })
  .refine((v) => v.mode !== "venue" || v.venueName !== "", { path: ["venueName"], message: "consultation.validation.venueRequired" })
  .refine((v) => v.mode !== "online" || v.onlineUrl !== "", { path: ["onlineUrl"], message: "consultation.validation.urlRequired" });
export type ScheduleInput = z.output<typeof ScheduleSchema>;

export const RecordSchema = z.object({
  issues: requiredLongText(5000),
  advice: requiredLongText(8000),
});

export const ActionSchema = z.object({
  description: requiredText(300),
  owner: requiredText(120),
  dueOn: dateField,
});

export const ActionStatusSchema = z.object({
  actionId: requiredText(40),
  status: z.enum(ACTION_STATUSES, { error: "validation.invalid" }),
});

export const FollowUpSchema = z.object({
  note: requiredLongText(3000),
});

export const CloseSchema = z.object({
  reason: requiredText(500),
});

export const ConsultationFilterSchema = z.object({
  status: z.enum(CONSULTATION_STATUSES).optional().catch(undefined),
  topic: z.string().max(40).optional().catch(undefined),
  fy: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ConsultationFilter = z.output<typeof ConsultationFilterSchema>;

export const ExpertFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(EXPERT_KINDS).optional().catch(undefined),
  topic: z.string().max(40).optional().catch(undefined),
  retired: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ExpertFilter = z.output<typeof ExpertFilterSchema>;
