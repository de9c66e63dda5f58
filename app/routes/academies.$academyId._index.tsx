import { Form, Link, useActionData, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { canEditSessions, requireAcademyAccess } from "~/modules/academy/access.server";
import { changeAcademyStatus, getAcademy } from "~/modules/academy/academy.server";
import { ACADEMY_TRANSITIONS, type AcademyStatus } from "~/modules/academy/status";
import { academyScheduleIssues, deleteSession } from "~/modules/schedule/session.server";
import { listTeams, teamWarnings } from "~/modules/team/team.server";
import { academyHistory } from "~/modules/academy/history.server";
import { userHasPermission } from "~/modules/account/permissions";
import { invariantFound, forbidden } from "~/utils/http.server";
import { prisma } from "~/utils/db.server";
import { formatDate, formatDateTime, formatFiscalYear, formatTimeRange } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { AcademyStatusBadge } from "~/components/ui/status-badge";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ScheduleIssues } from "~/components/academy/schedule-issues";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, academy: found } = await requireAcademyAccess(request, params.academyId);
  const academy = invariantFound(await getAcademy(user, found.id));
  const canManage = userHasPermission(user, "manage:academy:any");
  const canEdit = await canEditSessions(user, academy.id);
  const teams = await listTeams(user, academy.id);
  return {
    academy,
    teams: teams.map((t) => ({ ...t, warnings: canEdit ? teamWarnings(t) : [] })),
    issues: canEdit ? await academyScheduleIssues(academy.id) : {},
    canManage,
    canEdit,
    history: canManage ? await academyHistory(academy.id) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, academy } = await requireAcademyAccess(request, params.academyId, { manage: true });
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "status") {
    const result = invariantFound(await changeAcademyStatus(user.id, academy.id, String(form.get("status") ?? "")));
    if (!result.ok) return data({ error: result.error }, { status: 400 });
    return redirect(`/academies/${academy.id}`);
  }
  if (intent === "deleteSession") {
    const sessionId = String(form.get("sessionId") ?? "");
    const owned = await prisma.workshopSession.count({ where: { id: sessionId, academyId: academy.id } });
    if (!owned) forbidden();
    await deleteSession(user.id, sessionId);
    return redirect(`/academies/${academy.id}`);
  }
  return data({ error: "form.unknownIntent" }, { status: 400 });
}

export default function AcademyPage() {
  const { academy, teams, issues, canManage, canEdit, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const facilitators = academy.staff.filter((s) => s.role === "facilitator");
  const coordinators = academy.staff.filter((s) => s.role === "coordinator");
  const firstSession = academy.sessions[0];
  return (
    <div className="flex flex-col gap-8">
      <p><Link to="/academies">{t("academy.back")}</Link></p>
      {params.get("created") ? <Alert tone="success">{t("academy.created")}</Alert> : null}
      {params.get("imported") ? (
        <Alert tone="success">{t("roster.imported", { count: Number(params.get("imported")), invited: Number(params.get("invited") ?? 0) })}</Alert>
      ) : null}
      {actionData?.error ? <Alert tone="error">{t(actionData.error)}</Alert> : null}
      <header className="flex flex-col gap-2">
        <p className="text-solid-gray-600">
          {formatFiscalYear(academy.fiscalYear, locale, true)} · {t("format.withParen", { text: academy.region.name, paren: academy.region.members.map((m) => m.municipality.name).join(t("format.list")) })}
        </p>
        <h1>{academy.name}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <AcademyStatusBadge status={academy.status} />
          {canManage
            ? ACADEMY_TRANSITIONS[academy.status as AcademyStatus]?.map((to) => (
                <Form method="post" key={to}>
                  <input type="hidden" name="intent" value="status" />
                  <input type="hidden" name="status" value={to} />
                  <Button type="submit" size="sm" variant="secondary">{t(`academy.transition.${to}`)}</Button>
                </Form>
              ))
            : null}
          {canManage ? <Link to={`/academies/${academy.id}/edit`}>{t("academy.edit")}</Link> : null}
          <Link to={`/academies/${academy.id}/materials`}>{t("material.title")}</Link>
          <a href={`/academies/${academy.id}/calendar.ics`}>{t("calendar.exportAcademy")}</a>
        </div>
        {academy.description ? <p>{academy.description}</p> : null}
        <dl className="grid gap-x-6 gap-y-1 md:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("academy.facilitators")}</dt>
          <dd>{facilitators.map((s) => s.user.displayName).join(t("format.list")) || "—"}</dd>
          <dt className="font-bold">{t("academy.coordinators")}</dt>
          <dd>{coordinators.map((s) => s.user.displayName).join(t("format.list")) || "—"}</dd>
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
          {academy.sessions.map((s) => (
            <li key={s.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-200 p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-std-18B-160">
                  {t("session.numbered", { n: s.sequence })}
                  {s.kind !== "workshop" ? t("format.paren", { text: t(`session.kind.${s.kind}`) }) : ""}
                  {s.title ? ` ${s.title}` : ""}
                </h3>
                <div className="flex gap-3">
                  {canEdit ? <Link to={`/academies/${academy.id}/sessions/${s.id}`} aria-label={t("session.editNumbered", { n: s.sequence })}>{t("form.edit")}</Link> : null}
                  {canManage ? (
                    <Form method="post" onSubmit={(e) => { if (!confirm(t("session.confirmDelete", { n: s.sequence }))) e.preventDefault(); }}>
                      <input type="hidden" name="intent" value="deleteSession" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="text-error-2 underline" aria-label={t("session.deleteNumbered", { n: s.sequence })}>{t("form.delete")}</button>
                    </Form>
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
          ))}
        </ol>
      </section>

      <section aria-labelledby="teams-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="teams-heading">{t("team.title")}</h2>
          {canManage ? (
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

      {canManage ? (
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
