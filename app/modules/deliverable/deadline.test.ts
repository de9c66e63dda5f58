import { describe, expect, it } from "vitest";
import { fromTokyo } from "~/utils/dates";
import { isLate, isPastCutoff, stageDueDates, teamDeadline } from "./deadline";

const s1 = fromTokyo(2026, 6, 3, 13, 0);
const s2 = fromTokyo(2026, 6, 17, 13, 0);
const s3 = fromTokyo(2026, 7, 1, 13, 0);
const s4 = fromTokyo(2026, 7, 15, 13, 0);
const sessions = [s3, s1, s4, s2]; // order of the input must not matter

const stage = (id: string, sessionStartsAt: Date | null, dueAt: Date | null = null) => ({ id, sessionStartsAt, dueAt, cutoffAt: null });

describe("stage due dates", () => {
  it("default to 23:59 Tokyo of the day before the next session", () => {
    const due = stageDueDates([stage("pd", s1), stage("data", s2)], sessions);
    expect(due.get("pd")).toEqual(fromTokyo(2026, 6, 16, 23, 59));
    expect(due.get("data")).toEqual(fromTokyo(2026, 6, 30, 23, 59));
  });

  it("crosses a month boundary in Tokyo, not in UTC", () => {
    // session on 1 July 09:30 Tokyo is still 30 June in UTC
    const early = fromTokyo(2026, 7, 1, 9, 30);
    const due = stageDueDates([stage("pd", s2)], [s2, early]);
    expect(due.get("pd")).toEqual(fromTokyo(2026, 6, 30, 23, 59));
  });

  it("the last stage is due at the end of its own session's day", () => {
    const due = stageDueDates([stage("proposal", s4)], sessions);
    expect(due.get("proposal")).toEqual(fromTokyo(2026, 7, 15, 23, 59));
  });

  it("a stage without a session follows the stage before it", () => {
    const due = stageDueDates([stage("pd", s1), stage("loose", null)], sessions);
    expect(due.get("loose")).toEqual(due.get("pd"));
  });

  it("a stage before any session is due the day before the first session", () => {
    const due = stageDueDates([stage("prelearning", null)], sessions);
    expect(due.get("prelearning")).toEqual(fromTokyo(2026, 6, 2, 23, 59));
  });

  it("the coordinator's own date wins", () => {
    const own = fromTokyo(2026, 6, 10, 17, 0);
    expect(stageDueDates([stage("pd", s1, own)], sessions).get("pd")).toEqual(own);
  });

  it("no sessions and no date: no due date", () => {
    expect(stageDueDates([stage("pd", null)], []).get("pd")).toBeNull();
  });
});

describe("a team's deadline", () => {
  const due = fromTokyo(2026, 6, 16, 23, 59);
  const cutoff = fromTokyo(2026, 6, 20, 23, 59);

  it("is late after the due date and closed after the cut-off", () => {
    const d = teamDeadline(due, cutoff, null);
    expect(isLate(d, fromTokyo(2026, 6, 16, 23, 59))).toBe(false);
    expect(isLate(d, fromTokyo(2026, 6, 17, 0, 0))).toBe(true);
    expect(isPastCutoff(d, fromTokyo(2026, 6, 20, 23, 0))).toBe(false);
    expect(isPastCutoff(d, fromTokyo(2026, 6, 21, 0, 0))).toBe(true);
  });

  it("an extension moves the due date and lets the team submit after the cut-off until then", () => {
    const extension = fromTokyo(2026, 6, 25, 23, 59);
    const d = teamDeadline(due, cutoff, extension);
    expect(d.extended).toBe(true);
    expect(isLate(d, fromTokyo(2026, 6, 22, 12, 0))).toBe(false);
    expect(isPastCutoff(d, fromTokyo(2026, 6, 24, 12, 0))).toBe(false);
    expect(isPastCutoff(d, fromTokyo(2026, 6, 26, 0, 0))).toBe(true);
  });

  it("a shorter extension never shortens the cut-off", () => {
    const d = teamDeadline(due, cutoff, fromTokyo(2026, 6, 18, 23, 59));
    expect(d.cutoffAt).toEqual(cutoff);
  });

  it("without a cut-off a team may always hand in, late", () => {
    const d = teamDeadline(due, null, null);
    expect(isPastCutoff(d, fromTokyo(2027, 1, 1))).toBe(false);
    expect(isLate(d, fromTokyo(2027, 1, 1))).toBe(true);
  });
});
