import { Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { Breadcrumbs, academyCrumbs } from "~/components/ui/breadcrumbs";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findTeam } from "~/modules/deliverable/path.server";
import { findStage } from "~/modules/deliverable/deliverable.server";
import { STAGE_INTENTS, type StagePageContext } from "~/modules/deliverable/intents.server";
import { answerIntent, refuse, runIntent } from "~/utils/intents.server";
import { stagePage } from "~/modules/deliverable/stage-page.server";
import { attachFiles, maxDeliverableFileBytes, MAX_FILES_PER_UPLOAD, type FileOutcome } from "~/modules/deliverable/files.server";
import { ScanFindings } from "~/components/team/scan-findings";
import { nextWaiting } from "~/modules/deliverable/review.server";
import { workFromFields } from "~/modules/deliverable/work";
import { invariantFound } from "~/utils/http.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/form-body.server";
import { discard, receiveUpload } from "~/utils/upload.server";
import { resolveLocale } from "~/utils/locale.server";
import { env } from "~/utils/env.server";
import { serverT } from "~/utils/i18n.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { stageLabelKey } from "~/modules/stage/stages";
import { pageTitle } from "~/utils/meta";
import { useLocale } from "~/utils/use-locale";
import { StageSteps, stageHref } from "~/components/team/stage-steps";
import { StateMark } from "~/components/progress/state-cell";
import { WorkForm } from "~/components/team/work-form";
import { WorkView } from "~/components/team/work-view";
import { DeliverableFiles, UploadForm } from "~/components/team/deliverable-files";
import { ReviewThread, ReviewForm, ExtensionForm } from "~/components/team/review-thread";
import { Alert } from "~/components/ui/alert";
import { ErrorSummary } from "~/components/ui/error-summary";
import type { TFunction } from "~/utils/i18n";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const team = invariantFound(await findTeam(context, params.teamId ?? ""));
  const stage = invariantFound(await findStage(context.academy.id, params.stageId ?? ""));
  const page = await stagePage(context, team, stage, new Date());
  const stageName = stage.title || serverT(await resolveLocale(request, context.user))(stageLabelKey(stage.key));
  // reviewers may go straight on to the next submission waiting for them
  const next = page.can.decide ? await nextWaiting(context.user, page.deliverable?.id ?? null) : null;
  return { academy: context.academy, team, stageName, ...page, next, maxFileBytes: maxDeliverableFileBytes(), maxFiles: MAX_FILES_PER_UPLOAD };
}

