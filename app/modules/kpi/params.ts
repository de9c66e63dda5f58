import { fiscalYearOf } from "~/utils/dates";
import { parseGroupBy } from "./definitions";
import { parseQuarter } from "./periods";

/** The report's filters from the URL (the page and its exports read the same). */
export function reportParams(url: URL, now = new Date()) {
  const current = fiscalYearOf(now);
  const fy = Number(url.searchParams.get("fy"));
  const fiscalYear = Number.isInteger(fy) && fy >= 2000 && fy <= current + 1 ? fy : current;
  return { fiscalYear, quarter: parseQuarter(url.searchParams.get("q")), groupBy: parseGroupBy(url.searchParams.get("by")), currentFiscalYear: current };
}
