import { z } from "zod";
import { dateField, idList, optionalText, optionalLine, timeField } from "~/utils/form-fields";

/**
 * An http(s) address as the URL parser reads it, host lower-cased ("https://Zoom.us/j/1" →
 * "https://zoom.us/j/1"), or null. Parsed, never pattern-matched; shared by browser and server.
 */
export function normaliseWebUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname.includes(".") || url.username || url.password) return null;
  return url.href;
}

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
    onlineUrl: z
      .string()
      .trim()
      .max(500, "validation.tooLong")
      .optional()
      .default("")
      .refine((v) => v === "" || normaliseWebUrl(v) !== null, "validation.url")
      .transform((v) => (v === "" ? "" : normaliseWebUrl(v)!)),
    agenda: optionalText(5000),
    homework: optionalText(3000),
    facilitatorIds: idList,
    /** set when the coordinator has seen the warnings and saves anyway */
    acknowledgeWarnings: z.string().optional(),
  })
  .refine((v) => v.endTime > v.startTime, { path: ["endTime"], message: "schedule.issue.endBeforeStart" });

export type SessionInput = z.output<typeof SessionSchema>;
