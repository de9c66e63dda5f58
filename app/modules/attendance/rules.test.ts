import { describe, expect, it } from "vitest";
import { countsAsAttended, DEFAULT_COMPLETION_RULE, hasCompleted } from "./rules";

describe("the completion rule (研修履修)", () => {
  const rule = DEFAULT_COMPLETION_RULE;

  it("counts present and late as attended, absent and excused as not", () => {
    expect(["present", "late", "absent", "excused"].map(countsAsAttended)).toEqual([true, true, false, false]);
  });

  it("needs three of four sessions and the pre-learning by default", () => {
    expect(hasCompleted({ attended: 3, preLearningDone: 4, preLearningTotal: 4 }, rule)).toBe(true);
    expect(hasCompleted({ attended: 2, preLearningDone: 4, preLearningTotal: 4 }, rule)).toBe(false);
    expect(hasCompleted({ attended: 4, preLearningDone: 3, preLearningTotal: 4 }, rule)).toBe(false);
  });

  it("treats an academy without released pre-learning as nothing left to do", () => {
    expect(hasCompleted({ attended: 3, preLearningDone: 0, preLearningTotal: 0 }, rule)).toBe(true);
  });

  it("follows an academy's own rule", () => {
    const lenient = { minSessions: 2, preLearning: false };
    expect(hasCompleted({ attended: 2, preLearningDone: 0, preLearningTotal: 4 }, lenient)).toBe(true);
    expect(hasCompleted({ attended: 1, preLearningDone: 4, preLearningTotal: 4 }, lenient)).toBe(false);
  });
});
