import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ReleaseSchema } from "~/modules/material/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useId } from "react";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { listAcademyMaterials } from "~/modules/material/release.server";
import { MATERIALS_INTENTS } from "~/modules/material/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { attachableMaterials } from "~/modules/material/catalogue.server";
import { listStages } from "~/modules/stage/stage.server";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { useStageName } from "~/components/academy/stage-list";
import { myCompletions, preLearningProgress } from "~/modules/material/prelearning.server";
import { formatDateTime, toTokyoDateInput, toTokyoTimeInput } from "~/utils/dates";
import { resolveLocale } from "~/utils/locale.server";
import { useLocale } from "~/utils/use-locale";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { formatBytes, useMaterialText } from "~/components/material/material-title";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";
import { DataTable } from "~/components/ui/data-table";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const { academy, can, user } = context;
  const isParticipant = can.workInTeam;
  const [{ staff, items }, stages, completed, progress, catalogue] = await Promise.all([
    listAcademyMaterials(context),
    listStages(academy.id),
    isParticipant ? myCompletions(user.id, academy.id) : ([] as string[]),
    can.seeStaffMaterials ? preLearningProgress(academy.id) : null,
    can.releaseMaterials ? attachableMaterials(academy.id) : ([] as Awaited<ReturnType<typeof attachableMaterials>>),
  ]);
  return { academy, canManage: can.releaseMaterials, staff, isMember: isParticipant, items, completed, progress, stages, catalogue };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const form = await readForm(request);
  const locale = await resolveLocale(request, context.user);
  return answerIntent(await runIntent(MATERIALS_INTENTS, { context, locale }, form), `/academies/${context.academy.id}/materials`);
}

