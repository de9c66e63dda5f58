import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { Breadcrumbs, academyCrumbs } from "~/components/ui/breadcrumbs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { sessionRoom } from "~/modules/schedule/room.server";
import { invariantFound } from "~/utils/http.server";
import { formatTimeRange } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";

// The session for the room: every enrolled person reads it; staff also take attendance and run
// the boards from here. Usable on a tablet (one column, large targets).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const room = invariantFound(await sessionRoom(context, params.sessionId ?? ""));
  const { can } = context;
  return { academy: context.academy, ...room, can: { runSessions: can.runSessions, editSessions: can.editSessions }, isParticipant: context.can.workInTeam };
}

export default function SessionRoomPage() {
  const { academy, session, materials, retros, attendance, can, isParticipant } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/academies/${academy.id}/sessions/${session.id}`;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Breadcrumbs items={[...academyCrumbs(t, academy), { label: t("session.numbered", { n: session.sequence }) }]} />
      <header className="flex flex-col gap-2">
        <h1>
          {t("session.numbered", { n: session.sequence })}
          {session.title ? ` ${session.title}` : ""}
        </h1>
        <p className="text-std-18B-160">{formatTimeRange(new Date(session.startsAt), new Date(session.endsAt), locale)}</p>
        <p>
          {[session.venueName, session.venueAddress].filter(Boolean).join(" ") || t("room.noVenue")}
          {session.onlineUrl ? <> · {t("session.online")}: <a href={session.onlineUrl}>{session.onlineUrl}</a></> : null}
        </p>
        <p>{t("academy.facilitators")}: {session.facilitators.map((f) => (f.role === "lead" ? f.name : t("format.withParen", { text: f.name, paren: t(`facilitator.sessionRole.${f.role}`) }))).join(t("format.list")) || "—"}</p>
        <div className="flex flex-wrap gap-3">
          {can.runSessions ? <Link className="inline-flex min-h-12 items-center rounded-8 bg-blue-900 px-6 text-oln-16B-100 text-white" to={`${base}/attendance`}>{t("attendance.take")}</Link> : null}
          {can.runSessions ? <Link className="inline-flex min-h-12 items-center rounded-8 border-2 border-blue-900 px-6 text-oln-16B-100" to={`/academies/${academy.id}/retros/new?session=${session.id}`}>{t("retro.start")}</Link> : null}
          {isParticipant ? <Link className="inline-flex min-h-12 items-center rounded-8 border-2 border-blue-900 px-6 text-oln-16B-100" to={`/academies/${academy.id}/surveys/session-${session.id}`}>{t("survey.answerSession")}</Link> : null}
          {can.editSessions ? <Link className="inline-flex min-h-12 items-center" to={`${base}/edit`}>{t("session.edit")}</Link> : null}
        </div>
      </header>

      {attendance ? (
        <section aria-labelledby="attendance-heading" className="flex flex-col gap-2">
          <h2 id="attendance-heading">{t("attendance.title")}</h2>
          <p>{t("attendance.summary", attendance)}</p>
        </section>
      ) : null}

      <section aria-labelledby="agenda-heading" className="flex flex-col gap-2">
        <h2 id="agenda-heading">{t("room.agenda")}</h2>
        {session.agenda ? <p className="whitespace-pre-wrap">{session.agenda}</p> : <p>{t("room.noAgenda")}</p>}
      </section>

      <section aria-labelledby="materials-heading" className="flex flex-col gap-2">
        <h2 id="materials-heading">{t("room.materials")}</h2>
        {materials.length === 0 ? <p>{t("room.noMaterials")}</p> : null}
        <ul className="flex flex-col gap-2">
          {materials.map((m) => (
            <li key={m.id}>
              <Link to={`/academies/${academy.id}/materials/${m.id}`}>{locale === "en" && m.titleEn ? m.titleEn : m.title}</Link>
              {m.audience === "facilitator" ? ` ${t("format.paren", { text: t("room.forStaff") })}` : ""}
              {!m.released ? ` ${t("format.paren", { text: t("room.notReleased") })}` : ""}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="homework-heading" className="flex flex-col gap-2">
        <h2 id="homework-heading">{t("room.homework")}</h2>
        {session.homework ? <p className="whitespace-pre-wrap">{session.homework}</p> : <p>{t("room.noHomework")}</p>}
      </section>

      <section aria-labelledby="retros-heading" className="flex flex-col gap-2">
        <h2 id="retros-heading">{t("retro.boards")}</h2>
        {retros.length === 0 ? <p>{t("retro.noBoards")}</p> : null}
        <ul className="flex flex-col gap-2">
          {retros.map((r) => (
            <li key={r.id}>
              <Link to={`/academies/${academy.id}/retros/${r.id}`}>{r.title || t("retro.boardTitle", { scope: r.teamName ?? t("retro.wholeSession") })}</Link>
              {` ${t("format.paren", { text: t(`retro.phase.${r.phase}`) })}`}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "session.numbered", { n: data?.session.sequence ?? "" });
