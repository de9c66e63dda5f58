import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import type { SerializeFrom } from "@remix-run/node";
import type { teamWorkspace } from "~/modules/deliverable/workspace.server";
import { handsIn } from "~/modules/deliverable/progress";
import { stageLabelKey } from "~/modules/stage/stages";
import { formatDate, formatDateTime, formatTimeRange } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { StageSteps, stageHref } from "./stage-steps";
import { StateMark } from "~/components/progress/state-cell";
import { DataTable } from "~/components/ui/data-table";

type Workspace = SerializeFrom<Awaited<ReturnType<typeof teamWorkspace>>>;

/** The top of the team page: the path, what to do next, homework, materials and the latest feedback. */
export function TeamWorkspace({ academyId, teamId, workspace, isMember }: { academyId: string; teamId: string; workspace: Workspace; isMember: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/academies/${academyId}/teams/${teamId}`;
  const label = (s: { title: string; key: string }) => s.title || t(stageLabelKey(s.key));
  const stageById = new Map(workspace.stages.map((s) => [s.id, s]));
  const todo = workspace.todo;
  const session = workspace.nextSession;
  const hrefOf = (s: { id: string; key: string; deliverable: string }) => stageHref(academyId, teamId, s);
  return (
    <>
      <section aria-labelledby="next-heading" className="flex flex-col gap-4 rounded-12 border-2 border-blue-900 bg-blue-50 p-5">
        <h2 id="next-heading">{t("path.nextHeading")}</h2>
        {todo.length > 0 || workspace.homework ? (
          <ul className="flex flex-col gap-3" aria-label={t("path.todoLabel")}>
            {todo.map((stage) => (
              <li key={stage.id} data-todo={stage.key} className="flex flex-col gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="text-std-18B-160">{hrefOf(stage) ? <Link to={hrefOf(stage)!}>{label(stage)}</Link> : label(stage)}</span>
                  <StateMark state={stage.state} />
                </span>
                <span>
                  {!handsIn(stage.deliverable)
                    ? stage.key === "prelearning"
                      ? t("path.nextLearn")
                      : t("path.nextWorkshop")
                    : stage.status === "revision_requested"
                      ? t("path.nextRevision")
                      : isMember
                        ? t("path.nextSubmit")
                        : t("path.nextTeamSubmit")}
                  {stage.deadline.dueAt ? ` ${t(stage.state === "overdue" ? "path.overdueSince" : "path.dueShort", { date: formatDateTime(new Date(stage.deadline.dueAt), locale) })}` : ""}
                </span>
              </li>
            ))}
            {workspace.homework ? (
              <li data-todo="homework" className="flex flex-col gap-1">
                <span className="text-std-18B-160">{t("path.homework", { n: workspace.homework.sequence })}</span>
                <span className="whitespace-pre-wrap">{workspace.homework.text}</span>
              </li>
            ) : null}
          </ul>
        ) : (
          <p>{t("path.nothingDue")}</p>
        )}
        <div className="rounded-8 border border-solid-gray-420 bg-white p-4" data-next-session>
          <h3 className="text-std-16B-170">{t("dashboard.nextSession")}</h3>
          {session ? (
            <>
              <p className="text-std-18B-160">
                {t("session.numbered", { n: session.sequence })}
                {session.title ? t("format.quote", { text: session.title }) : ""}
              </p>
              <p>{formatTimeRange(new Date(session.startsAt), new Date(session.endsAt), locale)}</p>
              <p>{[session.venueName, session.venueAddress].filter(Boolean).join(" ") || (session.online ? t("session.online") : "")}</p>
            </>
          ) : (
            <p>{t("dashboard.noUpcomingSessions")}</p>
          )}
        </div>
        {workspace.materials.length > 0 ? (
          <div>
            <h3 className="text-std-16B-170">{t("path.currentMaterials")}</h3>
            <ul className="list-disc pl-6">
              {workspace.materials.map((m) => (
                <li key={m.materialId}>
                  <Link to={`/academies/${academyId}/materials/${m.materialId}`}>{locale === "en" && m.material.titleEn ? m.material.titleEn : m.material.title}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="path-heading" className="flex flex-col gap-3">
        <h2 id="path-heading">{t("path.heading")}</h2>
        <StageSteps
          currentIndex={workspace.currentIndex}
          steps={workspace.stages.map((s) => ({
            id: s.id,
            label: label(s),
            state: s.state,
            due: s.deadline.dueAt && (handsIn(s.deliverable) || s.key === "prelearning") ? formatDate(new Date(s.deadline.dueAt), locale) : null,
            href: hrefOf(s),
          }))}
        />
        <DataTable
          caption={t("path.tableCaption")}
          cards
          rows={workspace.stages.filter((s) => handsIn(s.deliverable))}
          rowKey={(s) => s.id}
          empty={t("path.noStages")}
          columns={[
            { key: "stage", header: t("path.stage"), cell: (s) => <Link to={`${base}/stages/${s.id}`}>{label(s)}</Link> },
            { key: "status", header: t("path.status"), cell: (s) => <StateMark state={s.state} /> },
            { key: "due", header: t("path.dueHeader"), cell: (s) => (s.deadline.dueAt ? formatDateTime(new Date(s.deadline.dueAt), locale) : "—") + (s.deadline.extended ? ` ${t("extension.mark")}` : "") },
            { key: "versions", header: t("path.versions"), cell: (s) => (s.latestVersion > 0 ? t("path.versionCount", { count: s.latestVersion }) : "—") },
          ]}
        />
        <p>
          {t("worksheet.count", { count: workspace.worksheets })}
          {isMember ? (
            <>
              {" "}
              <Link to={`${base}/worksheets/new`}>{t("worksheet.add")}</Link>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="actions-heading" className="flex flex-col gap-3">
        <h2 id="actions-heading">{t("retro.teamActions")}</h2>
        {workspace.actions.length === 0 ? <p>{t("retro.noOpenActions")}</p> : null}
        <ul className="flex flex-col gap-2">
          {workspace.actions.map((a) => {
            const stage = a.stageId ? stageById.get(a.stageId) : undefined;
            return (
              <li key={a.id} className="rounded-8 border border-solid-gray-420 p-3">
                <p className="text-std-16B-170">{a.text}</p>
                <p className="text-dns-14N-130 text-solid-gray-800">
                  {[a.owner ? t("retro.owner", { name: a.owner }) : t("retro.noOwner"), a.dueAt ? t("retro.due", { date: formatDate(new Date(a.dueAt), locale) }) : null].filter(Boolean).join(" · ")}
                  {stage ? <> · <Link to={`${base}/stages/${stage.id}`}>{t("retro.forStage", { stage: label(stage) })}</Link></> : null}
                  {" · "}
                  <Link to={`/academies/${academyId}/retros/${a.retroId}`}>{t("retro.fromBoard")}</Link>
                </p>
              </li>
            );
          })}
        </ul>
        {workspace.retros.length > 0 ? (
          <>
            <h3>{t("retro.teamBoards")}</h3>
            <ul className="flex flex-col gap-1">
              {workspace.retros.map((r) => (
                <li key={r.id}>
                  <Link to={`/academies/${academyId}/retros/${r.id}`}>{r.title || (r.sequence ? t("retro.ofSession", { n: r.sequence }) : formatDate(new Date(r.createdAt), locale))}</Link>
                  {` ${t("format.paren", { text: t(`retro.phase.${r.phase}`) })}`}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="feedback-heading" className="flex flex-col gap-3">
        <h2 id="feedback-heading">{t("path.feedbackHeading")}</h2>
        {workspace.feedback.length === 0 ? <p>{t("path.noFeedback")}</p> : null}
        <ul className="flex flex-col gap-2">
          {workspace.feedback.map((f) => {
            const stage = stageById.get(f.stageId);
            return (
              <li key={f.id} className="rounded-8 border border-solid-gray-420 p-3">
                <p className="text-dns-14N-130 text-solid-gray-800">
                  {stage ? <Link to={`${base}/stages/${stage.id}`}>{label(stage)}</Link> : null} · {formatDateTime(new Date(f.createdAt), locale)}
                  {f.kind !== "comment" ? ` · ${t(`review.kind.${f.kind}`)}` : ""}
                </p>
                <p className="line-clamp-3 whitespace-pre-wrap">{f.body}</p>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
