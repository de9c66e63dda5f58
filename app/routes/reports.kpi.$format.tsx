import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/utils/session.server";
import { kpiReport } from "~/modules/kpi/report.server";
import { reportParams } from "~/modules/kpi/params";
import { reportTable } from "~/modules/kpi/table";
import { kpiWorkbook } from "~/modules/kpi/xlsx.server";
import { KPI_KEYS } from "~/modules/kpi/definitions";
import { notFound } from "~/utils/http.server";
import { bytesDownload, textDownload } from "~/utils/download.server";
import { toCsv } from "~/utils/csv";
import { serverT } from "~/utils/i18n.server";
import { resolveLocale } from "~/utils/locale.server";
import { formatFiscalYear } from "~/utils/dates";

// The KPI report as CSV (UTF-8 with BOM) or XLSX, with the same filters as the page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:report:any");
  const format = params.format;
  if (format !== "csv" && format !== "xlsx") notFound();
  const filters = reportParams(new URL(request.url));
  const report = await kpiReport(filters);
  const locale = await resolveLocale(request, user);
  const t = serverT(locale);
  const fy = formatFiscalYear(filters.fiscalYear, locale, true);
  const title = filters.quarter ? t("kpi.titleQuarter", { fy, q: filters.quarter }) : t("kpi.titleYear", { fy });
  const table = reportTable(t, filters.groupBy, report.rows, report.total, report.previousTotal);
  const name = `${title}_${t(`kpi.groupBy.${filters.groupBy}`)}.${format}`;
  if (format === "csv") return textDownload(name, "text/csv", toCsv([table.header, ...table.body, table.total]));
  const bytes = await kpiWorkbook({
    title,
    period: t("kpi.caption", { by: t(`kpi.groupBy.${filters.groupBy}`) }),
    generatedAt: new Date(),
    generatedLabel: t("kpi.generatedAt"),
    header: table.header,
    body: table.body,
    total: table.total,
    definitionsSheet: t("kpi.definitionsSheet"),
    definitions: [...KPI_KEYS.map((k) => `${t(`kpi.metric.${k}`)}: ${t(`kpi.definition.${k}`)}`), `${t("kpi.periodTerm")}: ${t("kpi.definition.period")}`, t("kpi.totalNote")],
  });
  return bytesDownload(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
}
