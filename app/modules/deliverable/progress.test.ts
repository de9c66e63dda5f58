import { describe, expect, it } from "vitest";
import { fromTokyo } from "~/utils/dates";
import { academyPhase, type DeliverableStatus, type ProgressStage, stageStates } from "./progress";

const now = fromTokyo(2026, 6, 20, 12, 0);
const past = fromTokyo(2026, 6, 10, 23, 59);
const future = fromTokyo(2026, 7, 10, 23, 59);

function st(id: string, deliverable: string, dueAt: Date | null, status: DeliverableStatus | null = null, latestVersion = 0, learned?: boolean | null): ProgressStage {
  return { id, deliverable, deadline: { dueAt, cutoffAt: null, extended: false }, status, latestVersion, learned };
}

describe("where a team stands", () => {
  it("a fresh team: pre-learning current until everyone has learned, the rest upcoming", () => {
    const { states, currentIndex } = stageStates([st("pre", "none", future, null, 0, false), st("pd", "both", future), st("data", "both", future)], now, "running");
    expect(states).toEqual(["current", "upcoming", "upcoming"]);
    expect(currentIndex).toBe(0);
  });

  it("pre-learning is done when every member has learned, not because its date passed", () => {
    expect(stageStates([st("pre", "none", future, null, 0, true), st("pd", "both", future)], now, "running").states).toEqual(["done", "current"]);
    const late = stageStates([st("pre", "none", past, null, 0, false), st("pd", "both", past, "accepted", 1), st("data", "both", future)], now, "running");
    expect(late.states).toEqual(["overdue", "done", "upcoming"]);
    expect(late.currentIndex).toBe(0);
  });

  it("with nothing released to learn, pre-learning is done once its date passed", () => {
    const { states, currentIndex } = stageStates([st("pre", "none", past, null, 0, null), st("pd", "both", past, "accepted", 1), st("data", "both", future)], now, "running");
    expect(states).toEqual(["done", "done", "current"]);
    expect(currentIndex).toBe(2);
  });

  it("a stage past due and not handed in is overdue in a running academy, also when it is not the current one", () => {
    const { states } = stageStates([st("pd", "form", past), st("data", "both", past)], now, "running");
    expect(states).toEqual(["overdue", "overdue"]);
  });

  it("once the academy is finished nothing is overdue: what was not done is missed", () => {
    const { states } = stageStates([st("pre", "none", past, null, 0, false), st("pd", "form", past, "accepted", 1), st("data", "both", past, "revision_requested", 1), st("an", "both", past), st("retro", "none", past)], now, "closed");
    expect(states).toEqual(["missed", "done", "missed", "missed", "done"]);
  });

  it("before the academy runs nothing is overdue", () => {
    const { states } = stageStates([st("pd", "form", past), st("data", "both", past)], now, "before");
    expect(states).toEqual(["current", "upcoming"]);
  });

  it("the current stage is the first that needs the team, not one waiting for review", () => {
    const { states, currentIndex } = stageStates([st("pd", "both", past, "submitted", 1), st("data", "both", past), st("an", "both", future)], now, "running");
    expect(states).toEqual(["submitted", "overdue", "upcoming"]);
    expect(currentIndex).toBe(1);
  });

  it("submitted and revision requested show as such, whatever the date", () => {
    const { states, currentIndex } = stageStates([st("pd", "both", past, "submitted", 1), st("data", "both", past, "revision_requested", 1)], now, "running");
    expect(states).toEqual(["submitted", "revision"]);
    expect(currentIndex).toBe(1);
  });

  it("when every open stage waits for review, the first of them is current", () => {
    const { currentIndex } = stageStates([st("pd", "both", past, "accepted", 1), st("data", "both", past, "submitted", 1)], now, "running");
    expect(currentIndex).toBe(1);
  });

  it("a stage without a task of its own counts as done once a later stage was handed in", () => {
    const { states } = stageStates([st("retro", "none", future), st("pd", "both", future, "submitted", 1)], now, "running");
    expect(states[0]).toBe("done");
  });

  it("a team already drafting a later stage sees it as current too", () => {
    const { states } = stageStates([st("pd", "both", future, "submitted", 1), st("data", "both", future, "draft")], now, "running");
    expect(states).toEqual(["submitted", "current"]);
  });

  it("an academy's status gives its phase", () => {
    expect(["planning", "recruiting", "running", "finished", "archived"].map(academyPhase)).toEqual(["before", "before", "running", "closed", "closed"]);
  });
});
