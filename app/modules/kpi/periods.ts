import { fiscalYearOf, fiscalYearRange, fromTokyo, tokyoParts } from "~/utils/dates";

// Reporting periods of local data plans: the fiscal year (April–March, Tokyo) and its quarters
// (Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March).

export type Quarter = 1 | 2 | 3 | 4;

export function quarterOf(date: Date): { fiscalYear: number; quarter: Quarter } {
  const { month } = tokyoParts(date);
  const quarter = (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as Quarter;
  return { fiscalYear: fiscalYearOf(date), quarter };
}

/** [start, end) of a fiscal year, or of one of its quarters. */
export function periodRange(fiscalYear: number, quarter: Quarter | null): { start: Date; end: Date } {
  if (quarter === null) return fiscalYearRange(fiscalYear);
  const firstMonth = 4 + (quarter - 1) * 3; // 4, 7, 10, 13 (= January of the next year)
  const start = firstMonth > 12 ? fromTokyo(fiscalYear + 1, firstMonth - 12, 1) : fromTokyo(fiscalYear, firstMonth, 1);
  const endMonth = firstMonth + 3;
  const end = endMonth > 12 ? fromTokyo(fiscalYear + 1, endMonth - 12, 1) : fromTokyo(fiscalYear, endMonth, 1);
  return { start, end };
}

export function parseQuarter(value: string | null): Quarter | null {
  return value === "1" || value === "2" || value === "3" || value === "4" ? (Number(value) as Quarter) : null;
}
