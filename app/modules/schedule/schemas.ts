import { z } from "zod";
import { dateField, idList, optionalText, optionalLine, optionalWebUrl, timeField } from "~/utils/form-fields";


export const SESSION_KINDS = ["workshop", "kickoff", "final_report"] as const;

export const SessionSchema = z
  .object({
    kind: z.enum(SESSION_KINDS, { error: "validation.invalid" }).default("workshop"),
    title: optionalLine(100),
    date: dateField,
    startTime: timeField,
    endTime: timeField,
    venueName: optionalLine(200),
    venueAddress: optionalLine(300),
    venueCapacity: z
      .string()
      .trim()
      .optional()
      .default("")
      .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10000), "validation.capacity")
      .transform((v) => (v === "" ? null : Number(v))),
    onlineUrl: optionalWebUrl,
    agenda: optionalText(5000),
    homework: optionalText(3000),
    facilitatorIds: idList,
    /** set when the coordinator has seen the warnings and saves anyway */
    acknowledgeWarnings: z.string().optional(),
  })
  .refine((v) => v.endTime > v.startTime, { path: ["endTime"], message: "schedule.issue.endBeforeStart" });

export type SessionInput = z.output<typeof SessionSchema>;
