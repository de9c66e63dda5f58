import { describe, expect, it } from "vitest";
import { countTicks } from "./ticks";

describe("count axis ticks", () => {
  it("are whole and evenly spaced from 0 past the largest value", () => {
    expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks(9)).toEqual([0, 5, 10]);
    expect(countTicks(0)).toEqual([0, 1]);
    for (const max of [2, 7, 13, 99, 120, 2400]) {
      const ticks = countTicks(max);
      const steps = new Set(ticks.slice(1).map((v, i) => v - ticks[i]!));
      expect(steps.size, String(max)).toBe(1);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
    }
  });
});
