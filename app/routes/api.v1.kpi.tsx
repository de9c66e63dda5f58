import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiJson, parseQuery, withApiToken } from "~/utils/api.server";
import { kpiReport } from "~/modules/kpi/report.server";
import { GROUPINGS, KPI_KEYS } from "~/modules/kpi/definitions";
import { fiscalYearOf } from "~/utils/dates";

// GET /api/v1/kpi?fiscal_year=&quarter=&by= — the KPI report as numbers (README: JSON API)

const KpiQuery = z
  .object({
    fiscal_year: z.string().regex(/^\d{4}$/, "fiscal_year must be a year such as 2025").transform(Number).optional(),
    quarter: z.enum(["1", "2", "3", "4"], { error: "quarter must be 1, 2, 3 or 4 (Q1 is April to June)" }).transform(Number).optional(),
    by: z.enum(GROUPINGS, { error: `by must be one of ${GROUPINGS.join(", ")}` }).optional(),
  })
  .strict();

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiToken(request, async () => {
    const q = parseQuery(KpiQuery, new URL(request.url));
    if (!q.ok) return q.response;
    const fiscalYear = q.value.fiscal_year ?? fiscalYearOf(new Date());
    const quarter = (q.value.quarter ?? null) as 1 | 2 | 3 | 4 | null;
    const groupBy = q.value.by ?? "prefecture";
    const report = await kpiReport({ fiscalYear, quarter, groupBy });
    return apiJson({
      data: {
        fiscalYear,
        quarter,
        by: groupBy,
        metrics: KPI_KEYS,
        rows: report.rows.map((r) => ({ key: r.key || null, name: r.label || null, prefecture: r.prefecture, current: r.current, previousYear: r.previous })),
        total: { current: report.total, previousYear: report.previousTotal },
      },
    });
  });
}
