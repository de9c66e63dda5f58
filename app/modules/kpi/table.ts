import type { TFunction } from "~/utils/i18n";
import { KPI_KEYS, type GroupBy } from "./definitions";
import type { KpiRow } from "./report.server";

// The report as a table of plain values, shared by the CSV and XLSX exports.

export function reportTitle(t: TFunction, fiscalYearLabel: string, quarter: number | null) {
  return quarter ? t("kpi.titleQuarter", { fy: fiscalYearLabel, q: quarter }) : t("kpi.titleYear", { fy: fiscalYearLabel });
}

export function reportTable(t: TFunction, groupBy: GroupBy, rows: KpiRow[], total: KpiRow["current"], previousTotal: KpiRow["current"]) {
  const header = [t(`kpi.groupBy.${groupBy}`), ...(groupBy === "municipality" ? [t("kpi.prefecture")] : []), ...KPI_KEYS.flatMap((k) => [t(`kpi.metric.${k}`), t("kpi.previousOf", { metric: t(`kpi.metric.${k}`) })])];
  const line = (label: string, prefecture: string | null, current: KpiRow["current"], previous: KpiRow["current"]) => [
    label,
    ...(groupBy === "municipality" ? [prefecture ?? ""] : []),
    ...KPI_KEYS.flatMap((k) => [current[k], previous[k]]),
  ];
  const body = rows.map((r) => line(r.label || t("kpi.unknownPlace"), r.prefecture, r.current, r.previous));
  const totalLine = line(t("kpi.total"), groupBy === "municipality" ? "" : null, total, previousTotal);
  return { header, body, total: totalLine };
}
