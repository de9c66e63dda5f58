import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { AcademyStatusBadge } from "~/components/ui/status-badge";
import { formatDate, formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { DataTable } from "~/components/ui/data-table";

export interface AcademyRow {
  id: string;
  name: string;
  fiscalYear: number;
  status: string;
  region: { id: string; name: string; members: { municipality: { name: string; prefecture: { name: string } } }[] };
  _count: { teams: number; sessions: number };
  nextSession: { id?: string; sequence: number; startsAt: Date } | null;
}

/** The academy's region and its prefectures (and how many governments, when more than one). */
export function AcademyRegion({ region, count = false }: { region: AcademyRow["region"]; count?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="block">{region.name}</span>
      <span className="block text-dns-14N-130 text-solid-gray-600">
        {[...new Set(region.members.map((m) => m.municipality.prefecture.name))].join(t("format.list"))}
        {count && region.members.length > 1 ? ` ${t("region.memberCount", { count: region.members.length })}` : ""}
      </span>
    </>
  );
}

/** Academies grouped by fiscal year, one row per region, with each one's next session. */
export function AcademyTable({ academies, caption }: { academies: AcademyRow[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const next = (a: AcademyRow) => (a.nextSession ? `${t("session.numbered", { n: a.nextSession.sequence })} ${formatDate(new Date(a.nextSession.startsAt), locale)}` : "—");
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={academies}
      rowKey={(a) => a.id}
      empty={t("dashboard.noAcademies")}
      columns={[
        { key: "name", header: t("academy.name"), cell: (a) => <Link to={`/academies/${a.id}`}>{a.name}</Link> },
        { key: "fy", header: t("academy.fiscalYear"), className: "whitespace-nowrap", cell: (a) => formatFiscalYear(a.fiscalYear, locale) },
        { key: "region", header: t("academy.region"), cell: (a) => <AcademyRegion region={a.region} count /> },
        { key: "status", header: t("academy.statusLabel"), cell: (a) => <AcademyStatusBadge status={a.status} /> },
        { key: "teams", header: t("academy.teams"), className: "text-right", cell: (a) => a._count.teams },
        {
          key: "next",
          header: t("academy.nextSession"),
          cell: (a) => (a.nextSession?.id ? <Link to={`/academies/${a.id}/sessions/${a.nextSession.id}`}>{next(a)}</Link> : next(a)),
        },
      ]}
    />
  );
}
