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
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="kpi-caption">
        <table className="w-full border-collapse text-left">
          <caption id="kpi-caption" className="text-left text-std-18B-160">{t("kpi.caption", { by: t(`kpi.groupBy.${groupBy}`) })}</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-900">
              <th scope="col" className="p-2">{t(`kpi.groupBy.${groupBy}`)}</th>
              {KPI_KEYS.map((k) => (
                <th key={k} scope="col" className="p-2 text-right">{t(`kpi.metric.${k}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr><td colSpan={KPI_KEYS.length + 1} className="p-2">{t("kpi.empty")}</td></tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-solid-gray-200">
                <th scope="row" className="p-2">
                  {r.label || t("kpi.unknownPlace")}
                  {r.prefecture ? <span className="block text-dns-14N-130 text-solid-gray-700">{r.prefecture}</span> : null}
                </th>
                {KPI_KEYS.map((k) => (
                  <td key={k} className="p-2 text-right align-top">
                    {number(r.current[k])}
                    <Delta now={r.current[k]} before={r.previous[k]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-solid-gray-900 font-bold">
              <th scope="row" className="p-2">{t("kpi.total")}</th>
              {KPI_KEYS.map((k) => (
                <td key={k} className="p-2 text-right align-top">
                  {number(total[k])}
                  <Delta now={total[k]} before={previousTotal[k]} />
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
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
