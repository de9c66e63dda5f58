import { describe, expect, it } from "vitest";
import { followUpDue } from "./rules";

describe("outcome follow-up dates", () => {
  it("falls 3, 6 and 12 months after the last session, on the last day of a shorter month", () => {
    const end = new Date("2026-11-30T06:00:00Z");
    expect(followUpDue(end, 3).toISOString()).toBe("2027-02-28T06:00:00.000Z");
    expect(followUpDue(end, 6).toISOString()).toBe("2027-05-30T06:00:00.000Z");
    expect(followUpDue(end, 12).toISOString()).toBe("2027-11-30T06:00:00.000Z");
  });
});
