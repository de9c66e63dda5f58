import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Fragment } from "react";
import { useTranslation } from "~/utils/use-translation";
import { callQuestions } from "~/modules/call/questions.server";
import { callForStaff } from "~/modules/call/call.server";
import { applicationForReview, reviewerRole } from "~/modules/call/selection.server";
import { DECISIONS } from "~/modules/call/schemas";
import { APPLICATION_REVIEW_INTENTS } from "~/modules/call/selection-intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { consultationOfApplication } from "~/modules/consultation/consultation.server";
import { listTopics } from "~/modules/consultation/topics.server";
import { topicLabel } from "~/modules/consultation/topics";
import { requireUser } from "~/utils/session.server";
import { forbidden, invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { resolveLocale } from "~/utils/locale.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { DataTable } from "~/components/ui/data-table";

// One submitted application for its reviewers: what the government wrote, my scores against
// each criterion, everyone's once I have scored, and the coordinator's decision.

async function context(request: Request, params: Record<string, string | undefined>) {
  const user = await requireUser(request);
  const call = invariantFound(await callForStaff(String(params.callId ?? "").slice(0, 64)));
  const role = await reviewerRole(user, call.id);
  if (!role) forbidden();
  const app = invariantFound(await applicationForReview(call.id, String(params.applicationId ?? "").slice(0, 64), user, role));
  return { user, call, role, app };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { call, role, app, user } = await context(request, params);
  const consultationStep = role === "manager" && app.track.kind === "consultation" && app.decision === "selected";
  const [consultation, topics] = consultationStep ? await Promise.all([consultationOfApplication(app.id), listTopics()]) : [null, []];
  const questions = await callQuestions(call.id);
  return { call: { id: call.id, title: call.title }, role, app, questions, me: user.id, consultationStep, consultation, topics: topics.map((tp) => ({ id: tp.id, label: tp.label, labelEn: tp.labelEn })) };
}


export async function action({ request, params }: ActionFunctionArgs) {
  const { user, call, role, app } = await context(request, params);
  const page = { actorId: user.id, callId: call.id, applicationId: app.id, role, criteria: app.call.criteria, locale: await resolveLocale(request, user) };
  return answerIntent(await runIntent(APPLICATION_REVIEW_INTENTS, page, await readForm(request)), `/manage/calls/${call.id}/applications/${app.id}`);
}

export default function ReviewApplication() {
  const { call, role, app, questions, me, consultationStep, consultation, topics } = useLoaderData<typeof loader>();
  const a = useRefusal<{ params: Record<string, string | number> }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const mine = new Map(app.scores.filter((s) => s.reviewerId === me).map((s) => [s.criterionId, s]));
  const names = app.municipalities.map((m) => t("format.withParen", { text: m.municipality.name, paren: m.municipality.prefecture.name })).join(t("format.list"));
  const byReviewer = new Map<string, { name: string; comment: string; scores: Map<string, number> }>();
  for (const s of app.scores) {
    const r = byReviewer.get(s.reviewerId) ?? { name: s.reviewer.displayName, comment: s.comment, scores: new Map() };
    r.scores.set(s.criterionId, s.score);
    byReviewer.set(s.reviewerId, r);
  }
  const v = a?.values ?? {};
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <p><Link to={`/manage/calls/${call.id}/applications`}>{t("call.applicationsTitle", { title: call.title })}</Link></p>
      <h1>{names || t("call.unnamed")}</h1>
      <p>{app.track.label} · {app.submittedAt ? t("call.submittedOn", { date: formatDateTime(new Date(app.submittedAt), locale) }) : ""}</p>
      {a && (a.form !== "score" || !Object.values(a.fieldErrors).includes(a.reason)) ? <Alert tone="error">{t(a.reason, a.params)}</Alert> : null}
      <dl className="grid gap-x-6 gap-y-3 md:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("call.contactName")}</dt><dd>{t("format.withParen", { text: app.contactName, paren: app.contactDepartment })}{app.contactPhone ? ` ${app.contactPhone}` : ""} {app.applicant.email}</dd>
        <dt className="font-bold">{t("call.problem")}</dt><dd className="whitespace-pre-wrap">{app.problem}</dd>
        <dt className="font-bold">{t("call.dataHeld")}</dt><dd className="whitespace-pre-wrap">{app.dataHeld}</dd>
        <dt className="font-bold">{t("call.dataDepartment")}</dt><dd>{app.dataDepartment}</dd>
        <dt className="font-bold">{t("call.staffCount")}</dt><dd>{app.staffCount ?? "—"}</dd>
        <dt className="font-bold">{t("call.consentShort")}</dt><dd>{app.consentPublication ? t("call.consentYes") : t("call.consentNo")}</dd>
        <dt className="font-bold">{t("call.attachments")}</dt><dd>{app.files.filter((f) => !f.questionId).map((f) => f.fileName).join(t("format.list")) || "—"}</dd>
        {questions.map((q) => (
          <Fragment key={q.id}>
            <dt className="font-bold">{q.label}</dt>
            <dd className="whitespace-pre-wrap">
              {q.kind === "file"
                ? app.files.filter((f) => f.questionId === q.id).map((f) => f.fileName).join(t("format.list")) || "—"
                : app.answers.find((x) => x.questionId === q.id)?.value || "—"}
            </dd>
          </Fragment>
        ))}
      </dl>

      <section aria-labelledby="score-heading" className="flex flex-col gap-3 rounded-8 border border-solid-gray-200 p-4">
        <h2 id="score-heading">{t("call.myScoring")}</h2>
        <ActionForm className="flex flex-col gap-3" noValidate>
          <input type="hidden" name="intent" value="score" />
          {app.call.criteria.map((c) => (
            <SelectField key={c.id} label={t("call.criterionScore", { label: c.label, weight: c.weight })} name={`score.${c.id}`} defaultValue={v[`score.${c.id}`] ?? String(mine.get(c.id)?.score ?? "")} error={a?.fieldErrors[`score.${c.id}`] ? t(a.fieldErrors[`score.${c.id}`]!) : undefined}>
              <option value="">{t("call.chooseScore")}</option>
              {Array.from({ length: c.maxScore }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
            </SelectField>
          ))}
          <TextareaField label={t("call.reviewComment")} name="comment" rows={3} defaultValue={v.comment ?? [...mine.values()][0]?.comment ?? ""} error={a?.fieldErrors.comment ? t(a.fieldErrors.comment) : undefined} />
          <div><Button type="submit">{t("call.saveScore")}</Button></div>
        </ActionForm>
      </section>

      <section aria-labelledby="all-heading" className="flex flex-col gap-3">
        <h2 id="all-heading">{t("call.allScores")}</h2>
        {!app.seesOthers ? <p>{t("call.othersHidden")}</p> : byReviewer.size === 0 ? <p>{t("call.noScores")}</p> : (
          <DataTable
            caption={t("call.allScores")}
            captionHidden
            rows={[...byReviewer.entries()].map(([id, r]) => ({ id, ...r }))}
            rowKey={(r) => r.id}
            columns={[
              { key: "reviewer", header: t("call.reviewer"), cell: (r) => r.name },
              ...app.call.criteria.map((c) => ({ key: c.id, header: c.label, className: "text-right", cell: (r: { scores: Map<string, number> }) => r.scores.get(c.id) ?? "—" })),
              { key: "comment", header: t("call.reviewComment"), className: "whitespace-pre-wrap", cell: (r) => r.comment },
            ]}
          />
        )}
      </section>

      {role === "manager" ? (
        <section aria-labelledby="decision-heading" className="flex flex-col gap-3 rounded-8 border-2 border-solid-gray-800 p-4">
          <h2 id="decision-heading">{t("call.decision")}</h2>
          <ActionForm className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="decide" />
            <SelectField label={t("call.decision")} name="decision" defaultValue={app.decision ?? ""}>
              <option value="">{t("call.undecided")}</option>
              {DECISIONS.map((d) => <option key={d} value={d}>{t(`call.decisionValue.${d}`)}</option>)}
            </SelectField>
            <Button type="submit">{t("call.saveDecision")}</Button>
          </ActionForm>
          {app.track.kind === "academy" && app.decision === "selected" ? (
            app.academyId ? (
              <p><Link to={`/academies/${app.academyId}`}>{t("call.academyMade")}</Link></p>
            ) : (
              <ActionForm>
                <input type="hidden" name="intent" value="academy" />
                <Button type="submit" variant="secondary">{t("call.makeAcademy")}</Button>
                <p className="mt-2 text-dns-14N-130">{t("call.makeAcademyHint")}</p>
              </ActionForm>
            )
          ) : null}
          {consultationStep ? (
            consultation ? (
              <p><Link to={`/consultations/${consultation.id}`}>{t("consultation.madeLink")}</Link></p>
            ) : (
              <ActionForm className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="intent" value="consultation" />
                <SelectField label={t("consultation.topic")} name="topicId" required error={a?.fieldErrors.topicId ? t(a.fieldErrors.topicId) : undefined}>
                  {topics.map((tp) => <option key={tp.id} value={tp.id}>{topicLabel(tp, locale)}</option>)}
                </SelectField>
                <Button type="submit" variant="secondary">{t("consultation.makeFromApplication")}</Button>
              </ActionForm>
            )
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "call.staffTitle");
