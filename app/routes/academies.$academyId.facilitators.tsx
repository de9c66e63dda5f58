import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { TrainingLevelSchema } from "~/modules/facilitator/levels";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { academyFacilitation } from "~/modules/facilitator/training.server";
import { FACILITATOR_INTENTS } from "~/modules/facilitator/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import type { Refusal } from "~/utils/result";
import { SESSION_ROLES, TRAINING_LEVELS } from "~/modules/facilitator/levels";
import type { ScheduleIssue } from "~/modules/schedule/rules";
import { readForm } from "~/utils/form-body.server";
import { formatDate, formatTime } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { ScheduleIssues } from "~/components/academy/schedule-issues";
import { DataTable } from "~/components/ui/data-table";

// Growing local facilitators in one academy: who is in training and how far (observer →
// co-facilitator → lead), and who took which part in each session. Staff read; coordinators change.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy, can } = await requireAcademyContext(request, params.academyId, "runSessions");
  const { staff, sessions } = await academyFacilitation(academy.id);
  return { academy: { id: academy.id, name: academy.name }, canEdit: can.manageAcademy, staff, sessions, poolLink: can.manageAcademy };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "runSessions");
  return answerIntent(await runIntent(FACILITATOR_INTENTS, { context }, await readForm(request)), `/academies/${context.academy.id}/facilitators`);
}

/** A refusal; a refused table of parts also names the clashes. */
type FacilitatorsRefusal = Refusal & { issues?: (ScheduleIssue & { sequence: number })[] };

export default function AcademyFacilitators() {
  const { academy, canEdit, staff, sessions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const a = answer && !answer.ok ? (answer as FacilitatorsRefusal) : undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  const roleOf = (sessionId: string, userId: string) =>
    a?.form === "assign" ? (a.values[`role.${sessionId}.${userId}`] ?? "") : (sessions.find((s) => s.id === sessionId)?.facilitators.find((f) => f.userId === userId)?.role ?? "");
  const counts = (userId: string) => {
    const c = { lead: 0, co_facilitator: 0, observer: 0 } as Record<string, number>;
    for (const s of sessions) for (const f of s.facilitators) if (f.userId === userId) c[f.role] = (c[f.role] ?? 0) + 1;
    return c;
  };
  return (
    <div className="flex flex-col gap-6">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("facilitator.academyTitle")}</h1>
      <p>{t("facilitator.academyIntro")}</p>
      {canEdit ? (
        <p className="flex flex-wrap gap-4">
          <Link to={`/academies/${academy.id}/edit#add-staff-heading`}>{t("facilitator.addStaffLink")}</Link>
          <Link to="/facilitators">{t("facilitator.poolLink")}</Link>
        </p>
      ) : null}
      {a && a.form !== "assign" ? <Alert tone="error">{t(a.reason)}</Alert> : null}

      <section aria-labelledby="training-heading" className="flex flex-col gap-3">
        <h2 id="training-heading">{t("facilitator.trainingHeading")}</h2>
        {staff.length === 0 ? <p>{t("facilitator.noStaff")}</p> : (
          <ul className="flex flex-col gap-3">
            {staff.map((s) => {
              const c = counts(s.user.id);
              return (
                <li key={s.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4 md:flex-row md:items-end md:justify-between">
                  <div>
                    <p className="font-bold">{s.user.displayName} <span className="font-normal">（{t(`enrollment.role.${s.role}`)}{s.user.municipality ? t("format.list") + s.user.municipality.name : ""}）</span></p>
                    <p className="text-dns-14N-130">{t("facilitator.sessionCounts", { lead: c.lead, co: c.co_facilitator, observer: c.observer })}</p>
                    {s.trainingLevel ? (
                      <p className="text-dns-14N-130">
                        {t("facilitator.inTraining", { level: t(`facilitator.level.${s.trainingLevel}`) })}
                        {s.trainingLevelAt ? ` · ${t("facilitator.since", { date: formatDate(new Date(s.trainingLevelAt), locale) })}` : ""}
                      </p>
                    ) : null}
                  </div>
                  {canEdit && s.role !== "observer" && s.role !== "participant" ? (
                    <ActionForm schema={TrainingLevelSchema} className="flex flex-wrap items-end gap-3">
                      <input type="hidden" name="intent" value="level" />
                      <input type="hidden" name="enrollmentId" value={s.id} />
                      <SelectField label={t("facilitator.levelLabelFor", { name: s.user.displayName })} name="trainingLevel" defaultValue={s.trainingLevel ?? ""}>
                        <option value="">{t("facilitator.notInTraining")}</option>
                        {TRAINING_LEVELS.map((l) => <option key={l} value={l}>{t(`facilitator.level.${l}`)}</option>)}
                      </SelectField>
                      <Button type="submit" variant="secondary">{t("form.save")}</Button>
                    </ActionForm>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading">{t("facilitator.sessionsHeading")}</h2>
        <p>{t("facilitator.sessionsIntro")}</p>
        {a?.form === "assign" ? <Alert tone="error">{t(a.reason)}</Alert> : null}
        {a?.form === "assign" && a.issues?.length ? (
          <ul className="flex flex-col gap-1">
            {a.issues.map((i, n) => (
              <li key={n}><span className="font-bold">{t("facilitator.sessionN", { n: i.sequence })}</span> <ScheduleIssues issues={[i]} /></li>
            ))}
          </ul>
        ) : null}
        {sessions.length === 0 || staff.length === 0 ? <p>{t("facilitator.noSessions")}</p> : (
          <ActionForm>
            <input type="hidden" name="intent" value="assign" />
            <DataTable
              caption={t("facilitator.sessionsHeading")}
              captionHidden
              rows={staff}
              rowKey={(p) => p.id}
              columns={[
                { key: "person", header: t("facilitator.person"), className: "whitespace-nowrap", cell: (p) => p.user.displayName },
                ...sessions.map((s) => ({
                  key: s.id,
                  header: (
                    <span className="whitespace-nowrap">
                      {t("facilitator.sessionN", { n: s.sequence })}
                      <br />
                      <span className="text-dns-14N-130 font-normal">{formatDate(new Date(s.startsAt), locale)} {formatTime(new Date(s.startsAt))}</span>
                    </span>
                  ),
                  cell: (p: (typeof staff)[number]) => {
                    const value = roleOf(s.id, p.user.id);
                    return canEdit ? (
                      <select
                        name={`role.${s.id}.${p.user.id}`}
                        defaultValue={value}
                        aria-label={t("facilitator.cellLabel", { name: p.user.displayName, n: s.sequence })}
                        className="min-h-11 rounded-8 border border-solid-gray-600 px-2"
                      >
                        <option value="">—</option>
                        {SESSION_ROLES.map((r) => <option key={r} value={r}>{t(`facilitator.sessionRole.${r}`)}</option>)}
                      </select>
                    ) : value ? t(`facilitator.sessionRole.${value}`) : "—";
                  },
                })),
              ]}
            />
            {canEdit ? <div className="mt-3"><Button type="submit">{t("facilitator.saveAssignments")}</Button></div> : null}
          </ActionForm>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitator.academyTitle");
