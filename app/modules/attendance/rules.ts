import { z } from "zod";
// Attendance and the completion rule (研修履修). Shared by browser and server: no queries.
import { fromTokyo, tokyoParts } from "~/utils/dates";

export const ATTENDANCE_STATUSES = ["present", "late", "absent", "excused"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === "string" && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

/** Attendance is recorded from the session's day (Japan time) on, not days ahead. */
export function attendanceOpen(startsAt: Date, now: Date): boolean {
  const day = tokyoParts(startsAt);
  return now.getTime() >= fromTokyo(day.year, day.month, day.day).getTime();
}

/** Late still counts as having attended; absent and excused do not. */
export function countsAsAttended(status: string): boolean {
  return status === "present" || status === "late";
}

export interface CompletionRule {
  /** sessions attended (present or late), at least */
  minSessions: number;
  /** the released pre-learning must be finished */
  preLearning: boolean;
}

export const DEFAULT_COMPLETION_RULE: CompletionRule = { minSessions: 3, preLearning: true };

export interface PersonProgress {
  attended: number;
  /** released pre-learning items done / released (0 released: nothing to do, so done) */
  preLearningDone: number;
  preLearningTotal: number;
}

export function preLearningFinished(p: PersonProgress): boolean {
  return p.preLearningDone >= p.preLearningTotal;
}

/** Whether a person counts as trained (研修履修) under the academy's rule. */
export function hasCompleted(p: PersonProgress, rule: CompletionRule): boolean {
  return p.attended >= rule.minSessions && (!rule.preLearning || preLearningFinished(p));
}

/** The academy's completion rule (研修履修): so many sessions attended, and the pre-learning done or not. */
export const RuleSchema = z.object({
  minSessions: z
    .string()
    .trim()
    .refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 20, "completion.error.minSessions")
    .transform(Number),
  preLearning: z.union([z.literal("on"), z.literal("")]).optional().transform((v) => v === "on"),
});
