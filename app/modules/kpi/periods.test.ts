import { describe, expect, it } from "vitest";
import { periodRange, quarterOf } from "./periods";
import { fromTokyo } from "~/utils/dates";

describe("fiscal year and quarter boundaries (Tokyo)", () => {
  it("puts 31 March 23:59 in Q4 of the previous fiscal year and 1 April 00:00 in Q1", () => {
    expect(quarterOf(fromTokyo(2026, 3, 31, 23, 59))).toEqual({ fiscalYear: 2025, quarter: 4 });
    expect(quarterOf(fromTokyo(2026, 4, 1, 0, 0))).toEqual({ fiscalYear: 2026, quarter: 1 });
    // 1 April 00:30 Tokyo is still 31 March in UTC
    expect(quarterOf(new Date("2026-03-31T15:30:00Z"))).toEqual({ fiscalYear: 2026, quarter: 1 });
  });

  it("splits the fiscal year into April–June, July–September, October–December, January–March", () => {
    expect(quarterOf(fromTokyo(2026, 6, 30, 23, 59)).quarter).toBe(1);
    expect(quarterOf(fromTokyo(2026, 7, 1)).quarter).toBe(2);
    expect(quarterOf(fromTokyo(2026, 12, 31, 23, 59))).toEqual({ fiscalYear: 2026, quarter: 3 });
    expect(quarterOf(fromTokyo(2027, 1, 1))).toEqual({ fiscalYear: 2026, quarter: 4 });
  });

  it("gives half-open ranges that tile the fiscal year", () => {
    const q = [1, 2, 3, 4].map((n) => periodRange(2026, n as 1 | 2 | 3 | 4));
    expect(q[0]!.start).toEqual(fromTokyo(2026, 4, 1));
    expect(q[3]!.end).toEqual(fromTokyo(2027, 4, 1));
    for (let i = 0; i < 3; i++) expect(q[i]!.end).toEqual(q[i + 1]!.start);
    expect(periodRange(2026, null)).toEqual({ start: fromTokyo(2026, 4, 1), end: fromTokyo(2027, 4, 1) });
  });
});
