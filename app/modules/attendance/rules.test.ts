import { describe, expect, it } from "vitest";
import { fromTokyo } from "~/utils/dates";
import { attendanceOpen, countsAsAttended, DEFAULT_COMPLETION_RULE, hasCompleted } from "./rules";

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

describe("when attendance may be recorded", () => {
  it("from midnight (Japan time) of the session's day, not the evening before", () => {
    const startsAt = fromTokyo(2026, 12, 8, 13, 30);
    expect(attendanceOpen(startsAt, fromTokyo(2026, 12, 7, 23, 59))).toBe(false);
    expect(attendanceOpen(startsAt, fromTokyo(2026, 12, 8, 0, 0))).toBe(true);
    expect(attendanceOpen(startsAt, fromTokyo(2027, 1, 20))).toBe(true);
  });
});
