import holidayJp from "@holiday-jp/holiday_jp";
import { tokyoParts } from "~/utils/dates";

// The rules a four-session schedule must follow. Errors block saving; warnings are shown
// beside the session so the coordinator can decide. Pure functions: unit-tested at the edges.

export const MIN_RECOMMENDED_HOURS = 3;
export const MAX_RECOMMENDED_HOURS = 4;
export const MAX_HOURS = 8;
export const MIN_RECOMMENDED_GAP_DAYS = 7;

export type IssueLevel = "error" | "warning";

export interface ScheduleIssue {
  level: IssueLevel;
  /** i18n key under schedule.issue.* */
  code:
    | "endBeforeStart"
    | "tooLong"
    | "shorterThanRecommended"
    | "longerThanRecommended"
    | "weekend"
    | "holiday"
    | "outOfOrder"
    | "tooClose"
    | "facilitatorDoubleBooked"
    | "venueDoubleBooked"
    | "facilitatorDoubleBookedElsewhere"
    | "venueDoubleBookedElsewhere"
    | "facilitatorInConsultation"
    | "venueInConsultation"
    | "inPast";
  params?: Record<string, string | number>;
}

export interface SessionTiming {
  sequence: number;
  startsAt: Date;
  endsAt: Date;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function dateKey(date: Date) {
  const { year, month, day } = tokyoParts(date);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The Japanese public holiday on this Tokyo date, if any (name in Japanese and English). */
export function holidayOn(date: Date): { name: string; nameEn: string } | null {
  const holiday = (holidayJp.holidays as Record<string, { name: string; name_en: string }>)[dateKey(date)];
  return holiday ? { name: holiday.name, nameEn: holiday.name_en } : null;
}

/** Rules about one session on its own: length, weekday, holiday. */
export function checkSessionTiming(session: Pick<SessionTiming, "startsAt" | "endsAt">): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const hours = (session.endsAt.getTime() - session.startsAt.getTime()) / HOUR;
  if (hours <= 0) return [{ level: "error", code: "endBeforeStart" }];
  if (hours > MAX_HOURS) issues.push({ level: "error", code: "tooLong", params: { max: MAX_HOURS } });
  else if (hours < MIN_RECOMMENDED_HOURS) {
    issues.push({ level: "warning", code: "shorterThanRecommended", params: { hours: round(hours), min: MIN_RECOMMENDED_HOURS } });
  } else if (hours > MAX_RECOMMENDED_HOURS) {
    issues.push({ level: "warning", code: "longerThanRecommended", params: { hours: round(hours), max: MAX_RECOMMENDED_HOURS } });
  }
  const weekday = tokyoParts(session.startsAt).weekday;
  if (weekday === 0 || weekday === 6) issues.push({ level: "warning", code: "weekend" });
  const holiday = holidayOn(session.startsAt);
  if (holiday) issues.push({ level: "warning", code: "holiday", params: { name: holiday.name, nameEn: holiday.nameEn } });
  return issues;
}

/**
 * Rules between a session and its neighbours in the academy (by sequence): it must start after
 * the previous one ends and before the next one starts; less than 7 days apart is a warning.
 */
export function checkSessionOrder(session: SessionTiming, others: SessionTiming[]): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const sorted = others.filter((o) => o.sequence !== session.sequence).sort((a, b) => a.sequence - b.sequence);
  const previous = [...sorted].reverse().find((o) => o.sequence < session.sequence);
  const next = sorted.find((o) => o.sequence > session.sequence);
  if (previous && session.startsAt.getTime() < previous.endsAt.getTime()) {
    issues.push({ level: "error", code: "outOfOrder", params: { other: previous.sequence } });
  } else if (previous && gapDays(previous.startsAt, session.startsAt) < MIN_RECOMMENDED_GAP_DAYS) {
    issues.push({ level: "warning", code: "tooClose", params: { other: previous.sequence, days: gapDays(previous.startsAt, session.startsAt) } });
  }
  if (next && session.endsAt.getTime() > next.startsAt.getTime()) {
    issues.push({ level: "error", code: "outOfOrder", params: { other: next.sequence } });
  }
  return issues;
}

