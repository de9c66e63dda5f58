import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { withRole } from "~/modules/account/permissions";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { ACADEMY_PAGE_INTENTS } from "~/modules/academy/page-intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { academyPage, academyTeams } from "~/modules/academy/academy-page.server";
import { ACADEMY_TRANSITIONS, type AcademyStatus } from "~/modules/academy/status";
import { academyScheduleIssues } from "~/modules/schedule/session.server";
import { teamWarnings } from "~/modules/team/team.server";
import { academyHistory } from "~/modules/academy/history.server";
import { listStages } from "~/modules/stage/stage.server";
import { invariantFound } from "~/utils/http.server";
import { StageList } from "~/components/academy/stage-list";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { formatDate, formatDateTime, formatFiscalYear, formatTimeRange } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { AcademyStatusBadge } from "~/components/ui/status-badge";
import { Alert } from "~/components/ui/alert";
import { ScheduleIssues } from "~/components/academy/schedule-issues";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const { can } = context;
  const [page, teams] = await Promise.all([academyPage(context), academyTeams(context)]);
  const academy = invariantFound(page);
  const stages = await listStages(academy.id, academy.sessions);
  const [issues, history] = await Promise.all([
    can.editSessions ? academyScheduleIssues(academy.sessions) : ({} as Awaited<ReturnType<typeof academyScheduleIssues>>),
    can.seeHistory ? academyHistory([academy.id, ...academy.sessions.map((s) => s.id), ...teams.map((t) => t.id)]) : [],
  ]);
  return {
    academy,
    teams: teams.map((t) => ({ ...t, warnings: can.manageTeams ? teamWarnings(t) : [] })),
    issues,
    can,
    history,
    stages,
    now: new Date(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyContext(request, params.academyId, "manageAcademy");
  return answerIntent(await runIntent(ACADEMY_PAGE_INTENTS, { actorId: user.id, academyId: academy.id }, await readForm(request)), `/academies/${academy.id}`);
}

export default function AcademyPage() {
  const { academy, teams, issues, can, history, stages, now } = useLoaderData<typeof loader>();
  const nowMs = new Date(now).getTime();
  // the next session: the first not yet over (the one in progress counts)
  const nextId = academy.sessions.find((s) => new Date(s.endsAt).getTime() >= nowMs)?.id;
  const canManage = can.manageAcademy;
  const canEdit = can.editSessions;
  const answer = useActionData<typeof action>();
  const actionData = answer && !answer.ok ? answer : undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  const facilitators = withRole(academy.enrollments, "facilitator");
  const coordinators = withRole(academy.enrollments, "coordinator");
  const observers = withRole(academy.enrollments, "observer");
  const firstSession = academy.sessions[0];
  return (
    <div className="flex flex-col gap-8">
      <p><Link to="/academies">{t("academy.back")}</Link></p>
      {actionData && !["addStage", "saveStage"].includes(actionData.form) ? <Alert tone="error">{t(actionData.reason)}</Alert> : null}
      <header className="flex flex-col gap-2">
        <p className="text-solid-gray-600">
          {formatFiscalYear(academy.fiscalYear, locale, true)} · {t("format.withParen", { text: academy.region.name, paren: academy.region.members.map((m) => m.municipality.name).join(t("format.list")) })}
        </p>
        <h1>{academy.name}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <AcademyStatusBadge status={academy.status} />
          {canManage
            ? ACADEMY_TRANSITIONS[academy.status as AcademyStatus]?.map((to) => (
                <ActionForm key={to}>
                  <input type="hidden" name="intent" value="status" />
                  <input type="hidden" name="status" value={to} />
                  <ConfirmButton size="sm" variant="secondary" confirm={t("academy.confirmTransition", { to: t(`academy.status.${to}`) })}>
                    {t(`academy.transition.${to}`)}
                  </ConfirmButton>
                </ActionForm>
              ))
            : null}
          {canManage ? <Link to={`/academies/${academy.id}/edit`}>{t("academy.edit")}</Link> : null}
          <Link to={`/academies/${academy.id}/materials`}>{t("material.title")}</Link>
          <a href={`/academies/${academy.id}/calendar.ics`}>{t("calendar.exportAcademy")}</a>
          <Link to={`/academies/${academy.id}/surveys`}>{t("survey.title")}</Link>
          {can.seeSurveyResults ? <Link to={`/academies/${academy.id}/completion`}>{t("completion.title")}</Link> : null}
          {can.seeSurveyResults ? <Link to={`/academies/${academy.id}/certificates`}>{t("certificate.title")}</Link> : null}
          {can.seeAllTeams ? <Link to={`/academies/${academy.id}/outcomes`}>{t("outcome.title")}</Link> : null}
          {can.runSessions ? <Link to={`/academies/${academy.id}/facilitators`}>{t("facilitator.academyTitle")}</Link> : null}
        </div>
        {academy.description ? <p>{academy.description}</p> : null}
        <dl className="grid gap-x-6 gap-y-1 md:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("academy.facilitators")}</dt>
          <dd>{facilitators.map((s) => s.user.displayName).join(t("format.list")) || "—"}</dd>
          <dt className="font-bold">{t("academy.coordinators")}</dt>
          <dd>{coordinators.map((s) => s.user.displayName).join(t("format.list")) || "—"}</dd>
          {observers.length > 0 ? (
            <>
              <dt className="font-bold">{t("academy.observers")}</dt>
              <dd>{observers.map((s) => s.user.displayName).join(t("format.list"))}</dd>
            </>
          ) : null}
          <dt className="font-bold">{t("academy.preLearning")}</dt>
          <dd>
            {academy.preLearningStartsAt && firstSession
              ? t("academy.preLearningWindow", {
                  from: formatDate(new Date(academy.preLearningStartsAt), locale),
                  to: formatDate(new Date(firstSession.startsAt), locale),
                })
              : t("academy.preLearningNone")}
          </dd>
        </dl>
      </header>

      <section aria-labelledby="schedule-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="schedule-heading">{t("academy.schedule")}</h2>
          {canManage ? <Link to={`/academies/${academy.id}/sessions/new`}>{t("session.add")}</Link> : null}
        </div>
        <ol className="flex flex-col gap-3">
          {academy.sessions.map((s) => {
            const held = new Date(s.endsAt).getTime() < nowMs;
            const next = s.id === nextId;
            return (
            <li key={s.id} data-session-state={held ? "held" : next ? "next" : "planned"} className={`flex flex-col gap-2 rounded-8 p-4 ${next ? "border-2 border-blue-900 bg-blue-50" : "border border-solid-gray-200"}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-std-18B-160">
                  {held ? <span className="mr-2 rounded-4 bg-solid-gray-100 px-2 text-dns-14B-120 text-solid-gray-900">✓ {t("session.held")}</span> : null}
                  {next ? <span className="mr-2 rounded-4 bg-blue-900 px-2 text-dns-14B-120 text-white">{t("session.next")}</span> : null}
                  <Link to={`/academies/${academy.id}/sessions/${s.id}`}>
                    {t("session.numbered", { n: s.sequence })}
                    {s.kind !== "workshop" ? t("format.paren", { text: t(`session.kind.${s.kind}`) }) : ""}
                    {s.title ? ` ${s.title}` : ""}
                  </Link>
                </h3>
                <div className="flex gap-3">
                  {can.runSessions ? <Link to={`/academies/${academy.id}/sessions/${s.id}/attendance`} aria-label={t("attendance.titleNumbered", { n: s.sequence })}>{t("attendance.take")}</Link> : null}
                  {canEdit ? <Link to={`/academies/${academy.id}/sessions/${s.id}/edit`} aria-label={t("session.editNumbered", { n: s.sequence })}>{t("form.edit")}</Link> : null}
                  {canManage ? (
                    <ActionForm>
                      <input type="hidden" name="intent" value="deleteSession" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <ConfirmButton size="sm" variant="danger" confirm={t("session.confirmDelete", { n: s.sequence })} aria-label={t("session.deleteNumbered", { n: s.sequence })}>
                        {t("form.delete")}
                      </ConfirmButton>
                    </ActionForm>
                  ) : null}
                </div>
              </div>
              <p className="text-std-16B-170">{formatTimeRange(new Date(s.startsAt), new Date(s.endsAt), locale)}</p>
              <p>
                {[s.venueName, s.venueAddress].filter(Boolean).join(" ")}
                {s.venueCapacity ? ` ${t("session.capacityValue", { count: s.venueCapacity })}` : ""}
                {s.onlineUrl ? <> {t("session.online")}: <a href={s.onlineUrl}>{s.onlineUrl}</a></> : null}
              </p>
              <p className="text-dns-16N-130">{t("academy.facilitators")}: {s.facilitators.map((f) => f.user.displayName).join(t("format.list")) || "—"}</p>
              {s.agenda ? <p className="whitespace-pre-wrap text-dns-16N-130 text-solid-gray-800">{s.agenda}</p> : null}
              <ScheduleIssues issues={issues[s.id] ?? []} />
            </li>
            );
          })}
        </ol>
      </section>

      <StageList
        stages={stages}
        sessions={academy.sessions}
        canManage={canManage}
        actionData={actionData && ["addStage", "saveStage"].includes(actionData.form) ? { ...actionData, stageId: actionData.values.stageId ?? "" } : undefined}
      />

      <section aria-labelledby="teams-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="teams-heading">{t("team.title")}</h2>
          {can.manageTeams ? (
            <div className="flex gap-4">
              <Link to={`/academies/${academy.id}/teams/new`}>{t("team.add")}</Link>
              <Link to={`/academies/${academy.id}/roster`}>{t("roster.title")}</Link>
            </div>
          ) : null}
        </div>
        {teams.length === 0 ? <p>{t("team.empty")}</p> : null}
        <ul className="grid gap-3 md:grid-cols-2">
          {teams.map((team) => (
            <li key={team.id} className="flex flex-col gap-1 rounded-8 border border-solid-gray-200 p-4">
              <h3 className="text-std-18B-160"><Link to={`/academies/${academy.id}/teams/${team.id}`}>{team.name}</Link></h3>
              <p>{t("team.theme")}: {team.themeTitle}</p>
              <p className="text-dns-14N-130 text-solid-gray-600">
                {team.municipalities.map((m) => m.municipality.name).join(t("format.list"))} · {t("team.memberCount", { count: team.members.length })}
                {team.lead ? ` · ${t("team.lead")}: ${team.lead.displayName}` : ""}
              </p>
              {team.warnings.map((w) => (
                <p key={w} className="text-dns-16N-130"><span className="mr-1 rounded-4 bg-yellow-200 px-1.5 text-dns-14B-120">{t("schedule.level.warning")}</span>{t(w)}</p>
              ))}
            </li>
          ))}
        </ul>
      </section>

      {can.seeHistory ? (
        <section aria-labelledby="history-heading" className="flex flex-col gap-3">
          <h2 id="history-heading">{t("audit.academyHistory")}</h2>
          {history.length === 0 ? <p>{t("audit.empty")}</p> : null}
          <ul className="flex flex-col gap-1 text-dns-16N-130">
            {history.map((e) => (
              <li key={e.id}>
                {formatDateTime(new Date(e.createdAt), locale)} — {e.actor?.displayName ?? t("audit.system")}: {t(`audit.action.${e.action}`, { defaultValue: e.action })}
              </li>
            ))}
          </ul>
          <p><Link to="/audit">{t("audit.all")}</Link></p>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "academy.pageTitle", { name: data?.academy.name ?? "" });
