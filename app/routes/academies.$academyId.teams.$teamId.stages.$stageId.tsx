import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findTeam } from "~/modules/deliverable/path.server";
import { findStage, saveWork, submit } from "~/modules/deliverable/deliverable.server";
import { stagePage } from "~/modules/deliverable/stage-page.server";
import { attachFiles, confirmScan, maxDeliverableFileBytes, MAX_FILES_PER_UPLOAD, removeFile } from "~/modules/deliverable/files.server";
import { grantExtension, revokeExtension, review } from "~/modules/deliverable/review.server";
import { ConfirmSchema, ExtensionSchema, ReviewSchema, SubmitSchema, scoresFrom } from "~/modules/deliverable/schemas";
import { parseWork, workFromFields } from "~/modules/deliverable/work";
import { formValues, echoForm, parseForm } from "~/utils/forms";
import { invariantFound, forbidden } from "~/utils/http.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/form-body.server";
import { discard, receiveUpload } from "~/utils/upload.server";
import { resolveLocale } from "~/utils/locale.server";
import { env } from "~/utils/env.server";
import { serverT } from "~/utils/i18n.server";
import { fromTokyoInputs, formatDate, formatDateTime } from "~/utils/dates";
import { stageLabelKey } from "~/modules/stage/stages";
import { pageTitle } from "~/utils/meta";
import { useLocale } from "~/utils/use-locale";
import { StageSteps, DeliverableBadge } from "~/components/team/stage-steps";
import { WorkForm } from "~/components/team/work-form";
import { WorkView } from "~/components/team/work-view";
import { DeliverableFiles, UploadForm } from "~/components/team/deliverable-files";
import { ReviewThread, ReviewForm, ExtensionForm } from "~/components/team/review-thread";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const team = invariantFound(await findTeam(context, params.teamId ?? ""));
  const stage = invariantFound(await findStage(context.academy.id, params.stageId ?? ""));
  const page = await stagePage(context, team, stage, new Date());
  const stageName = stage.title || serverT(await resolveLocale(request, context.user))(stageLabelKey(stage.key));
  return { academy: context.academy, team, stageName, ...page, maxFileBytes: maxDeliverableFileBytes(), maxFiles: MAX_FILES_PER_UPLOAD };
}

type ActionResult = { form: string; reason?: string; fieldErrors: Record<string, string>; values: Record<string, string>; failure?: { fileName: string; finding?: { row: number; columnLabel: string; header: string; sheet: string | null } } };

