import { fromTokyo, tokyoParts } from "~/utils/dates";

// Due dates and cut-offs of the team path. Pure: shared by the server (who may submit, what is
// late) and the pages (what the step indicator shows). See docs/decisions/0010-team-path.md.

export interface DeadlineStage {
  id: string;
  /** the coordinator's due date; null: the default below */
  dueAt: Date | null;
  cutoffAt: Date | null;
  /** start of the session the stage is worked on in, if tied to one */
  sessionStartsAt: Date | null;
}

/** 23:59 Tokyo of the day before `date`. */
export function endOfDayBefore(date: Date): Date {
  const p = tokyoParts(date);
  return fromTokyo(p.year, p.month, p.day - 1, 23, 59);
}

/** 23:59 Tokyo of the same day. */
export function endOfDay(date: Date): Date {
  const p = tokyoParts(date);
  return fromTokyo(p.year, p.month, p.day, 23, 59);
}

/**
 * Each stage's due date: its own, or else the end of the day before the next session after the
 * one the stage is worked on in (the deliverable is due before the team meets again). A stage
 * without a session follows the stage before it; the last stage is due at the end of its
 * session's day. No sessions at all: no due date.
 */
export function stageDueDates(stages: readonly DeadlineStage[], sessionStarts: readonly Date[]): Map<string, Date | null> {
  const starts = [...sessionStarts].sort((a, b) => a.getTime() - b.getTime());
  const due = new Map<string, Date | null>();
  let anchor: Date | null = null;
  for (const stage of stages) {
    anchor = stage.sessionStartsAt ?? anchor;
    if (stage.dueAt) {
      due.set(stage.id, stage.dueAt);
      continue;
    }
    const anchorDayEnd = anchor ? endOfDay(anchor) : null;
    const next = starts.find((s) => !anchorDayEnd || s > anchorDayEnd);
    due.set(stage.id, next ? endOfDayBefore(next) : anchorDayEnd);
  }
  return due;
}

export interface TeamDeadline {
  dueAt: Date | null;
  cutoffAt: Date | null;
  extended: boolean;
}

/** A team's deadline for a stage, with its extension (which also moves the cut-off that far). */
export function teamDeadline(stageDue: Date | null, cutoffAt: Date | null, extensionDueAt: Date | null | undefined): TeamDeadline {
  if (!extensionDueAt) return { dueAt: stageDue, cutoffAt, extended: false };
  const cutoff = cutoffAt && cutoffAt > extensionDueAt ? cutoffAt : cutoffAt ? extensionDueAt : null;
  return { dueAt: extensionDueAt, cutoffAt: cutoff, extended: true };
}

export function isPastCutoff(deadline: TeamDeadline, now: Date) {
  return deadline.cutoffAt !== null && now > deadline.cutoffAt;
}

export function isLate(deadline: TeamDeadline, at: Date) {
  return deadline.dueAt !== null && at > deadline.dueAt;
}
