import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import {
  addAction,
  addFollowUp,
  closeConsultation,
  getConsultation,
  recordAdvice,
  removeAction,
  scheduleConsultation,
  setActionStatus,
} from "~/modules/consultation/consultation.server";
import { activeExperts } from "~/modules/consultation/experts.server";
import { topicLabel } from "~/modules/consultation/topics";
import { ActionSchema, ActionStatusSchema, CloseSchema, FollowUpSchema, RecordSchema, ScheduleSchema } from "~/modules/consultation/schemas";
import type { ScheduleIssue } from "~/modules/schedule/rules";
import { requireUser } from "~/utils/session.server";
import { forbidden, invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { echoForm, parseForm } from "~/utils/forms";
import { redirectWithFlash } from "~/utils/flash.server";
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

type Out = { form: string; error: string | null; fieldErrors: Record<string, string>; values: Record<string, string>; expertIds?: string[]; issues?: ScheduleIssue[]; needsAcknowledgement?: boolean };
const bad = (o: Partial<Out> & { form: string }, status = 400) => data({ error: null, fieldErrors: {}, values: {}, ...o } satisfies Out, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, c } = await load(request, params.consultationId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const back = `/consultations/${c.id}`;
  const done = (message: string) => redirectWithFlash(back, { message });
  const values = echoForm(form);
  switch (intent) {
    case "schedule": {
      if (!c.roles.coordinator) forbidden();
      const expertIds = form.getAll("expertIds").filter((v): v is string => typeof v === "string");
      const parsed = parseForm(ScheduleSchema, form);
      if (!parsed.ok) return bad({ form: intent, fieldErrors: parsed.fieldErrors, values, expertIds });
      const r = await scheduleConsultation(user.id, c.id, parsed.data);
      if (!r.ok) return bad({ form: intent, error: r.reason, fieldErrors: r.fieldErrors, values, expertIds, issues: r.issues, needsAcknowledgement: r.needsAcknowledgement });
      return done("consultation.scheduled");
    }
    case "close":
    case "withdraw": {
      const parsed = parseForm(CloseSchema, form);
      if (!parsed.ok) return bad({ form: intent, fieldErrors: parsed.fieldErrors, values });
      const r = await closeConsultation(user, c.id, parsed.data.reason);
      if (!r.ok) return bad({ form: intent, error: r.reason, values });
      return done(intent === "withdraw" ? "consultation.withdrawn" : "consultation.closed");
    }
    case "record": {
      const parsed = parseForm(RecordSchema, form);
      if (!parsed.ok) return bad({ form: intent, fieldErrors: parsed.fieldErrors, values });
      const r = await recordAdvice(user, c.id, parsed.data);
      if (!r.ok) return bad({ form: intent, error: r.reason, values });
      return done("consultation.recorded");
    }
    case "addAction": {
      const parsed = parseForm(ActionSchema, form);
      if (!parsed.ok) return bad({ form: intent, fieldErrors: parsed.fieldErrors, values });
      const r = await addAction(user, c.id, parsed.data);
      if (!r.ok) return bad({ form: intent, error: r.reason, values });
      return done("consultation.actionAdded");
    }
    case "removeAction": {
      const r = await removeAction(user, c.id, String(form.get("actionId") ?? "").slice(0, 64));
      if (!r.ok) return bad({ form: intent, error: r.reason });
      return done("consultation.actionRemoved");
    }
    case "actionStatus": {
      const parsed = parseForm(ActionStatusSchema, form);
      if (!parsed.ok) return bad({ form: intent, error: "validation.invalid" });
      const r = await setActionStatus(user, c.id, parsed.data.actionId, parsed.data.status);
      if (!r.ok) return bad({ form: intent, error: r.reason });
      return done("consultation.actionUpdated");
    }
    case "followUp": {
      const parsed = parseForm(FollowUpSchema, form);
      if (!parsed.ok) return bad({ form: intent, fieldErrors: parsed.fieldErrors, values });
      const r = await addFollowUp(user, c.id, parsed.data.note);
      if (!r.ok) return bad({ form: intent, error: r.reason, values });
      return done("consultation.followUpAdded");
    }
    default:
      return bad({ form: "unknown", error: "form.unknownIntent" });
  }
}

export default function ConsultationPage() {
  const { c, experts } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
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
      {a?.error && a.form === "unknown" ? <Alert tone="error">{t(a.error)}</Alert> : null}

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
          <Form method="post" noValidate className="flex flex-col gap-3 rounded-8 border border-solid-gray-200 p-4">
            <input type="hidden" name="intent" value={c.can.close ? "close" : "withdraw"} />
            <h3 className="text-std-18B-160">{t(c.can.close ? (c.status === "requested" ? "consultation.decline" : "consultation.cancel") : "consultation.withdraw")}</h3>
            {closing?.error ? <Alert tone="error">{t(closing.error)}</Alert> : null}
            <TextareaField label={t("consultation.reason")} name="reason" rows={2} required defaultValue={closing?.values.reason ?? ""} error={closing?.fieldErrors.reason ? t(closing.fieldErrors.reason) : undefined} />
            <div><Button type="submit" variant="secondary">{t(c.can.close ? (c.status === "requested" ? "consultation.declineSubmit" : "consultation.cancelSubmit") : "consultation.withdrawSubmit")}</Button></div>
          </Form>
        ) : null}
      </section>

      <AdviceRecord consultation={c} actionData={formData("record")} />
      {c.status === "held" ? <FollowUpActions consultation={c} actionData={a ?? undefined} /> : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultation.title");