/** The page's answer: a refusal names the form it belongs to; a refused upload also says what happened to each file. */
type ActionResult = {
  ok: boolean;
  form: string;
  reason?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  failure?: { fileName: string; finding?: { row: number; columnLabel: string; header: string; sheet: string | null } };
  /** an upload refused: what happened to each of its files */
  outcomes?: FileOutcome[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const team = invariantFound(await findTeam(context, params.teamId ?? ""));
  const stage = invariantFound(await findStage(context.academy.id, params.stageId ?? ""));
  const back = `/academies/${context.academy.id}/teams/${team.id}/stages/${stage.id}`;
  const locale = await resolveLocale(request, context.user);
  if (request.headers.get("Content-Type")?.toLowerCase().startsWith("multipart/form-data")) return upload(request, { context, team, stage, locale }, back);
  return answerIntent(await runIntent(STAGE_INTENTS, { context, team, stage, locale }, await readForm(request)), back);
}

/** Files handed in: read as a stream to disk before any form exists, answered in the protocol's shape. */
async function upload(request: Request, { context, team, stage, locale }: StagePageContext, back: string) {
  if (!team.isMember) return refuse({ form: "upload", reason: "form.notAllowed", fieldErrors: {}, status: 403 });
  const upload = await receiveUpload(request, maxDeliverableFileBytes(), { maxFiles: MAX_FILES_PER_UPLOAD, maxTotalBytes: env().uploadMaxBodyBytes });
  if (!upload.ok) return refuse({ form: "upload", reason: upload.error, fieldErrors: { file: upload.error } });
  if (upload.emptyNames.length > 0 || upload.files.length === 0) {
    await Promise.all(upload.files.map(discard));
    const reason = upload.emptyNames.length > 0 ? "upload.empty" : "upload.required";
    return refuse({ form: "upload", reason, fieldErrors: { file: reason }, failure: upload.emptyNames[0] ? { fileName: upload.emptyNames[0] } : undefined });
  }
  try {
    const result = await attachFiles(context.user.id, team, stage, upload.files);
    if (!result.ok) return refuse({ form: "upload", reason: result.reason, fieldErrors: result.fieldErrors, failure: result.failure, outcomes: result.outcomes });
    const flagged = result.attached.filter((a) => a.scan && a.scan.status !== "clean").length;
    const names = result.repeated.join(serverT(locale)("format.list"));
    if (result.attached.length === 0) return redirectWithFlash(back, { message: "deliverable.flash.alreadyAttached", params: { names } });
    if (result.repeated.length > 0) return redirectWithFlash(back, { message: "deliverable.flash.attachedRepeated", params: { count: String(result.attached.length), names } });
    return redirectWithFlash(back, { message: flagged > 0 ? "deliverable.flash.attachedFlagged" : "deliverable.flash.attached", params: { count: String(result.attached.length) } });
  } finally {
    await Promise.all(upload.files.map(discard));
  }
}

export default function StagePage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  const { academy, team, stage, deliverable, can } = page;
  const stageName = stage.title || t(stageLabelKey(stage.key));
  const teamHref = `/academies/${academy.id}/teams/${team.id}`;
  const due = page.deadline.dueAt ? new Date(page.deadline.dueAt) : null;
  const cutoff = page.deadline.cutoffAt ? new Date(page.deadline.cutoffAt) : null;
  // a refused batch, or a table refused for what the scan found: said file by file
  const eachFile = !!actionData?.outcomes && (actionData.outcomes.length > 1 || actionData.outcomes.some((o) => o.scan));
  const reviewing = (can.decide || can.comment) && !team.isMember;
  const unconfirmed = page.files.some((f) => !f.removedAt && f.scanStatus === "needs_confirmation");
  return (
    <div className="flex flex-col gap-8">
      <Breadcrumbs items={[...academyCrumbs(t, academy), { label: team.name, to: teamHref }, { label: stageName }]} />
      <header className="flex flex-col gap-3">
        <h1>
          {stageName}
          <span className="sr-only"> — {team.name}</span>
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <StateMark state={page.state} />
          {due ? <span>{t("path.due", { date: formatDateTime(due, locale) })}</span> : <span>{t("path.noDue")}</span>}
          {cutoff ? <span>{t("path.cutoff", { date: formatDateTime(cutoff, locale) })}</span> : null}
          {page.extension ? <span className="rounded-4 bg-yellow-100 px-2">{t("extension.active", { date: formatDate(new Date(page.extension.dueAt), locale) })}</span> : null}
        </div>
        {page.state === "overdue" ? <Alert tone="warning">{t("path.overdueNotice")}</Alert> : null}
      </header>

      <nav aria-label={t("path.stepsLabel")}>
        <StageSteps
          currentIndex={page.currentIndex}
          steps={page.steps.map((s) => ({
            id: s.id,
            label: s.title || t(stageLabelKey(s.key)),
            state: s.state,
            due: s.dueAt ? formatDate(new Date(s.dueAt), locale) : null,
            href: stageHref(academy.id, team.id, s),
          }))}
        />
      </nav>

      {actionData && (actionData.reason || Object.keys(actionData.fieldErrors).length > 0) ? (
        <ErrorSummary
          reason={actionData.reason}
          fieldErrors={actionData.form === "upload" ? {} : actionData.fieldErrors}
          params={{ mb: Math.round(page.maxFileBytes / 1024 / 1024) }}
          detail={eachFile ? undefined : failureDetail(t, actionData.failure)}
        >
          {eachFile ? <UploadOutcomes outcomes={actionData.outcomes!} /> : null}
        </ErrorSummary>
      ) : null}

      {/* a reviewer reads the submission on the left and decides on the right (desktop); the team reads it in one column */}
      <div className={reviewing ? "grid gap-8 lg:grid-cols-[minmax(0,1fr)_28rem] lg:items-start" : "contents"}>
        <div className={reviewing ? "flex min-w-0 flex-col gap-8" : "contents"}>
          {page.materials.length > 0 ? (
            <section aria-labelledby="materials-heading" className="flex flex-col gap-2">
              <h2 id="materials-heading">{t("path.stageMaterials")}</h2>
              <ul className="list-disc pl-6">
                {page.materials.map((m) => (
                  <li key={m.materialId}>
                    <Link to={`/academies/${academy.id}/materials/${m.materialId}`}>{locale === "en" && m.material.titleEn ? m.material.titleEn : m.material.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {stage.takesForm ? (
            <section aria-labelledby="work-heading" className="flex flex-col gap-4">
              <h2 id="work-heading">{t("work.heading")}</h2>
              {can.edit ? (
                <>
                  <WorkForm
                    key={deliverable?.latestVersion ?? 0}
                    stageKey={stage.key}
                    work={actionData?.form === "work" ? workFromFields(stage.key, actionData.values) : (deliverable?.work ?? {})}
                    serverErrors={actionData?.form === "work" ? actionData.fieldErrors : actionData?.form === "submit" ? actionData.fieldErrors : undefined}
                    hypotheses={page.hypotheses}
                    disabled={false}
                    autosave
                  />
                </>
              ) : deliverable ? (
                <WorkView stageKey={stage.key} work={deliverable.work} />
              ) : (
                <p>{t("work.nothingYet")}</p>
              )}
            </section>
          ) : null}

          {page.worksheets.length > 0 || stage.key === "data_collection" ? (
            <section aria-labelledby="worksheets-heading" className="flex flex-col gap-3">
              <h2 id="worksheets-heading">{t("worksheet.listTitle")}</h2>
              <p>{t("worksheet.intro")}</p>
              {page.worksheets.length === 0 ? <p>{t("worksheet.none")}</p> : null}
              <ul className="flex flex-col gap-2">
                {page.worksheets.map((w) => (
                  <li key={w.id}>
                    <Link to={`${teamHref}/worksheets/${w.id}`}>{w.name}</Link> — {t(`worksheet.personalInfo.${w.personalInfo}`)} / {t(`worksheet.processing.${w.processing}`)}
                  </li>
                ))}
              </ul>
              {team.isMember ? (
                <p>
                  <Link to={`${teamHref}/worksheets/new`}>{t("worksheet.add")}</Link>
                </p>
              ) : null}
            </section>
          ) : null}

          {stage.takesFiles ? (
            <section aria-labelledby="files-heading" className="flex flex-col gap-4">
              <h2 id="files-heading">{t("deliverable.files")}</h2>
              <DeliverableFiles academyId={academy.id} teamId={team.id} files={page.files.filter((f) => !f.removedAt)} canEdit={can.edit} actionData={actionData} />
              {can.edit ? <UploadForm maxFileBytes={page.maxFileBytes} maxFiles={page.maxFiles} error={actionData?.form === "upload" ? actionData.fieldErrors.file : undefined} /> : null}
            </section>
          ) : null}

          {can.submit && (stage.takesForm || stage.takesFiles) ? (
            <section aria-labelledby="submit-heading" className="flex flex-col gap-3">
              <h2 id="submit-heading">{t("deliverable.submitHeading")}</h2>
              <p>{deliverable && deliverable.latestVersion > 0 ? t("deliverable.resubmitHint", { n: deliverable.latestVersion + 1 }) : t("deliverable.submitHint")}</p>
              {unconfirmed ? <Alert tone="warning">{t("deliverable.error.unconfirmedScan")}</Alert> : null}
              <SubmitForm
                workFormId={stage.takesForm ? "work-form" : undefined}
                values={actionData?.form === "submit" || actionData?.form === "work" ? actionData.values : undefined}
                error={actionData?.form === "submit" ? actionData.fieldErrors.note : undefined}
              />
            </section>
          ) : null}

          <section aria-labelledby="versions-heading" className="flex flex-col gap-3">
            <h2 id="versions-heading">{t("deliverable.versions")}</h2>
        {reviewing && stage.takesFiles ? (
          <p>
            <a href={`/academies/${academy.id}/stages/${stage.id}/submissions.zip`}>{t("deliverable.zip.link")}</a>
          </p>
        ) : null}
            {page.versions.length === 0 ? <p>{t("deliverable.noVersions")}</p> : null}
            <ol className="flex flex-col gap-3">
              {page.versions.map((v) => (
                <li key={v.id} className="rounded-8 border border-solid-gray-420 p-4">
                  <details>
                    <summary className="cursor-pointer text-std-16B-170">
                      {t("deliverable.versionLine", { n: v.number, date: formatDateTime(new Date(v.createdAt), locale), name: v.submittedBy || "—" })}
                      {v.late ? ` ${t("deliverable.late")}` : ""}
                    </summary>
                    <div className="mt-3 flex flex-col gap-3">
                      {v.note ? <p className="whitespace-pre-wrap">{t("deliverable.noteLabel")}: {v.note}</p> : null}
                      {stage.takesForm ? <WorkView stageKey={stage.key} work={v.work} /> : null}
                      <ul className="list-disc pl-6">
                        {v.files.map((f) => {
                          const file = page.files.find((x) => x.id === f.fileId);
                          return file ? (
                            <li key={f.fileId}>
                              <a href={`/academies/${academy.id}/teams/${team.id}/files/${f.fileId}`}>{file.fileName}</a>
                            </li>
                          ) : null;
                        })}
                      </ul>
                    </div>
                  </details>
                </li>
              ))}
            </ol>
          </section>

        </div>
        <div className={reviewing ? "flex flex-col gap-8 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto" : "contents"} data-review-column={reviewing ? "" : undefined}>
          <section aria-labelledby="review-heading" className="flex flex-col gap-4">
            <h2 id="review-heading">{t("review.heading")}</h2>
            <ReviewThread comments={page.comments} rubric={page.stage.rubric} />
            {can.decide || can.comment ? (
              <ReviewForm
                canDecide={can.decide}
                rubric={page.stage.rubric}
                versionNumber={deliverable?.latestVersion ?? 0}
                actionData={actionData?.form === "review" ? actionData : undefined}
                next={page.next ? { url: page.next.url, label: `${page.next.teamName} — ${page.next.stageTitle || t(stageLabelKey(page.next.stageKey))}` } : null}
              />
            ) : null}
          </section>

          {can.extend ? (
            <section aria-labelledby="extension-heading" className="flex flex-col gap-3">
              <h2 id="extension-heading">{t("extension.heading")}</h2>
              <ExtensionForm extension={page.extension} actionData={actionData?.form === "extend" ? actionData : undefined} />
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/**
 * Handing in. Where the stage has a form, the note and the button belong to the work form
 * (form="work-form"): what is on the screen is saved and submitted in one step.
 */
function SubmitForm({ values, error, workFormId }: { values?: Record<string, string>; error?: string; workFormId?: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "submit";
  const fields = (
    <>
      <TextareaField name="note" form={workFormId} label={t("deliverable.note")} hint={t("deliverable.noteHint")} rows={3} defaultValue={values?.note ?? ""} error={error} />
      <div>
        <Button type="submit" name="intent" value="submit" form={workFormId} disabled={busy}>
          {busy ? t("form.sending") : t("deliverable.submit")}
        </Button>
      </div>
    </>
  );
  if (workFormId) return <div className="flex max-w-3xl flex-col gap-3">{fields}</div>;
  return (
    <ActionForm className="flex max-w-3xl flex-col gap-3">
      {fields}
    </ActionForm>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "path.stagePageTitle", { stage: data?.stageName ?? "", team: data?.team.name ?? "" });

/** Which file, and where in it, an upload was refused for. */
function failureDetail(t: TFunction, failure: ActionResult["failure"]) {
  if (!failure) return undefined;
  const place = failure.finding
    ? ` ${t(failure.finding.sheet ? "privacy.placeSheet" : "privacy.placeCell", { sheet: failure.finding.sheet ?? "", row: failure.finding.row, column: failure.finding.columnLabel })}${failure.finding.header ? t("format.quote", { text: failure.finding.header }) : ""}`
    : "";
  return `${t("format.paren", { text: failure.fileName })}${place}`;
}

/** Each file of a refused upload: why it was refused (with all the scan found), or that it was fine but not added. */
function UploadOutcomes({ outcomes }: { outcomes: FileOutcome[] }) {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="mt-3 flex flex-col gap-2">
      <p className="text-std-16B-170">{t("deliverable.outcome.heading")}</p>
      <ul className="flex flex-col gap-2 pl-0">
        {outcomes.map((o, i) => (
          <li key={i} data-outcome={o.reason ? "refused" : "fine"} className="list-none">
            {t("format.labelled", { label: o.fileName, text: o.reason ? t(o.reason, { mb: Math.round(page.maxFileBytes / 1024 / 1024) }) : t("deliverable.outcome.fine") })}
            {o.scan ? (
              <div className="mt-1">
                <ScanFindings scan={o.scan} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
