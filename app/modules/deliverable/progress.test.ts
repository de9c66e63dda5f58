import { describe, expect, it } from "vitest";
import { fromTokyo } from "~/utils/dates";
import { type DeliverableStatus, type ProgressStage, stageStates } from "./progress";

const now = fromTokyo(2026, 6, 20, 12, 0);
const past = fromTokyo(2026, 6, 10, 23, 59);
const future = fromTokyo(2026, 7, 10, 23, 59);

function st(id: string, deliverable: string, dueAt: Date | null, status: DeliverableStatus | null = null, latestVersion = 0): ProgressStage {
  return { id, deliverable, deadline: { dueAt, cutoffAt: null, extended: false }, status, latestVersion };
}

describe("where a team stands", () => {
  it("a fresh team: pre-learning current until its date, the rest upcoming", () => {
    const { states, currentIndex } = stageStates([st("pre", "none", future), st("pd", "both", future), st("data", "both", future)], now);
    expect(states).toEqual(["current", "upcoming", "upcoming"]);
    expect(currentIndex).toBe(0);
  });

  it("pre-learning is done once its date passed; an accepted stage is done", () => {
    const { states, currentIndex } = stageStates([st("pre", "none", past), st("pd", "both", past, "accepted", 1), st("data", "both", future)], now);
    expect(states).toEqual(["done", "done", "current"]);
    expect(currentIndex).toBe(2);
  });

  it("a stage past due and not handed in is overdue, also when it is not the current one", () => {
    const { states } = stageStates([st("pd", "form", past), st("data", "both", past)], now);
    expect(states).toEqual(["overdue", "overdue"]);
  });

  it("submitted and revision requested show as such, whatever the date", () => {
    const { states, currentIndex } = stageStates([st("pd", "both", past, "submitted", 1), st("data", "both", past, "revision_requested", 1)], now);
    expect(states).toEqual(["submitted", "revision"]);
    expect(currentIndex).toBe(0);
  });

  it("a stage without a deliverable counts as done once a later stage was handed in", () => {
    const { states } = stageStates([st("pre", "none", future), st("pd", "both", future, "submitted", 1)], now);
    expect(states[0]).toBe("done");
  });

  it("a team already drafting a later stage sees it as current too", () => {
    const { states } = stageStates([st("pd", "both", future, "submitted", 1), st("data", "both", future, "draft")], now);
    expect(states).toEqual(["submitted", "current"]);
  });
});
