import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { ACADEMY_STATUSES } from "~/modules/academy/status";
import type { DashboardCharts } from "~/modules/dashboard/charts.server";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { AcademyTable, type AcademyRow } from "./academy-table";
import { SessionList, type SessionItem } from "./session-list";
import { AttentionList, type AttentionCounts, type AttentionEntry } from "./attention-list";
import { CoordinatorFigures } from "./coordinator-figures";

interface Props {
  fiscalYear: number;
  academies: AcademyRow[];
  stats: { byStatus: Record<string, number>; teams: number; participants: number };
  sessions: SessionItem[];
  attention: AttentionEntry[];
  counts: AttentionCounts;
  charts: { fiscalYear: number; figures: DashboardCharts; byStatus: Record<string, number>; byStage: Record<string, number> };
}

export function CoordinatorDashboard({ fiscalYear, academies, stats, sessions, attention, counts, charts }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const academiesThisYear = Object.values(stats.byStatus).reduce((a, b) => a + b, 0);
  const years = Array.from({ length: 6 }, (_, i) => fiscalYear - i);
  return (
    <>
      <AttentionList entries={attention} counts={counts} fiscalYearQuery={`?fy=${fiscalYear}`} />
      <section aria-labelledby="kpi-heading" className="flex flex-col gap-3">
        <h2 id="kpi-heading">{t("dashboard.thisYear", { year: formatFiscalYear(fiscalYear, locale, true) })}</h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Stat label={t("dashboard.stats.academies")} value={academiesThisYear} />
          <Stat label={t("dashboard.stats.running")} value={stats.byStatus.running ?? 0} />
          <Stat label={t("dashboard.stats.teams")} value={stats.teams} />
          <Stat label={t("dashboard.stats.participants")} value={stats.participants} />
        </dl>
        <p className="text-dns-14N-130 text-solid-gray-600">
          {ACADEMY_STATUSES.map((s) => `${t(`academy.status.${s}`)} ${stats.byStatus[s] ?? 0}`).join(" / ")}
        </p>
        <p className="flex flex-wrap gap-4">
          <Link to={`/progress?fy=${fiscalYear}`}>{t("dashboard.openBoard")}</Link>
          <Link to={`/reports/kpi?fy=${fiscalYear}`}>{t("dashboard.openKpi")}</Link>
        </p>
      </section>
      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading">{t("dashboard.upcomingSessions")}</h2>
        <SessionList sessions={sessions} headingId="sessions-heading" />
        <p><Link to="/calendar">{t("dashboard.openCalendar")}</Link></p>
      </section>
      <section aria-labelledby="academies-heading" className="flex flex-col gap-3">
        <h2 id="academies-heading">{t("dashboard.academiesByRegion")}</h2>
        <AcademyTable academies={academies} caption={t("dashboard.academiesByRegion")} />
        <p>
          <Link to="/academies">{t("dashboard.allAcademies")}</Link>
        </p>
      </section>
      <Form method="get" className="no-print flex flex-wrap items-end gap-4">
        <SelectField label={t("charts.fiscalYear")} name="fy" defaultValue={String(charts.fiscalYear)}>
          {years.map((y) => (
            <option key={y} value={y}>{formatFiscalYear(y, locale, true)}</option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">{t("kpi.show")}</Button>
      </Form>
      <CoordinatorFigures charts={charts.figures} byStatus={charts.byStatus} byStage={charts.byStage} />
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-8 border border-solid-gray-200 p-4">
      <dt className="text-dns-14B-130 text-solid-gray-600">{label}</dt>
      <dd className="text-std-32B-150">{value}</dd>
    </div>
  );
}
