import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { CloseSchema } from "~/modules/consultation/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { getConsultation } from "~/modules/consultation/consultation.server";
import { CONSULTATION_INTENTS } from "~/modules/consultation/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { formMessage, type Refusal } from "~/utils/result";
import { activeExperts } from "~/modules/consultation/experts.server";
import { topicLabel } from "~/modules/consultation/topics";
import type { ScheduleIssue } from "~/modules/schedule/rules";
import { requireUser } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { formatDateTime, formatTimeRange, formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { ConsultationStatusBadge } from "~/components/consultation/status-badge";
import { ScheduleMeetingForm } from "~/components/consultation/schedule-form";
import { AdviceRecord } from "~/components/consultation/advice-record";
import { FollowUpActions } from "~/components/consultation/follow-up-actions";

// One consultation: the request, the meeting, the advice record, follow-up actions and notes.
// What each person may do is decided by the module (getConsultation(...).can).

async function load(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const c = invariantFound(await getConsultation(user, String(id ?? "").slice(0, 64)));
  return { user, c };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await load(request, params.consultationId);
  const experts = c.can.schedule ? await activeExperts() : [];
  const { requester, ...rest } = c;
  return {
    c: { ...rest, requester: c.can.seeContact ? requester : { displayName: requester.displayName, email: "", department: "" } },
    experts: experts.map((e) => ({ id: e.id, name: e.user.displayName, affiliation: e.affiliation, kind: e.kind, inTopic: e.topics.some((tp) => tp.topicId === c.topic.id) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.consultationId);
  return answerIntent(await runIntent(CONSULTATION_INTENTS, { user, c }, await readForm(request)), `/consultations/${c.id}`);
}

/** A refusal names its form; a refused schedule also carries the clashes it found. */
export type ConsultationRefusal = Refusal & { issues?: ScheduleIssue[]; needsAcknowledgement?: boolean };

export default function ConsultationPage() {
  const { c, experts } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const a = answer && !answer.ok ? (answer as ConsultationRefusal) : undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  const formData = (name: string) => (a?.form === name ? a : undefined);
  const closing = formData("close") ?? formData("withdraw");
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <p><Link to="/consultations">{t("consultation.title")}</Link></p>
      <div className="flex flex-col gap-2">
        <h1>{c.title}</h1>
        <p className="flex flex-wrap items-center gap-3">
          <ConsultationStatusBadge status={c.status} />
          <span>{t("format.withParen", { text: c.municipality.name, paren: c.municipality.prefecture.name })}</span>
          <span>{topicLabel(c.topic, locale)}</span>
          <span>{formatFiscalYear(c.fiscalYear, locale)}</span>
        </p>
      </div>
      {a && !["schedule", "close", "withdraw", "record", "addAction", "removeAction", "actionStatus", "followUp"].includes(a.form) ? <Alert tone="error">{t(a.reason)}</Alert> : null}

      <section aria-labelledby="request-heading" className="flex flex-col gap-3">
        <h2 id="request-heading">{t("consultation.requestHeading")}</h2>
        <dl className="grid gap-x-6 gap-y-3 md:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("consultation.requester")}</dt>
          <dd>
            {c.requester.department ? t("format.withParen", { text: c.requester.displayName, paren: c.requester.department }) : c.requester.displayName}
            {c.requester.email ? ` ${c.requester.email}` : ""}
          </dd>
          <dt className="font-bold">{t("consultation.requestedOn")}</dt>
          <dd>{formatDateTime(new Date(c.createdAt), locale)}</dd>
          <dt className="font-bold">{t("consultation.question")}</dt>
          <dd className="whitespace-pre-wrap">{c.question}</dd>
          <dt className="font-bold">{t("consultation.background")}</dt>
          <dd className="whitespace-pre-wrap">{c.background || "—"}</dd>
        </dl>
      </section>

      <section aria-labelledby="meeting-heading" className="flex flex-col gap-3">
        <h2 id="meeting-heading">{t("consultation.meetingHeading")}</h2>
        {c.startsAt && c.endsAt ? (
          <dl className="grid gap-x-6 gap-y-3 md:grid-cols-[max-content_1fr]">
            <dt className="font-bold">{t("consultation.when")}</dt>
            <dd>{formatTimeRange(new Date(c.startsAt), new Date(c.endsAt), locale)}</dd>
            <dt className="font-bold">{t("consultation.place")}</dt>
            <dd>
              {c.mode === "online" ? (
                <>{t("consultation.mode.online")} {c.onlineUrl ? <a href={c.onlineUrl} rel="noreferrer">{c.onlineUrl}</a> : null}</>
              ) : (
                [c.venueName, c.venueAddress].filter(Boolean).join(" ")
              )}
            </dd>
            <dt className="font-bold">{t("consultation.experts")}</dt>
            <dd>
              <ul>
                {c.experts.map((e) => (
                  <li key={e.expert.id}>{t("format.withParen", { text: e.expert.user.displayName, paren: [t(`consultation.kind.${e.expert.kind}`), e.expert.affiliation].filter(Boolean).join(t("format.list")) })}</li>
                ))}
              </ul>
            </dd>
          </dl>
        ) : (
          <p>{t("consultation.notScheduledYet")}</p>
        )}
        {c.status === "declined" || c.status === "cancelled" ? <Alert tone="info">{t(`consultation.closedBecause.${c.status}`, { reason: c.closingReason })}</Alert> : null}
        {c.can.schedule ? (
          <ScheduleMeetingForm
            consultation={c}
            experts={experts}
            actionData={formData("schedule")}
          />
        ) : null}
        {c.can.close || c.can.withdraw ? (
          <ActionForm schema={CloseSchema} noValidate className="flex flex-col gap-3 rounded-8 border border-solid-gray-200 p-4">
            <input type="hidden" name="intent" value={c.can.close ? "close" : "withdraw"} />
            <h3 className="text-std-18B-160">{t(c.can.close ? (c.status === "requested" ? "consultation.decline" : "consultation.cancel") : "consultation.withdraw")}</h3>
            {formMessage(closing) ? <Alert tone="error">{t(formMessage(closing)!)}</Alert> : null}
            <TextareaField label={t("consultation.reason")} name="reason" rows={2} required defaultValue={closing?.values.reason ?? ""} error={closing?.fieldErrors.reason ? t(closing.fieldErrors.reason) : undefined} />
            <div><Button type="submit" variant="secondary">{t(c.can.close ? (c.status === "requested" ? "consultation.declineSubmit" : "consultation.cancelSubmit") : "consultation.withdrawSubmit")}</Button></div>
          </ActionForm>
        ) : null}
      </section>

      <AdviceRecord consultation={c} actionData={formData("record")} />
      {c.status === "held" ? <FollowUpActions consultation={c} actionData={a ?? undefined} /> : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultation.title");
