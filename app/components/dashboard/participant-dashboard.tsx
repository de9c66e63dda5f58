import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { AcademyStatusBadge } from "~/components/ui/status-badge";
import { formatFiscalYear, formatTimeRange } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";

interface TeamCard {
  id: string;
  name: string;
  themeTitle: string;
  problemStatement: string;
  lead: { displayName: string } | null;
  municipalities: { municipality: { name: string } }[];
  members: { id: string; department: string; teamRole: string; user: { displayName: string } }[];
  academy: {
    id: string;
    name: string;
    fiscalYear: number;
    status: string;
    sessions: { sequence: number; title: string; startsAt: Date; endsAt: Date; venueName: string; venueAddress: string; onlineUrl: string }[];
  };
}

export function ParticipantDashboard({
  teams,
  preLearning,
  certificates = {},
}: {
  teams: TeamCard[];
  preLearning: Record<string, { total: number; done: number }>;
  /** academy id → the participant's own completion certificate */
  certificates?: Record<string, { id: string; number: string }>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (teams.length === 0) return <p>{t("dashboard.noTeam")}</p>;
  return (
    <>
      {teams.map((team) => {
        const next = team.academy.sessions[0];
        return (
          <article key={team.id} aria-labelledby={`team-${team.id}`} data-team={team.id} className="flex flex-col gap-5 rounded-12 border border-solid-gray-420 p-5">
            <header className="flex flex-col gap-2">
              <p className="flex flex-wrap items-center gap-3 text-solid-gray-600">
                <span>{formatFiscalYear(team.academy.fiscalYear, locale)} {team.academy.name}</span>
                <AcademyStatusBadge status={team.academy.status} />
              </p>
              <h2 id={`team-${team.id}`}>{team.name}</h2>
              <p className="text-std-18B-160">{t("team.theme")}: {team.themeTitle}</p>
              <p className="flex flex-wrap gap-4">
                <Link to={`/academies/${team.academy.id}/teams/${team.id}`} className="text-std-16B-170" data-workspace-link>
                  {t("dashboard.openWorkspace")}
                </Link>
                <Link to={`/academies/${team.academy.id}/materials`}>{t("material.title")}</Link>
              </p>
            </header>
            <section className="rounded-8 border-2 border-blue-900 bg-blue-50 p-4" aria-labelledby={`next-${team.id}`} data-next-session>
              <h3 id={`next-${team.id}`}>{t("dashboard.nextSession")}</h3>
              {next ? (
                <div className="mt-2 flex flex-col gap-1">
                  <p className="text-std-18B-160">
                    {t("session.numbered", { n: next.sequence })}
                    {next.title ? t("format.quote", { text: next.title }) : ""}
                  </p>
                  <p>{formatTimeRange(new Date(next.startsAt), new Date(next.endsAt), locale)}</p>
                  <p>{[next.venueName, next.venueAddress].filter(Boolean).join(" ") || (next.onlineUrl ? t("session.online") : "")}</p>
                </div>
              ) : (
                <p>{t("dashboard.noUpcomingSessions")}</p>
              )}
              {["finished", "archived"].includes(team.academy.status) ? null : (
                <PreLearningStatus academyId={team.academy.id} status={preLearning[team.academy.id]} />
              )}
              {certificates[team.academy.id] ? (
                <p className="mt-3 flex flex-wrap items-center gap-3">
                  <span className="text-std-16B-170">{t("certificate.mineNumbered", { number: certificates[team.academy.id]!.number })}</span>
                  <a href={`/academies/${team.academy.id}/certificates/${certificates[team.academy.id]!.id}`}>{t("certificate.mine")}</a>
                </p>
              ) : null}
            </section>
            {team.problemStatement ? <p>{team.problemStatement}</p> : null}
            <p className="text-solid-gray-600">
              {t("team.municipalities")}: {team.municipalities.map((m) => m.municipality.name).join(t("format.list"))}
            </p>
            <section aria-labelledby={`members-${team.id}`} className="flex flex-col gap-2">
              <h3 id={`members-${team.id}`}>{t("team.members")}</h3>
              <ul className="grid gap-2 md:grid-cols-2">
                {team.members.map((m) => (
                  <li key={m.id} className="rounded-8 border border-solid-gray-200 px-4 py-2">
                    <span className="font-bold">{m.user.displayName}</span>
                    {team.lead?.displayName === m.user.displayName ? ` ${t("format.paren", { text: t("team.lead") })}` : ""}
                    <span className="block text-dns-14N-130 text-solid-gray-600">
                      {m.department} · {t(`team.role.${m.teamRole}`)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          </article>
        );
      })}
    </>
  );
}

function PreLearningStatus({ academyId, status }: { academyId: string; status?: { total: number; done: number } }) {
  const { t } = useTranslation();
  if (!status || status.total === 0) return null;
  const complete = status.done >= status.total;
  return (
    <p className="mt-3 flex flex-wrap items-center gap-3">
      <span className={complete ? "font-bold text-success-2" : "font-bold"}>
        {complete ? t("dashboard.preLearningDone") : t("dashboard.preLearningOpen", { done: status.done, total: status.total })}
      </span>
      <a href={`/academies/${academyId}/materials#prelearning`}>{t("dashboard.preLearningLink")}</a>
    </p>
  );
}
