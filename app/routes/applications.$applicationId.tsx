import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { ownApplication, removeApplicationFile, saveApplication, withdrawApplication } from "~/modules/call/application.server";
import { CALL_FILE_MAX_BYTES, uploadApplicationFile } from "~/modules/call/files.server";
import { ApplicationSchema } from "~/modules/call/schemas";
import { requireUser } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { discard, readFieldsOrUpload } from "~/utils/upload.server";
import { echoForm, parseForm } from "~/utils/forms";
import { redirectWithFlash } from "~/utils/flash.server";
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
import { answersFrom, callQuestions } from "~/modules/call/questions.server";

// The applicant's application: the form while it is a draft, then what was submitted, the
// attachments, withdrawal before the deadline, and the decision once it is mailed.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const app = invariantFound(await ownApplication(user.id, String(params.applicationId ?? "")));
  return { app, questions: await callQuestions(app.callId), open: new Date() < app.call.deadlineAt };
}

type ActionResult = { error: string | null; fieldErrors: Record<string, string>; values: Record<string, string>; params: Record<string, string | number> };
const failed = (r: Partial<ActionResult>, status = 400) => data({ error: null, fieldErrors: {}, values: {}, params: {}, ...r } satisfies ActionResult, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const app = invariantFound(await ownApplication(user.id, String(params.applicationId ?? "")));
  const back = `/applications/${app.id}`;
  const upload = await readFieldsOrUpload(request, CALL_FILE_MAX_BYTES);
  if (!upload.ok) return failed({ error: upload.error, params: upload.params });
  const form = upload.formData;
  const intent = form.get("intent");
  if (intent === "upload") {
    if (!upload.file) return failed({ error: "call.error.noFile" });
    const questionId = String(form.get("questionId") ?? "").slice(0, 64) || null;
    const stored = await uploadApplicationFile(user.id, app.id, upload.file, questionId);
    await discard(upload.file);
    if (!stored.ok) return failed({ error: stored.reason });
    return redirectWithFlash(back, { message: "call.fileAdded" });
  }
  await discard(upload.file);
  if (intent === "withdraw") {
    const done = await withdrawApplication(user.id, app.id);
    if (!done.ok) return failed({ error: done.reason });
    return redirectWithFlash(back, { message: "call.withdrawn" });
  }
  if (intent === "removeFile") {
    const done = await removeApplicationFile(user.id, app.id, String(form.get("fileId") ?? "").slice(0, 64));
    if (!done.ok) return failed({ error: done.reason });
    return redirectWithFlash(back, { message: "call.fileRemoved" });
  }
  if (intent !== "save" && intent !== "submit") return failed({ error: "form.unknownIntent" });
  const parsed = parseForm(ApplicationSchema, form);
  const { answers, fieldErrors: answerErrors } = answersFrom(form, await callQuestions(app.callId));
  if (!parsed.ok || Object.keys(answerErrors).length > 0) return failed({ fieldErrors: { ...(parsed.ok ? {} : parsed.fieldErrors), ...answerErrors }, values: echoForm(form) });
  const saved = await saveApplication(user.id, app.id, parsed.data, intent === "submit", new Date(), answers);
  if (!saved.ok) return failed({ error: saved.reason, fieldErrors: saved.fieldErrors, values: echoForm(form), params: saved.params ?? {} });
  return redirectWithFlash(back, { message: intent === "submit" ? "call.submitted" : "call.draftSaved" });
}

export default function ApplicationPage() {
  const { app, questions, open } = useLoaderData<typeof loader>();
  const fileQuestions = questions.filter((q) => q.kind === "file");
  const a = useActionData<typeof action>();
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
      {a?.error ? <Alert tone="error">{t(a.error, a.params)}</Alert> : null}
      {a && !a.error && Object.keys(a.fieldErrors).length > 0 ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}
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
                  <Form method="post">
                    <input type="hidden" name="intent" value="removeFile" />
                    <input type="hidden" name="fileId" value={f.id} />
                    <Button type="submit" size="sm" variant="tertiary" aria-label={t("call.removeFileLabel", { name: f.fileName })}>{t("form.delete")}</Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {editable ? (
          <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
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
          </Form>
        ) : null}
      </section>
      {open && (app.status === "draft" || app.status === "submitted") ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <ConfirmButton variant="danger" confirm={t("call.confirmWithdraw")}>{t("call.withdraw")}</ConfirmButton>
        </Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "call.applicationTitle");