export default function AcademyMaterialsPage() {
  const { academy, canManage, staff, isMember, items, completed, progress, stages, catalogue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // a refusal: its reason, and (for a release form) what was typed, put back into that form
  const refused = actionData && !actionData.ok ? actionData : null;
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useMaterialText();
  const stageName = useStageName();
  const now = Date.now();
  const groups = [
    ...stages.map((stage) => ({ id: stage.id, stage, items: items.filter((i) => i.stageId === stage.id) })),
    { id: "general", stage: null, items: items.filter((i) => !i.stageId || !stages.some((s) => s.id === i.stageId)) },
  ].filter((g) => g.items.length > 0);
  return (
    <div className="flex flex-col gap-8">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("material.academyTitle", { name: academy.name })}</h1>
      {refused ? <Alert tone="error">{t(refused.reason)}</Alert> : null}
      {canManage ? (
        <div className="flex flex-wrap gap-3">
          <ActionForm><Button type="submit" name="intent" value="attachCurriculum" variant="secondary">{t("material.attachCurriculum")}</Button></ActionForm>
          <ActionForm><Button type="submit" name="intent" value="remind" variant="secondary">{t("material.remindNow")}</Button></ActionForm>
          <Link to={`/academies/${academy.id}/materials/log`} className="self-center">{t("material.logTitle")}</Link>
        </div>
      ) : null}
      {items.length === 0 ? <p>{staff ? t("material.noneAttached") : t("material.noneReleased")}</p> : null}
      {groups.map((g) => {
        const waiting = g.items.filter((i) => !i.released).length;
        const isPreLearning = g.stage?.key === "prelearning";
        return (
          <section key={g.id} id={isPreLearning ? "prelearning" : `stage-${g.id}`} aria-labelledby={`heading-${g.id}`} className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id={`heading-${g.id}`}>
                {g.stage ? stageName(g.stage) : t("material.stage.general")}
                {g.stage?.session ? <span className="ml-2 text-std-16N-170 text-solid-gray-600">{t("format.paren", { text: t("session.numbered", { n: g.stage.session.sequence }) })}</span> : null}
              </h2>
              {canManage && g.stage && waiting > 0 ? (
                <ActionForm>
                  <input type="hidden" name="intent" value="releaseStage" />
                  <input type="hidden" name="stageId" value={g.stage.id} />
                  <ConfirmButton size="sm" variant="secondary" confirm={t("material.confirmReleaseStage", { count: waiting, stage: stageName(g.stage) })}>
                    {t("material.releaseStageNow", { count: waiting })}
                  </ConfirmButton>
                </ActionForm>
              ) : null}
            </div>
            <ul className="flex flex-col gap-3">
              {g.items.map((item) => {
                const m = text(item.material);
                const isDone = completed.includes(item.material.id);
                const size = item.current.storedFile?.size ?? 0;
                return (
                  <li key={item.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-200 p-4">
                    <div className="flex flex-wrap items-center gap-2">
                      <h3 className="text-std-18B-160">
                        <Link to={`/academies/${academy.id}/materials/${item.material.id}`}>{m.title}</Link>
                      </h3>
                      {item.material.audience === "facilitator" ? <span className="rounded-4 bg-solid-gray-800 px-2 text-dns-14B-120 text-white">{t("material.facilitatorOnly")}</span> : null}
                      {item.updated ? <span className="rounded-4 bg-yellow-200 px-2 text-dns-14B-120">{t("material.updated")}</span> : null}
                      {staff && !item.released ? <span className="rounded-4 bg-solid-gray-100 px-2 text-dns-14B-120">{t("material.notYetReleased")}</span> : null}
                    </div>
                    {m.summary ? <p className="text-dns-16N-130">{m.summary}</p> : null}
                    <p className="text-dns-14N-130 text-solid-gray-600">
                      {t(`material.kind.${item.material.kind}`)} · {t("material.versionN", { n: item.current.number })}
                      {size ? ` · ${formatBytes(size)}` : ""} · {t(new Date(item.releaseAt).getTime() <= now ? "material.releasedAt" : "material.releaseAt", { at: formatDateTime(new Date(item.releaseAt), locale) })}
                      {staff && item.releaseMode === "relative" ? ` ${t("format.paren", { text: relativeWords(t, item.releaseOffsetDays, stages.find((st) => st.id === item.stageId)?.session?.sequence ?? null) })}` : ""}
                    </p>
                    <div className="flex flex-wrap items-center gap-4">
                      {item.material.kind !== "link" ? (
                        <a href={`/academies/${academy.id}/materials/${item.material.id}/download`}>{t(item.material.kind === "markdown" ? "material.downloadMarkdown" : "material.download")}</a>
                      ) : null}
                      {item.material.kind === "markdown" ? <a href={`/academies/${academy.id}/materials/${item.material.id}/pdf`}>{t("material.downloadPdf")}</a> : null}
                      {canManage && !item.released ? (
                        <ActionForm>
                          <input type="hidden" name="materialId" value={item.material.id} />
                          <Button type="submit" size="sm" variant="secondary" name="intent" value="releaseNow" aria-label={t("material.releaseNowFor", { title: m.title })}>
                            {t("material.releaseNow")}
                          </Button>
                        </ActionForm>
                      ) : null}
                      {item.previousVersionId ? (
                        <Link to={`/academies/${academy.id}/materials/${item.material.id}?version=${item.previousVersionId}`}>{t("material.openPrevious")}</Link>
                      ) : null}
                      {isMember && isPreLearning && item.released && item.material.audience === "participant" ? (
                        <ActionForm>
                          <input type="hidden" name="materialId" value={item.material.id} />
                          <Button type="submit" size="sm" variant={isDone ? "tertiary" : "primary"} name="intent" value={isDone ? "uncomplete" : "complete"} aria-pressed={isDone}>
                            {isDone ? t("material.doneUndo") : t("material.markDone")}
                          </Button>
                        </ActionForm>
                      ) : null}
                      {isDone ? <span className="font-bold text-success-2">{t("material.done")}</span> : null}
                    </div>
                    {canManage ? (
                      <ReleaseForm
                        materialId={item.material.id}
                        title={m.title}
                        release={{ stageId: item.stageId ?? "", mode: item.releaseMode, offsetDays: item.releaseOffsetDays, releaseAt: new Date(item.releaseAt) }}
                        stages={stages}
                        refusal={refused?.values.materialId === item.material.id ? refused : null}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {progress ? (
        <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
          <h2 id="progress-heading">{t("material.progressTitle")}</h2>
          <p>{t("material.progressSummary", { complete: progress.complete, total: progress.total, items: progress.itemCount })}</p>
          <DataTable
            caption={t("material.progressTitle")}
            captionHidden
            cards
            rows={progress.teams}
            rowKey={(team) => team.id}
            columns={[
              { key: "team", header: t("team.title"), cell: (team) => team.name },
              { key: "complete", header: t("material.completeCount"), cell: (team) => t("material.teamComplete", { complete: team.complete, total: team.total }) },
              {
                key: "people",
                header: t("team.members"),
                cell: (team) => (
                  <ul>
                    {team.people.map((p) => (
                      <li key={p.userId}>{p.name}: {p.done}/{progress.itemCount}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </section>
      ) : null}
      {canManage && catalogue.length > 0 ? (
        <section aria-labelledby="add-heading" className="flex flex-col gap-3">
          <h2 id="add-heading">{t("material.addFromCatalogue")}</h2>
          <ul className="flex flex-col gap-2">
            {catalogue.map((c) => {
              const title = text({ ...c, summary: "", summaryEn: "" }).title;
              const stageId = stages.find((s) => s.key === c.stageKey)?.id ?? "";
              return (
                <li key={c.id} className="flex flex-col gap-1 rounded-8 border border-solid-gray-200 p-3">
                  <span className="font-bold">{title}</span>
                  <ReleaseForm materialId={c.id} title={title} release={null} defaultStageId={stageId} stages={stages} refusal={refused?.values.materialId === c.id ? refused : null} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

interface ReleaseState {
  stageId: string;
  mode: string;
  offsetDays: number;
  releaseAt: Date;
}

/** Where a material goes and when it opens: n days before/after its stage's session, or a fixed date. */
function ReleaseForm({
  materialId,
  title,
  release,
  defaultStageId = "",
  stages,
  refusal,
}: {
  materialId: string;
  title: string;
  release: ReleaseState | null;
  defaultStageId?: string;
  stages: { id: string; key: string; title: string }[];
  /** this form's refusal: the reason, the fields it concerns and what was typed (put back) */
  refusal: { reason: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;
}) {
  const { t } = useTranslation();
  const stageName = useStageName();
  const id = useId();
  const error = refusal?.reason ?? null;
  const typed = refusal?.values ?? {};
  const invalid = (field: string) => (refusal?.fieldErrors[field] ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {});
  const mode = typed.mode === "fixed" || typed.mode === "relative" ? typed.mode : (release?.mode ?? "relative");
  const form = (
    <ActionForm schema={ReleaseSchema} className="flex flex-col gap-3 rounded-8 bg-solid-gray-50 p-3" aria-label={t("material.releaseFor", { title })}>
      <input type="hidden" name="materialId" value={materialId} />
      {error ? <p id={`${id}-error`} role="alert" className="text-dns-16B-130 text-error-2">{t(error)}</p> : null}
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-dns-14B-120" htmlFor={`${id}-stage`}>
          {t("material.attachTo")}
          <select id={`${id}-stage`} name="stageId" defaultValue={typed.stageId ?? release?.stageId ?? defaultStageId} className="min-h-12 rounded-8 border border-solid-gray-600 bg-white px-3">
            {stages.map((s) => (
              <option key={s.id} value={s.id}>{stageName(s)}</option>
            ))}
            <option value="">{t("material.stage.general")}</option>
          </select>
        </label>
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="sr-only">{t("material.releaseWhen")}</legend>
          <label className="flex min-h-11 items-center gap-2 text-std-16B-170">
            <input type="radio" name="mode" value="relative" defaultChecked={mode === "relative"} className="size-6 accent-blue-900" />
            {t("material.modeRelative")}
          </label>
          <span className="flex items-end gap-2">
            <label className="flex flex-col text-dns-16B-130" htmlFor={`${id}-offset`}>
              {t("material.offsetDaysPlain")}
              <input id={`${id}-offset`} type="number" name="offsetAbs" min={0} max={60} step={1} defaultValue={typed.offsetAbs ?? Math.abs(release && release.mode === "relative" ? release.offsetDays : -7)} {...invalid("offsetAbs")} className="min-h-12 w-20 rounded-8 border border-solid-gray-600 px-3" />
            </label>
            <label className="flex flex-col text-dns-16B-130" htmlFor={`${id}-dir`}>
              <span className="sr-only">{t("material.offsetDirection")}</span>
              <select id={`${id}-dir`} name="offsetDir" defaultValue={typed.offsetDir ?? (release && release.mode === "relative" && release.offsetDays > 0 ? "after" : "before")} className="min-h-12 rounded-8 border border-solid-gray-600 bg-white px-3">
                <option value="before">{t("material.daysBefore")}</option>
                <option value="after">{t("material.daysAfter")}</option>
              </select>
            </label>
          </span>
          <label className="flex min-h-11 items-center gap-2 text-std-16B-170">
            <input type="radio" name="mode" value="fixed" defaultChecked={mode === "fixed"} className="size-6 accent-blue-900" />
            {t("material.modeFixed")}
          </label>
          <label className="flex flex-col text-dns-14B-120" htmlFor={`${id}-date`}>
            {t("material.releaseDate")}
            <input id={`${id}-date`} type="date" name="date" defaultValue={typed.date ?? (release ? toTokyoDateInput(release.releaseAt) : "")} {...invalid("date")} className="min-h-12 rounded-8 border border-solid-gray-600 px-3" />
          </label>
          <label className="flex flex-col text-dns-14B-120" htmlFor={`${id}-time`}>
            {t("material.releaseTime")}
            <input id={`${id}-time`} type="time" name="time" defaultValue={typed.time ?? (release ? toTokyoTimeInput(release.releaseAt) : "09:00")} {...invalid("time")} className="min-h-12 rounded-8 border border-solid-gray-600 px-3" />
          </label>
        </fieldset>
      </div>
      <p className="text-dns-14N-130 text-solid-gray-600">{t("material.offsetHint")}</p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" size="sm" variant="secondary" name="intent" value="release">{release ? t("material.saveRelease") : t("material.attach")}</Button>
        {release ? (
          <ConfirmButton size="sm" variant="danger" name="intent" value="detach" confirm={t("material.confirmDetach", { title })}>
            {t("material.detach")}
          </ConfirmButton>
        ) : null}
      </div>
    </ActionForm>
  );
  // Attached items keep their settings folded away; a new item shows its form.
  if (!release) return form;
  return (
    <details open={Boolean(error)}>
      <summary className="cursor-pointer text-dns-16B-130 text-blue-1000 underline">{t("material.changeRelease")}</summary>
      <div className="mt-2">{form}</div>
    </details>
  );
}

/** A relative release in plain words: 「第2回の7日前」, 「回の当日」 when the stage has no session of its own. */
function relativeWords(t: (key: string, params?: Record<string, unknown>) => string, offsetDays: number, sequence: number | null) {
  const key = offsetDays < 0 ? "material.relativeBefore" : offsetDays > 0 ? "material.relativeAfter" : "material.relativeOn";
  const session = sequence ? t("session.numbered", { n: sequence }) : t("material.itsSession");
  return t(key, { days: Math.abs(offsetDays), session });
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "material.title");