/** Whole calendar days between two sessions, counted on Tokyo dates. */
export function gapDays(a: Date, b: Date): number {
  const day = (d: Date) => {
    const { year, month, day } = tokyoParts(d);
    return Date.UTC(year, month - 1, day) / DAY;
  };
  return Math.abs(day(b) - day(a));
}

export interface BookedSession {
  academyId: string;
  academyName: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  facilitators: { id: string; name: string }[];
}

/** Same normalisation for venue names everywhere: NFKC, no spaces, lower case. */
export function venueKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/**
 * A facilitator or a venue cannot be in two overlapping sessions, across all academies.
 * Online sessions (no venue name) never clash on the venue.
 */
export function checkDoubleBooking(
  session: { startsAt: Date; endsAt: Date; venueName: string; facilitatorIds: string[] },
  booked: BookedSession[],
): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const overlapping = booked.filter(
    (b) => b.startsAt.getTime() < session.endsAt.getTime() && session.startsAt.getTime() < b.endsAt.getTime(),
  );
  for (const b of overlapping) {
    for (const f of b.facilitators.filter((f) => session.facilitatorIds.includes(f.id))) {
      issues.push({
        level: "error",
        code: "facilitatorDoubleBooked",
        params: { name: f.name, academy: b.academyName, academyId: b.academyId, sequence: b.sequence },
      });
    }
    if (session.venueName.trim() && venueKey(b.venueName) === venueKey(session.venueName)) {
      issues.push({
        level: "error",
        code: "venueDoubleBooked",
        params: { venue: b.venueName, academy: b.academyName, academyId: b.academyId, sequence: b.sequence },
      });
    }
  }
  return issues;
}

/** A new session dated before now is allowed (recording a past academy) but worth a second look. */
export function checkNotInPast(session: { startsAt: Date }, now: Date): ScheduleIssue[] {
  return session.startsAt.getTime() < now.getTime() ? [{ level: "warning", code: "inPast" }] : [];
}

/**
 * A clash with an academy the person may not open is reported without its name or
 * session: "another academy". Nothing about other academies leaks through an error.
 */
export function redactForeignAcademies(issues: ScheduleIssue[], canSee: (academyId: string) => boolean): ScheduleIssue[] {
  return issues.map((issue) => {
    const academyId = issue.params?.academyId;
    if (typeof academyId !== "string" || canSee(academyId)) return issue;
    if (issue.code === "facilitatorDoubleBooked") return { level: issue.level, code: "facilitatorDoubleBookedElsewhere", params: { name: issue.params!.name! } };
    if (issue.code === "venueDoubleBooked") return { level: issue.level, code: "venueDoubleBookedElsewhere", params: { venue: issue.params!.venue! } };
    return issue;
  });
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}

export function hasErrors(issues: ScheduleIssue[]) {
  return issues.some((i) => i.level === "error");
}

/** A consultation meeting (相談会) that takes up its experts' time and, at a venue, the room. */
export interface BookedConsultation {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** empty when online */
  venueName: string;
  experts: { id: string; name: string }[];
}

/**
 * The same rule between sessions and consultations: nobody is in two places at once and a room
 * holds one meeting. Consultations are not named (their titles are the governments' business).
 */
export function checkConsultationClashes(
  meeting: { startsAt: Date; endsAt: Date; venueName: string; personIds: string[] },
  booked: BookedConsultation[],
): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  for (const b of booked) {
    if (!(b.startsAt.getTime() < meeting.endsAt.getTime() && meeting.startsAt.getTime() < b.endsAt.getTime())) continue;
    for (const e of b.experts.filter((e) => meeting.personIds.includes(e.id))) {
      issues.push({ level: "error", code: "facilitatorInConsultation", params: { name: e.name } });
    }
    if (meeting.venueName.trim() && b.venueName.trim() && venueKey(b.venueName) === venueKey(meeting.venueName)) {
      issues.push({ level: "error", code: "venueInConsultation", params: { venue: b.venueName } });
    }
  }
  return issues;
}
