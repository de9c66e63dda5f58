import { Form, useLoaderData, useLocation, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { kpiReport } from "~/modules/kpi/report.server";
import { reportParams } from "~/modules/kpi/params";
import { GROUPINGS, KPI_KEYS } from "~/modules/kpi/definitions";
import { formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { PrintButton } from "~/components/ui/print-button";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";

// The KPI report of local data plans: one click from the header, per fiscal year or quarter,
// per prefecture, municipality or region, compared with the previous fiscal year.

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:report:any");
  const params = reportParams(new URL(request.url));
  const report = await kpiReport(params);
  return { ...params, ...report };
}

function Delta({ now, before }: { now: number; before: number }) {
  const { t } = useTranslation();
  const d = Math.round((now - before) * 10) / 10;
  return (
    <span className="block text-dns-14N-130 text-solid-gray-700">
      {t("kpi.previousShort", { value: before })} {d === 0 ? "±0" : d > 0 ? `+${d}` : `−${Math.abs(d)}`}
    </span>
  );
}

export default function KpiReportPage() {
  const { fiscalYear, quarter, groupBy, currentFiscalYear, rows, total, previousTotal } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { search } = useLocation();
  const years = Array.from({ length: 11 }, (_, i) => currentFiscalYear - i);
  const title = quarter ? t("kpi.titleQuarter", { fy: formatFiscalYear(fiscalYear, locale, true), q: quarter }) : t("kpi.titleYear", { fy: formatFiscalYear(fiscalYear, locale, true) });
  const number = (v: number) => v.toLocaleString(locale === "en" ? "en-GB" : "ja-JP");
  return (
    <div className="flex flex-col gap-6">
      <h1>{title}</h1>
      <Form method="get" className="no-print flex flex-wrap items-end gap-4">
        <SelectField label={t("kpi.fiscalYear")} name="fy" defaultValue={String(fiscalYear)}>
          {years.map((y) => (
            <option key={y} value={y}>{formatFiscalYear(y, locale, true)}</option>
          ))}
        </SelectField>
        <SelectField label={t("kpi.period")} name="q" defaultValue={quarter ? String(quarter) : ""}>
          <option value="">{t("kpi.wholeYear")}</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>{t(`kpi.quarter.${q}`)}</option>
          ))}
        </SelectField>
        <SelectField label={t("kpi.by")} name="by" defaultValue={groupBy}>
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>{t(`kpi.groupBy.${g}`)}</option>
          ))}
        </SelectField>
        <Button type="submit">{t("kpi.show")}</Button>
      </Form>
      <p className="no-print flex flex-wrap items-center gap-4">
        <a href={`/reports/kpi/xlsx${search}`}>{t("kpi.downloadXlsx")}</a>
        <a href={`/reports/kpi/csv${search}`}>{t("kpi.downloadCsv")}</a>
        <PrintButton />
      </p>
      <DataTable
        caption={t("kpi.caption", { by: t(`kpi.groupBy.${groupBy}`) })}
        rows={rows}
        rowKey={(r) => r.key}
        empty={t("kpi.empty")}
        foot={{ ...rows[0]!, key: "total", label: t("kpi.total"), prefecture: "", current: total, previous: previousTotal }}
        columns={[
          {
            key: "place",
            header: t(`kpi.groupBy.${groupBy}`),
            cell: (r) => (
              <>
                {r.label || t("kpi.unknownPlace")}
                {r.prefecture ? <span className="block text-dns-14N-130 text-solid-gray-700">{r.prefecture}</span> : null}
              </>
            ),
          },
          ...KPI_KEYS.map((k) => ({
            key: k,
            header: t(`kpi.metric.${k}`),
            className: "text-right align-top",
            cell: (r: (typeof rows)[number]) => (
              <>
                {number(r.current[k])}
                <Delta now={r.current[k]} before={r.previous[k]} />
              </>
            ),
          })),
        ]}
      />
      <p className="text-dns-14N-130">{t("kpi.totalNote")}</p>
      <section aria-labelledby="definitions-heading" className="flex flex-col gap-2">
        <h2 id="definitions-heading">{t("kpi.definitions")}</h2>
        <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
          {KPI_KEYS.map((k) => (
            <div key={k} className="contents">
              <dt className="font-bold">{t(`kpi.metric.${k}`)}</dt>
              <dd>{t(`kpi.definition.${k}`)}</dd>
            </div>
          ))}
          <dt className="font-bold">{t("kpi.periodTerm")}</dt>
          <dd>{t("kpi.definition.period")}</dd>
        </dl>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "kpi.title");
