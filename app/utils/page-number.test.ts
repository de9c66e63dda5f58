import { describe, expect, it } from "vitest";
import { pageNumber } from "./page-number";

describe("pageNumber", () => {
  it.each([
    ["2", 2],
    ["10000", 10_000],
    ["1.5", 1],
    ["0", 1],
    ["-2", 1],
    ["1e3", 1],
    ["10001", 1],
    [" 3", 1],
    ["", 1],
    [null, 1],
  ])("reads %j as page %i", (value, page) => {
    expect(pageNumber(value)).toBe(page);
  });
});