const bad = (result: ActionResult) => data(result, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const team = invariantFound(await findTeam(context, params.teamId ?? ""));
  const stage = invariantFound(await findStage(context.academy.id, params.stageId ?? ""));
  const { user } = context;
  const back = `/academies/${context.academy.id}/teams/${team.id}/stages/${stage.id}`;
  const locale = await resolveLocale(request, user);

  if (request.headers.get("Content-Type")?.toLowerCase().startsWith("multipart/form-data")) {
    if (!team.isMember) forbidden();
    const upload = await receiveUpload(request, maxDeliverableFileBytes(), { maxFiles: MAX_FILES_PER_UPLOAD, maxTotalBytes: env().uploadMaxBodyBytes });
    if (!upload.ok) return bad({ form: "upload", reason: upload.error, fieldErrors: { file: upload.error }, values: {} });
    if (upload.emptyNames.length > 0 || upload.files.length === 0) {
      await Promise.all(upload.files.map(discard));
      const reason = upload.emptyNames.length > 0 ? "upload.empty" : "upload.required";
      return bad({ form: "upload", reason, fieldErrors: { file: reason }, values: {}, failure: upload.emptyNames[0] ? { fileName: upload.emptyNames[0] } : undefined });
    }
    try {
      const result = await attachFiles(user.id, team, stage, upload.files);
      if (!result.ok) return bad({ form: "upload", reason: result.reason, fieldErrors: result.fieldErrors, values: {}, failure: result.failure });
      const flagged = result.attached.filter((a) => a.scan && a.scan.status !== "clean").length;
      return redirectWithFlash(back, { message: flagged > 0 ? "deliverable.flash.attachedFlagged" : "deliverable.flash.attached", params: { count: String(result.attached.length) } });
    } finally {
      await Promise.all(upload.files.map(discard));
    }
  }

  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const memberOnly = () => {
    if (!team.isMember) forbidden();
  };
  switch (intent) {
    case "saveWork": {
      memberOnly();
      const parsed = parseWork(stage.key, workFromFields(stage.key, formValues(formData)));
      if (!parsed.ok) return bad({ form: "work", fieldErrors: parsed.fieldErrors, values: echoForm(formData) });
      const result = await saveWork(user.id, team, stage, parsed.work);
      if (!result.ok) return bad({ form: "work", reason: result.reason, fieldErrors: result.fieldErrors, values: echoForm(formData) });
      return redirectWithFlash(back, { message: "deliverable.flash.saved" });
    }
    case "submit": {
      memberOnly();
      const parsed = parseForm(SubmitSchema, formData);
      if (!parsed.ok) return bad({ form: "submit", fieldErrors: parsed.fieldErrors, values: parsed.values });
      const page = await stagePage(context, team, stage, new Date());
      const result = await submit(user.id, team, stage, { note: parsed.data.note, deadline: page.deadline, locale });
      if (!result.ok) return bad({ form: "submit", reason: result.reason, fieldErrors: result.fieldErrors, values: echoForm(formData) });
      return redirectWithFlash(back, { message: result.late ? "deliverable.flash.submittedLate" : "deliverable.flash.submitted", params: { version: String(result.number) } });
    }
    case "confirmFile": {
      memberOnly();
      const parsed = parseForm(ConfirmSchema, formData);
      if (!parsed.ok) return bad({ form: `confirm-${String(formData.get("fileId") ?? "")}`, fieldErrors: parsed.fieldErrors, values: parsed.values });
      const result = invariantFound(await confirmScan(user.id, team, stage, parsed.data.fileId, parsed.data.reason));
      if (!result.ok) return bad({ form: `confirm-${parsed.data.fileId}`, reason: result.reason, fieldErrors: {}, values: echoForm(formData) });
      return redirectWithFlash(back, { message: "privacy.flash.confirmed" });
    }
    case "removeFile": {
      memberOnly();
      const result = invariantFound(await removeFile(user.id, team, stage, String(formData.get("fileId") ?? "")));
      if (!result.ok) return bad({ form: "files", reason: result.reason, fieldErrors: {}, values: {} });
      return redirectWithFlash(back, { message: "deliverable.flash.fileRemoved", params: { name: result.fileName } });
    }
    case "review":
    case "comment": {
      const parsed = parseForm(ReviewSchema, formData);
      if (!parsed.ok) return bad({ form: "review", fieldErrors: parsed.fieldErrors, values: parsed.values });
      const decision = intent === "comment" ? "comment" : parsed.data.decision;
      if (decision !== "comment" && !context.can.review) forbidden();
      const result = await review(context, team, stage, { decision, body: parsed.data.body, versionNumber: parsed.data.versionNumber, scores: scoresFrom(formValues(formData)), locale });
      if (!result.ok) return bad({ form: "review", reason: result.reason, fieldErrors: result.fieldErrors, values: echoForm(formData) });
      return redirectWithFlash(back, { message: decision === "accept" ? "review.flash.accepted" : decision === "request_revision" ? "review.flash.revisionRequested" : "review.flash.commented" });
    }
    case "extend":
    case "revokeExtension": {
      if (!context.can.review && !context.can.manageTeams) forbidden();
      if (intent === "revokeExtension") {
        await revokeExtension(user.id, team, stage);
        return redirectWithFlash(back, { message: "extension.flash.revoked" });
      }
      const parsed = parseForm(ExtensionSchema, formData);
      if (!parsed.ok) return bad({ form: "extend", fieldErrors: parsed.fieldErrors, values: parsed.values });
      await grantExtension(user.id, team, stage, fromTokyoInputs(parsed.data.dueDate, "23:59"), parsed.data.reason);
      return redirectWithFlash(back, { message: "extension.flash.granted", params: { date: parsed.data.dueDate } });
    }
    default:
      return bad({ form: "", fieldErrors: {}, values: {} });
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
  const failure = actionData?.reason && actionData.form !== "work" ? actionData : undefined;
  const unconfirmed = page.files.some((f) => !f.removedAt && f.scanStatus === "needs_confirmation");
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link to={teamHref}>{t("path.backToTeam", { name: team.name })}</Link>
      </p>
      <header className="flex flex-col gap-3">
        <h1>
          {stageName}
          <span className="sr-only"> — {team.name}</span>
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <DeliverableBadge status={deliverable?.status ?? null} />
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
            href: `${teamHref}/stages/${s.id}`,
          }))}
        />
      </nav>

      {failure ? (
        <Alert tone="error">
          {t(failure.reason!, { mb: Math.round(page.maxFileBytes / 1024 / 1024) })}
          {failure.failure?.fileName ? ` (${failure.failure.fileName})` : ""}
          {failure.failure?.finding
            ? ` ${t(failure.failure.finding.sheet ? "privacy.placeSheet" : "privacy.placeCell", { sheet: failure.failure.finding.sheet ?? "", row: failure.failure.finding.row, column: failure.failure.finding.columnLabel })}${failure.failure.finding.header ? `「${failure.failure.finding.header}」` : ""}`
            : ""}
        </Alert>
      ) : null}

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
              {actionData?.form === "work" ? <Alert tone="error">{t(actionData.reason ?? "form.fixErrors")}</Alert> : null}
              <WorkForm
                key={deliverable?.latestVersion ?? 0}
                stageKey={stage.key}
                work={actionData?.form === "work" ? workFromFields(stage.key, actionData.values) : (deliverable?.work ?? {})}
                serverErrors={actionData?.form === "work" ? actionData.fieldErrors : actionData?.form === "submit" ? actionData.fieldErrors : undefined}
                hypotheses={page.hypotheses}
                disabled={false}
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
          <SubmitForm values={actionData?.form === "submit" ? actionData.values : undefined} error={actionData?.form === "submit" ? actionData.fieldErrors.note : undefined} />
        </section>
      ) : null}

      <section aria-labelledby="versions-heading" className="flex flex-col gap-3">
        <h2 id="versions-heading">{t("deliverable.versions")}</h2>
        {page.versions.length === 0 ? <p>{t("deliverable.noVersions")}</p> : null}
        <ol className="flex flex-col gap-3">
          {page.versions.map((v) => (
            <li key={v.id} className="rounded-8 border border-solid-gray-420 p-4">
              <details open={v.number === deliverable?.latestVersion && !can.edit}>
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

      <section aria-labelledby="review-heading" className="flex flex-col gap-4">
        <h2 id="review-heading">{t("review.heading")}</h2>
        <ReviewThread comments={page.comments} rubric={page.stage.rubric} />
        {can.decide || can.comment ? (
          <ReviewForm
            canDecide={can.decide}
            rubric={page.stage.rubric}
            versionNumber={deliverable?.latestVersion ?? 0}
            actionData={actionData?.form === "review" ? actionData : undefined}
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
  );
}

function SubmitForm({ values, error }: { values?: Record<string, string>; error?: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "submit";
  return (
    <Form method="post" className="flex max-w-3xl flex-col gap-3">
      <input type="hidden" name="intent" value="submit" />
      <TextareaField name="note" label={t("deliverable.note")} hint={t("deliverable.noteHint")} rows={3} defaultValue={values?.note ?? ""} error={error} />
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("form.sending") : t("deliverable.submit")}
        </Button>
      </div>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "path.stagePageTitle", { stage: data?.stageName ?? "", team: data?.team.name ?? "" });
