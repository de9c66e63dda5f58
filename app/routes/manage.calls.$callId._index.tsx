import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { CallSchema, CriterionSchema, TrackSchema } from "~/modules/call/schemas";
import { QuestionSchema } from "~/modules/call/questions";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import * as calls from "~/modules/call/call.server";
import { CALL_FILE_MAX_BYTES } from "~/modules/call/files.server";
import { CALL_SETTINGS_INTENTS } from "~/modules/call/manage-intents.server";
import { answerIntent, refuse, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { formMessage } from "~/utils/result";
import { TRACK_KINDS } from "~/modules/call/schemas";
import { DeadlineWarnings } from "~/components/call/deadline-warnings";
import { QUESTION_KINDS } from "~/modules/call/questions";
import { callQuestions } from "~/modules/call/questions.server";
import { requirePermission } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { discard, readFieldsOrUpload } from "~/utils/upload.server";
import { toTokyoDateInput, toTokyoTimeInput, formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { TextField } from "~/components/ui/text-field";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { FileInput } from "~/components/ui/file-input";
import { Alert } from "~/components/ui/alert";
import { CallPhaseBadge } from "~/components/call/call-phase";

// A call's settings for the coordinator: details and deadline, tracks and places, selection
// criteria, reviewers, documents to download, publication.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:call:any");
  const call = invariantFound(await calls.callForStaff(String(params.callId ?? "").slice(0, 64)));
  return { call, questions: await callQuestions(call.id), phase: call.resultsPublishedAt ? ("results" as const) : calls.callPhase(call, new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:call:any");
  const call = invariantFound(await calls.callForStaff(String(params.callId ?? "").slice(0, 64)));
  const upload = await readFieldsOrUpload(request, CALL_FILE_MAX_BYTES);
  if (!upload.ok) return refuse({ form: "document", reason: upload.error, fieldErrors: {}, params: upload.params });
  try {
    return await answerIntent(await runIntent(CALL_SETTINGS_INTENTS, { actorId: user.id, callId: call.id, file: upload.file }, upload.formData), `/manage/calls/${call.id}`);
  } finally {
    // a document sent is copied into storage by the change, or not wanted
    await discard(upload.file);
  }
}

/** A small form that removes one item of the call (a criterion, a reviewer, a document). */
function RemoveButton({ intent, id, label }: { intent: string; id: string; label: string }) {
  const { t } = useTranslation();
  return (
    <ActionForm>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" size="sm" variant="tertiary" aria-label={label}>{t("form.delete")}</Button>
    </ActionForm>
  );
}

function TrackFields({ track, errors, values }: { track?: { kind: string; label: string; places: number; maxApplications: number | null }; errors: (n: string) => string | undefined; values: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t("call.trackLabel")} name="label" required defaultValue={values.label ?? track?.label ?? ""} error={errors("label")} />
      <SelectField label={t("call.trackKind")} name="kind" defaultValue={values.kind ?? track?.kind ?? "consultation"} error={errors("kind")}>
        {TRACK_KINDS.map((k) => <option key={k} value={k}>{t(`call.trackKindOption.${k}`)}</option>)}
      </SelectField>
      <TextField label={t("call.places")} name="places" inputMode="numeric" required defaultValue={values.places ?? String(track?.places ?? 1)} error={errors("places")} />
      <TextField label={t("call.maxApplications")} name="maxApplications" inputMode="numeric" hint={t("call.maxApplicationsHint")} defaultValue={values.maxApplications ?? (track?.maxApplications != null ? String(track.maxApplications) : "")} error={errors("maxApplications")} />
    </>
  );
}

export default function ManageCall() {
  const { call, questions, phase } = useLoaderData<typeof loader>();
  const a = useRefusal<{ params: Record<string, string | number>; warnings: calls.DeadlineWarning[] }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errorsOf = (formName: string) => (n: string) => (a?.form === formName && n in a.fieldErrors ? t(a.fieldErrors[n]!) : undefined);
  const valuesOf = (formName: string) => (a?.form === formName ? a.values : {});
  const update = valuesOf("update");
  return (
    <div className="flex flex-col gap-8">
      <p><Link to="/manage/calls">{t("call.staffTitle")}</Link></p>
      <div className="flex flex-wrap items-center gap-3">
        <h1>{call.title}</h1>
        <CallPhaseBadge phase={phase} />
      </div>
      <p className="flex flex-wrap gap-4">
        <Link to={`/manage/calls/${call.id}/applications`}>{t("call.applicationsLink")}</Link>
        {call.publishedAt ? <Link to={`/calls/${call.id}`}>{t("call.publicPage")}</Link> : null}
      </p>
      {formMessage(a) && a?.form !== "addQuestion" ? <Alert tone="error">{t(formMessage(a)!, a?.params)}</Alert> : null}
      <ActionForm>
        <input type="hidden" name="intent" value={call.publishedAt ? "unpublish" : "publish"} />
        {call.publishedAt ? (
          <ConfirmButton variant="secondary" confirm={t("call.confirmUnpublish")}>{t("call.unpublish")}</ConfirmButton>
        ) : (
          <Button type="submit">{t("call.publish")}</Button>
        )}
      </ActionForm>

      <section aria-labelledby="details-heading" className="flex flex-col gap-4">
        <h2 id="details-heading">{t("call.details")}</h2>
        <ActionForm schema={CallSchema} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="intent" value="update" />
          <TextField label={t("call.title")} name="title" required defaultValue={update.title ?? call.title} error={errorsOf("update")("title")} />
          <TextField label={t("academy.fiscalYear")} name="fiscalYear" inputMode="numeric" required defaultValue={update.fiscalYear ?? String(call.fiscalYear)} error={errorsOf("update")("fiscalYear")} />
          <TextareaField label={t("call.description")} name="description" rows={6} defaultValue={update.description ?? call.description} error={errorsOf("update")("description")} />
          <div className="flex flex-wrap gap-4">
            <TextField label={t("call.deadlineDate")} name="deadlineDate" type="date" required defaultValue={update.deadlineDate ?? toTokyoDateInput(new Date(call.deadlineAt))} error={errorsOf("update")("deadlineDate")} />
            <TextField label={t("call.deadlineTime")} name="deadlineTime" type="time" required hint={t("call.deadlineTimeHint")} defaultValue={update.deadlineTime ?? toTokyoTimeInput(new Date(call.deadlineAt))} error={errorsOf("update")("deadlineTime")} />
          </div>
          <p className="text-dns-14N-130">{t("call.deadline", { date: formatDateTime(new Date(call.deadlineAt), locale) })}</p>
          {a?.form === "update" && a.warnings?.length ? <DeadlineWarnings warnings={a.warnings} /> : null}
          <div><Button type="submit">{t("form.save")}</Button></div>
        </ActionForm>
      </section>

      <section aria-labelledby="tracks-heading" className="flex flex-col gap-4">
        <h2 id="tracks-heading">{t("call.tracks")}</h2>
        {call.tracks.map((tr) => (
          <ActionForm key={tr.id} schemas={{ updateTrack: TrackSchema }} className="grid grid-cols-1 items-end gap-3 rounded-8 border border-solid-gray-200 p-4 md:grid-cols-5" noValidate aria-label={tr.label}>
            <input type="hidden" name="id" value={tr.id} />
            <TrackFields track={tr} errors={errorsOf(`track:${tr.id}`)} values={valuesOf(`track:${tr.id}`)} />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" size="sm" name="intent" value="updateTrack">{t("form.save")}</Button>
              {tr._count.applications === 0 ? (
                <Button type="submit" size="sm" variant="danger" name="intent" value="removeTrack" aria-label={t("call.removeTrackLabel", { label: tr.label })}>{t("form.delete")}</Button>
              ) : (
                <span className="text-dns-14N-130">{t("call.submittedCountOf", { count: tr._count.applications })}</span>
              )}
            </div>
          </ActionForm>
        ))}
        <ActionForm schema={TrackSchema} className="grid grid-cols-1 items-end gap-3 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-5" noValidate aria-label={t("call.addTrack")}>
          <input type="hidden" name="intent" value="addTrack" />
          <TrackFields errors={errorsOf("addTrack")} values={valuesOf("addTrack")} />
          <div><Button type="submit" size="sm" variant="secondary">{t("call.addTrack")}</Button></div>
        </ActionForm>
      </section>

      <section aria-labelledby="criteria-heading" className="flex flex-col gap-3">
        <h2 id="criteria-heading">{t("call.criteria")}</h2>
        <ul className="flex flex-col gap-2">
          {call.criteria.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3">
              <span>{c.label}</span>
              <span className="text-solid-gray-700">{t("call.weightValue", { weight: c.weight, max: c.maxScore })}</span>
              <RemoveButton intent="removeCriterion" id={c.id} label={t("call.removeCriterionLabel", { label: c.label })} />
            </li>
          ))}
        </ul>
        <ActionForm schema={CriterionSchema} className="flex flex-wrap items-end gap-3" noValidate>
          <input type="hidden" name="intent" value="addCriterion" />
          <TextField label={t("call.criterionLabel")} name="label" defaultValue={valuesOf("addCriterion").label ?? ""} error={errorsOf("addCriterion")("label")} />
          <TextField label={t("call.weight")} name="weight" inputMode="numeric" defaultValue={valuesOf("addCriterion").weight ?? "1"} error={errorsOf("addCriterion")("weight")} />
          <Button type="submit" variant="secondary">{t("call.addCriterion")}</Button>
        </ActionForm>
      </section>

      <section aria-labelledby="questions-heading" className="flex flex-col gap-3">
        <h2 id="questions-heading">{t("call.question.sectionTitle")}</h2>
        <p>{t("call.question.lead")}</p>
        {questions.length ? (
          <ol className="flex list-decimal flex-col gap-2 pl-6">
            {questions.map((q) => (
              <li key={q.id}>
                <div className="flex flex-wrap items-center gap-3">
                  <span className="font-bold">{q.label}</span>
                  <span className="text-solid-gray-700">
                    {t(`call.question.kind.${q.kind}`)}
                    {q.required ? ` · ${t("form.required")}` : ""}
                    {q.options.length ? ` · ${q.options.join(t("format.list"))}` : ""}
                  </span>
                  <RemoveButton intent="removeQuestion" id={q.id} label={t("call.question.removeLabel", { label: q.label })} />
                </div>
                {q.help ? <p className="text-dns-14N-130 text-solid-gray-700">{q.help}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-solid-gray-700">{t("call.question.none")}</p>
        )}
        {/* a new form after each question added: what was typed for the last one does not carry over */}
        <ActionForm key={questions.length} schema={QuestionSchema} className="flex flex-col gap-3 rounded-8 bg-solid-gray-50 p-4" noValidate aria-label={t("call.question.add")}>
          <input type="hidden" name="intent" value="addQuestion" />
          {a?.form === "addQuestion" && formMessage(a) ? <Alert tone="error">{t(formMessage(a)!)}</Alert> : null}
          <TextField label={t("call.question.label")} name="label" required defaultValue={valuesOf("addQuestion").label ?? ""} error={errorsOf("addQuestion")("label")} />
          <TextField label={t("call.question.help")} name="help" defaultValue={valuesOf("addQuestion").help ?? ""} error={errorsOf("addQuestion")("help")} />
          <SelectField label={t("call.question.kindLabel")} name="kind" defaultValue={valuesOf("addQuestion").kind ?? "text"} error={errorsOf("addQuestion")("kind")}>
            {QUESTION_KINDS.map((k) => <option key={k} value={k}>{t(`call.question.kind.${k}`)}</option>)}
          </SelectField>
          <TextareaField label={t("call.question.options")} name="options" rows={3} hint={t("call.question.optionsHint")} defaultValue={valuesOf("addQuestion").options ?? ""} error={errorsOf("addQuestion")("options")} />
          <label className="flex items-center gap-2">
            <input type="checkbox" name="required" value="on" className="size-5" defaultChecked={valuesOf("addQuestion").required === "on"} />
            {t("call.question.requiredLabel")}
          </label>
          <div><Button type="submit" variant="secondary">{t("call.question.add")}</Button></div>
        </ActionForm>
      </section>

      <section aria-labelledby="reviewers-heading" className="flex flex-col gap-3">
        <h2 id="reviewers-heading">{t("call.reviewers")}</h2>
        <p className="text-dns-14N-130">{t("call.reviewersHint")}</p>
        <ul className="flex flex-col gap-2">
          {call.reviewers.map(({ user }) => (
            <li key={user.id} className="flex flex-wrap items-center gap-3">
              <span>{user.displayName} ({user.email})</span>
              <RemoveButton intent="removeReviewer" id={user.id} label={t("call.removeReviewerLabel", { name: user.displayName })} />
            </li>
          ))}
        </ul>
        <ActionForm className="flex flex-wrap items-end gap-3" noValidate>
          <input type="hidden" name="intent" value="addReviewer" />
          <TextField label={t("call.reviewerEmail")} name="reviewerEmail" type="email" defaultValue={valuesOf("addReviewer").reviewerEmail ?? ""} error={errorsOf("addReviewer")("reviewerEmail")} />
          <Button type="submit" variant="secondary">{t("call.addReviewer")}</Button>
        </ActionForm>
      </section>

      <section aria-labelledby="documents-heading" className="flex flex-col gap-3">
        <h2 id="documents-heading">{t("call.documents")}</h2>
        <ul className="flex flex-col gap-2">
          {call.documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-3">
              <a href={`/calls/${call.id}/documents/${d.id}`}>{d.fileName}</a>
              <RemoveButton intent="removeDocument" id={d.id} label={t("call.removeDocumentLabel", { name: d.fileName })} />
            </li>
          ))}
        </ul>
        <ActionForm encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="upload" />
          <label className="flex flex-col gap-1">
            <span className="text-std-16B-170">{t("call.addDocument")}</span>
            <FileInput name="file" accept=".pdf,.docx,.xlsx,.pptx" />
          </label>
          <Button type="submit" variant="secondary">{t("call.upload")}</Button>
        </ActionForm>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "call.staffTitle");
