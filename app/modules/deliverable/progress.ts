import { takesFiles, takesForm } from "~/modules/stage/stages";
import type { TeamDeadline } from "./deadline";

// Where a team stands on its path, per stage. Pure (server and browser). The one definition of a
// stage's state, the team's current stage and "overdue": the step indicator, the status table,
// the progress board and its exports, the dashboards' counts and the review queue all read it
// from here (docs/decisions/0022-one-source-for-stage-states.md).

export const DELIVERABLE_STATUSES = ["draft", "submitted", "revision_requested", "accepted"] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

/** What every screen shows for a stage. */
export type StageState = "done" | "submitted" | "revision" | "overdue" | "current" | "upcoming" | "missed";
export const STAGE_STATES: readonly StageState[] = ["done", "submitted", "revision", "current", "overdue", "missed", "upcoming"];

export interface ProgressStage {
  id: string;
  deliverable: string;
  deadline: TeamDeadline;
  /** the team's deliverable status for the stage (null: nothing started) */
  status: DeliverableStatus | null;
  latestVersion: number;
  /**
   * Pre-learning only: every member of the team has done every released pre-learning item
   * (true), someone has not (false), nothing released yet (null). Undefined for other stages.
   */
  learned?: boolean | null;
}

export function handsIn(kind: string) {
  return takesForm(kind) || takesFiles(kind);
}

/**
 * Whether an academy holds its teams to their due dates: "running" (a stage past its due date
 * and not done is overdue), "closed" (finished or archived: what was not done stays missed, no
 * longer a task) or "before" (planning, recruiting: nothing is overdue yet).
 */
export type AcademyPhase = "before" | "running" | "closed";
export function academyPhase(status: string): AcademyPhase {
  return status === "running" ? "running" : status === "finished" || status === "archived" ? "closed" : "before";
}

/** Is the stage done? Hand-in stages when accepted; pre-learning when every member has learned; other stages once due or passed by. */
function isDone(s: ProgressStage, handedInLater: boolean, now: Date) {
  if (handsIn(s.deliverable)) return s.status === "accepted";
  const pastDue = s.deadline.dueAt !== null && now > s.deadline.dueAt;
  if (s.learned === true || s.learned === false) return s.learned;
  // nothing to learn has been released, or a stage without a task of its own (the retrospective)
  return pastDue || handedInLater;
}

/** Does the stage ask something of the team by a date (so that it can be overdue)? */
function hasTask(s: ProgressStage) {
  return handsIn(s.deliverable) || s.learned === false;
}

/**
 * Each stage's state and the team's current stage.
 * - done: accepted; pre-learning learned by every member; a stage without a task once its due
 *   date passed or the team handed in a later stage.
 * - submitted / revision: waiting for the reviewer / sent back to the team.
 * - overdue (running academies): a task past its due date, not started again or handed in.
 * - missed (finished academies): a task never done.
 * - current: the stage the team works on now; upcoming: later stages not started.
 * The current stage is the first one that needs the team (not done, not waiting for review);
 * if every open stage waits for review, the first of those; -1 when every stage is done.
 */
export function stageStates(stages: readonly ProgressStage[], now: Date, phase: AcademyPhase): { states: StageState[]; currentIndex: number } {
  const handedInLater = stages.map((_, i) => stages.slice(i + 1).some((s) => s.latestVersion > 0));
  const done = stages.map((s, i) => isDone(s, handedInLater[i]!, now));
  const needsTeam = stages.map((s, i) => !done[i] && s.status !== "submitted");
  let currentIndex = needsTeam.indexOf(true);
  if (currentIndex < 0) currentIndex = done.indexOf(false);
  const states = stages.map((s, i): StageState => {
    if (done[i]) return "done";
    if (s.status === "submitted") return "submitted";
    const pastDue = s.deadline.dueAt !== null && now > s.deadline.dueAt;
    if (phase === "closed" && hasTask(s)) return "missed";
    if (s.status === "revision_requested") return "revision";
    if (phase === "running" && hasTask(s) && pastDue) return "overdue";
    if (i === currentIndex) return "current";
    return s.status === "draft" ? "current" : "upcoming";
  });
  return { states, currentIndex };
}

/** A state that asks the team to act (the to-do list, "what to do next"). */
export function needsAction(state: StageState) {
  return state === "current" || state === "revision" || state === "overdue";
}
