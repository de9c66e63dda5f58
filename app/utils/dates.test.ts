import { describe, expect, it } from "vitest";
import {
  fiscalYearEraLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatDate,
  formatEraDate,
  formatFiscalYear,
  formatTimeRange,
  fromTokyo,
} from "./dates";

describe("fiscal year (年度)", () => {
  it("puts 31 March in the previous fiscal year and 1 April in the new one (Tokyo time)", () => {
    expect(fiscalYearOf(fromTokyo(2026, 3, 31, 23, 59))).toBe(2025);
    expect(fiscalYearOf(fromTokyo(2026, 4, 1, 0, 0))).toBe(2026);
  });

  it("uses Tokyo, not UTC: 1 April 08:00 JST is still 31 March in UTC", () => {
    const instant = fromTokyo(2026, 4, 1, 8, 0);
    expect(instant.toISOString()).toBe("2026-03-31T23:00:00.000Z");
    expect(fiscalYearOf(instant)).toBe(2026);
  });

  it("spans 1 April to the next 1 April", () => {
    const { start, end } = fiscalYearRange(2025);
    expect(start.toISOString()).toBe("2025-03-31T15:00:00.000Z");
    expect(end.toISOString()).toBe("2026-03-31T15:00:00.000Z");
  });

  it("labels fiscal years with the era official documents use", () => {
    expect(fiscalYearEraLabel(2025)).toBe("令和7年度");
    expect(fiscalYearEraLabel(2019)).toBe("令和元年度");
    expect(fiscalYearEraLabel(2018)).toBe("平成30年度");
    expect(formatFiscalYear(2025, "ja", true)).toBe("2025年度（令和7年度）");
    expect(formatFiscalYear(2025, "en")).toBe("FY2025");
  });
});

describe("era dates", () => {
  it("changes era between 30 April and 1 May 2019", () => {
    expect(formatEraDate(fromTokyo(2019, 4, 30))).toBe("平成31年4月30日");
    expect(formatEraDate(fromTokyo(2019, 5, 1))).toBe("令和元年5月1日");
  });
});

describe("formatting", () => {
  it("formats Japanese dates with the weekday", () => {
    expect(formatDate(fromTokyo(2025, 9, 4, 13, 30), "ja")).toBe("2025年9月4日(木)");
  });

  it("shows Tokyo wall-clock times whatever the server's time zone", () => {
    const start = fromTokyo(2025, 9, 4, 13, 30);
    const end = fromTokyo(2025, 9, 4, 17, 0);
    expect(formatTimeRange(start, end, "ja")).toBe("2025年9月4日(木) 13:30〜17:00");
    expect(formatTimeRange(start, end, "en")).toBe("Thu 4 Sep 2025 13:30–17:00");
  });
});
