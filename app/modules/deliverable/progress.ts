import { takesFiles, takesForm } from "~/modules/stage/stages";
import type { TeamDeadline } from "./deadline";

// Where a team stands on its path, per stage. Pure (server and browser).

export const DELIVERABLE_STATUSES = ["draft", "submitted", "revision_requested", "accepted"] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

/** What the step indicator shows for a stage. */
export type StageState = "done" | "submitted" | "revision" | "overdue" | "current" | "upcoming";

export interface ProgressStage {
  id: string;
  deliverable: string;
  deadline: TeamDeadline;
  /** the team's deliverable status for the stage (null: nothing started) */
  status: DeliverableStatus | null;
  latestVersion: number;
}

export function handsIn(kind: string) {
  return takesForm(kind) || takesFiles(kind);
}

/**
 * A stage with something to hand in is done when accepted. A stage without one (pre-learning,
 * the retrospective) is done once its due date has passed or the team has handed in a later
 * stage. The first stage not done is the current one; stages after it are upcoming unless the
 * team is already working on them.
 */
export function stageStates(stages: readonly ProgressStage[], now: Date): { states: StageState[]; currentIndex: number } {
  const handedInLater = stages.map((_, i) => stages.slice(i + 1).some((s) => s.latestVersion > 0));
  const done = stages.map((s, i) =>
    handsIn(s.deliverable) ? s.status === "accepted" : (s.deadline.dueAt !== null && now > s.deadline.dueAt) || handedInLater[i]!,
  );
  const currentIndex = done.indexOf(false);
  const states = stages.map((s, i): StageState => {
    if (done[i]) return "done";
    if (s.status === "submitted") return "submitted";
    if (s.status === "revision_requested") return "revision";
    if (handsIn(s.deliverable) && s.deadline.dueAt && now > s.deadline.dueAt) return "overdue";
    if (i === currentIndex) return "current";
    return s.status === "draft" ? "current" : "upcoming";
  });
  return { states, currentIndex };
}
