import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { AcademyStatusBadge } from "~/components/ui/status-badge";
import { formatDate, formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";

export interface AcademyRow {
  id: string;
  name: string;
  fiscalYear: number;
  status: string;
  region: { id: string; name: string; members: { municipality: { name: string; prefecture: { name: string } } }[] };
  _count: { teams: number; sessions: number };
  nextSession: { id?: string; sequence: number; startsAt: Date } | null;
}

/** Academies grouped by fiscal year, one row per region. */
export function AcademyTable({ academies, caption }: { academies: AcademyRow[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (academies.length === 0) return <p>{t("dashboard.noAcademies")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-800">
            <th scope="col" className="p-2">{t("academy.fiscalYear")}</th>
            <th scope="col" className="p-2">{t("academy.name")}</th>
            <th scope="col" className="p-2">{t("academy.region")}</th>
            <th scope="col" className="p-2">{t("academy.statusLabel")}</th>
            <th scope="col" className="p-2 text-right">{t("academy.teams")}</th>
            <th scope="col" className="p-2">{t("academy.nextSession")}</th>
          </tr>
        </thead>
        <tbody>
          {academies.map((a) => (
            <tr key={a.id} className="border-b border-solid-gray-200 align-top">
              <td className="p-2 whitespace-nowrap">{formatFiscalYear(a.fiscalYear, locale)}</td>
              <th scope="row" className="p-2 font-bold"><Link to={`/academies/${a.id}`}>{a.name}</Link></th>
              <td className="p-2">
                <div>{a.region.name}</div>
                <div className="text-dns-14N-130 text-solid-gray-600">
                  {[...new Set(a.region.members.map((m) => m.municipality.prefecture.name))].join(t("format.list"))}{" "}
                  {a.region.members.length > 1 ? t("region.memberCount", { count: a.region.members.length }) : ""}
                </div>
              </td>
              <td className="p-2"><AcademyStatusBadge status={a.status} /></td>
              <td className="p-2 text-right">{a._count.teams}</td>
              <td className="p-2">
                {a.nextSession ? (
                  a.nextSession.id ? (
                    <Link to={`/academies/${a.id}/sessions/${a.nextSession.id}`}>
                      {t("session.numbered", { n: a.nextSession.sequence })} {formatDate(new Date(a.nextSession.startsAt), locale)}
                    </Link>
                  ) : (
                    `${t("session.numbered", { n: a.nextSession.sequence })} ${formatDate(new Date(a.nextSession.startsAt), locale)}`
                  )
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
