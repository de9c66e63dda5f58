// The KPIs of local data plans the report answers, and how each is counted (the page shows
// these definitions; keep them in step with report.server.ts).

export const KPI_KEYS = ["trained", "participants", "teams", "sessionsHeld", "hours", "proposalsAdopted"] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export const GROUPINGS = ["prefecture", "municipality", "region"] as const;
export type GroupBy = (typeof GROUPINGS)[number];

export function parseGroupBy(value: string | null): GroupBy {
  return (GROUPINGS as readonly string[]).includes(value ?? "") ? (value as GroupBy) : "prefecture";
}
