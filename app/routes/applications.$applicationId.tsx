import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { ownApplication } from "~/modules/call/application.server";
import { CALL_FILE_MAX_BYTES } from "~/modules/call/files.server";
import { APPLICATION_INTENTS } from "~/modules/call/application-intents.server";
import { answerIntent, refuse, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { formMessage } from "~/utils/result";
import { requireUser } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { discard, readFieldsOrUpload } from "~/utils/upload.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { FileInput } from "~/components/ui/file-input";
import { ApplicationForm } from "~/components/call/application-form";
import { QuestionFields } from "~/components/call/question-fields";
import { SelectField } from "~/components/ui/field";
import { callQuestions } from "~/modules/call/questions.server";

// The applicant's application: the form while it is a draft, then what was submitted, the
// attachments, withdrawal before the deadline, and the decision once it is mailed.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const app = invariantFound(await ownApplication(user.id, String(params.applicationId ?? "")));
  return { app, questions: await callQuestions(app.callId), open: new Date() < app.call.deadlineAt };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const app = invariantFound(await ownApplication(user.id, String(params.applicationId ?? "")));
  const upload = await readFieldsOrUpload(request, CALL_FILE_MAX_BYTES);
  if (!upload.ok) return refuse({ form: "upload", reason: upload.error, fieldErrors: {}, params: upload.params });
  try {
    return await answerIntent(await runIntent(APPLICATION_INTENTS, { userId: user.id, app, file: upload.file }, upload.formData), `/applications/${app.id}`);
  } finally {
    // a file sent is copied into storage by the change, or not wanted
    await discard(upload.file);
  }
}

export default function ApplicationPage() {
  const { app, questions, open } = useLoaderData<typeof loader>();
  const fileQuestions = questions.filter((q) => q.kind === "file");
  const a = useRefusal<{ params: Record<string, string | number> }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const editable = app.status === "draft" && open;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p><Link to="/applications">{t("call.myApplications")}</Link></p>
      <h1>{t("call.applicationTo", { title: app.call.title })}</h1>
      <p className="text-std-18B-160">
        {t(`call.status.${app.status}`)}
        {app.submittedAt ? ` ${t("call.submittedOn", { date: formatDateTime(new Date(app.submittedAt), locale) })}` : ""}
      </p>
      <p>{t(open ? "call.deadline" : "call.closedOn", { date: formatDateTime(new Date(app.call.deadlineAt), locale) })}</p>
      {formMessage(a) ? <Alert tone="error">{t(formMessage(a)!, a?.params)}</Alert> : null}
      {a && !formMessage(a) && Object.keys(a.fieldErrors).length > 0 ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}
      {app.status === "draft" && !open ? <Alert tone="warning">{t("call.draftAfterDeadline")}</Alert> : null}
      {app.status === "submitted" ? <Alert tone="info">{t("call.submittedNote")}</Alert> : null}
      <ApplicationForm
        editable={editable}
        tracks={app.call.tracks}
        municipalities={app.municipalities.map((m) => ({ code: m.municipality.code, name: m.municipality.name, prefecture: m.municipality.prefecture.name }))}
        actionData={a ?? undefined}
        defaults={{
          trackId: app.trackId,
          contactName: app.contactName,
          contactDepartment: app.contactDepartment,
          contactPhone: app.contactPhone,
          problem: app.problem,
          dataHeld: app.dataHeld,
          dataDepartment: app.dataDepartment,
          staffCount: app.staffCount ? String(app.staffCount) : "",
          consentPublication: app.consentPublication,
        }}
      >
        <QuestionFields
          questions={questions}
          answers={Object.fromEntries(app.answers.map((a) => [a.questionId, a.value]))}
          files={app.files}
          values={a?.values}
          errors={a?.fieldErrors}
        />
      </ApplicationForm>
      <section aria-labelledby="files-heading" className="flex flex-col gap-3">
        <h2 id="files-heading">{t("call.attachments")}</h2>
        {app.files.length === 0 ? <p>{t("call.noAttachments")}</p> : (
          <ul className="flex flex-col gap-2">
            {app.files.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {f.fileName} ({Math.max(1, Math.round(f.storedFile.size / 1024))} KB)
                  {f.questionId ? ` — ${questions.find((q) => q.id === f.questionId)?.label ?? ""}` : ""}
                </span>
                {editable ? (
                  <ActionForm>
                    <input type="hidden" name="intent" value="removeFile" />
                    <input type="hidden" name="fileId" value={f.id} />
                    <Button type="submit" size="sm" variant="tertiary" aria-label={t("call.removeFileLabel", { name: f.fileName })}>{t("form.delete")}</Button>
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {editable ? (
          <ActionForm encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="upload" />
            <label className="flex flex-col gap-1">
              <span className="text-std-16B-170">{t("call.addAttachment")}</span>
              <FileInput name="file" accept=".pdf,.docx,.xlsx,.pptx" />
              <span className="text-dns-14N-130 text-solid-gray-700">{t("call.attachmentHint")}</span>
            </label>
            {fileQuestions.length > 0 ? (
              <SelectField label={t("call.question.attachTo")} name="questionId" defaultValue="">
                <option value="">{t("call.question.attachGeneral")}</option>
                {fileQuestions.map((q) => <option key={q.id} value={q.id}>{q.label}</option>)}
              </SelectField>
            ) : null}
            <Button type="submit" variant="secondary">{t("call.upload")}</Button>
          </ActionForm>
        ) : null}
      </section>
      {open && (app.status === "draft" || app.status === "submitted") ? (
        <ActionForm>
          <input type="hidden" name="intent" value="withdraw" />
          <ConfirmButton variant="danger" confirm={t("call.confirmWithdraw")}>{t("call.withdraw")}</ConfirmButton>
        </ActionForm>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "call.applicationTitle");
