import { fiscalYearOf } from "~/utils/dates";
import { pageNumber } from "~/utils/page-number";

// The progress board's filters from the URL; the page, its exports and the dashboard read the same.

/** No submission or edit for this long in a running academy: the team has stalled. */
export const STALLED_AFTER_DAYS = 14;

export const ATTENTION = ["all", "atRisk", "overdue", "stalled"] as const;
export type Attention = (typeof ATTENTION)[number];

export interface BoardFilter {
  fiscalYear: number;
  prefecture: string | null;
  regionId: string | null;
  academyId: string | null;
  facilitatorId: string | null;
  attention: Attention;
  page: number;
}

const id = (value: string | null) => (value && /^[A-Za-z0-9_-]{1,40}$/.test(value) ? value : null);

export function boardFilter(url: URL, now = new Date()): BoardFilter {
  const current = fiscalYearOf(now);
  const q = url.searchParams;
  const fy = Number(q.get("fy"));
  const attention = q.get("attention");
  return {
    fiscalYear: Number.isInteger(fy) && fy >= 2000 && fy <= current + 1 ? fy : current,
    prefecture: /^\d{2}$/.test(q.get("prefecture") ?? "") ? q.get("prefecture") : null,
    regionId: id(q.get("region")),
    academyId: id(q.get("academy")),
    facilitatorId: id(q.get("facilitator")),
    attention: (ATTENTION as readonly string[]).includes(attention ?? "") ? (attention as Attention) : "all",
    page: pageNumber(q.get("page")),
  };
}

/** The filter as a query string (without the page unless asked). */
export function boardQuery(filter: BoardFilter, page?: number) {
  const q = new URLSearchParams({ fy: String(filter.fiscalYear) });
  if (filter.prefecture) q.set("prefecture", filter.prefecture);
  if (filter.regionId) q.set("region", filter.regionId);
  if (filter.academyId) q.set("academy", filter.academyId);
  if (filter.facilitatorId) q.set("facilitator", filter.facilitatorId);
  if (filter.attention !== "all") q.set("attention", filter.attention);
  if (page && page > 1) q.set("page", String(page));
  return `?${q}`;
}
