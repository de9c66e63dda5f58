import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { ACADEMY_STATUSES } from "~/modules/academy/status";
import { AcademyTable, type AcademyRow } from "./academy-table";
import { SessionList, type SessionItem } from "./session-list";

interface Props {
  fiscalYear: number;
  academies: AcademyRow[];
  stats: { byStatus: Record<string, number>; teams: number; participants: number };
  sessions: SessionItem[];
}

export function CoordinatorDashboard({ fiscalYear, academies, stats, sessions }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const academiesThisYear = Object.values(stats.byStatus).reduce((a, b) => a + b, 0);
  return (
    <>
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
      </section>
      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading">{t("dashboard.upcomingSessions")}</h2>
        <SessionList sessions={sessions} headingId="sessions-heading" />
      </section>
      <section aria-labelledby="academies-heading" className="flex flex-col gap-3">
        <h2 id="academies-heading">{t("dashboard.academiesByRegion")}</h2>
        <AcademyTable academies={academies} caption={t("dashboard.academiesByRegion")} />
        <p>
          <Link to="/academies">{t("dashboard.allAcademies")}</Link>
        </p>
      </section>
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
