import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { OutcomeSchema } from "~/modules/outcome/rules";
import { ActionForm } from "~/components/ui/action-form";
import { OUTCOME_INTENTS } from "~/modules/outcome/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { formMessage } from "~/utils/result";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { academyOutcomes } from "~/modules/outcome/outcome.server";
import { OUTCOME_MONTHS, OUTCOME_STATUSES } from "~/modules/outcome/rules";
import { readForm } from "~/utils/form-body.server";
import { formatDate } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { SelectField, TextareaField } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";

// Outcome follow-up: 3 / 6 / 12 months after the academy, what became of each team's proposal.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "seeAllTeams");
  return { academy: context.academy, canRecord: context.can.recordOutcomes, ...(await academyOutcomes(context.academy.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "recordOutcomes");
  return answerIntent(await runIntent(OUTCOME_INTENTS, { actorId: context.user.id, academyId: context.academy.id }, await readForm(request)), `/academies/${context.academy.id}/outcomes`);
}

export default function OutcomesPage() {
  const { academy, canRecord, teams, due, endsAt } = useLoaderData<typeof loader>();
  const actionData = useRefusal();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("outcome.title")}</h1>
      <p>{endsAt ? t("outcome.lead", { date: formatDate(new Date(endsAt), locale) }) : t("outcome.noSessions")}</p>
      {teams.length === 0 ? <p>{t("outcome.noTeams")}</p> : null}
      {teams.map((team) => (
        <section key={team.id} id={`team-${team.id}`} aria-labelledby={`h-${team.id}`} className="flex flex-col gap-3 rounded-8 border border-solid-gray-200 p-4">
          <h2 id={`h-${team.id}`} className="text-std-20B-150">
            <Link to={`/academies/${academy.id}/teams/${team.id}`}>{team.name}</Link>
          </h2>
          {team.themeTitle ? <p>{team.themeTitle}</p> : null}
          <div className="grid gap-4 lg:grid-cols-3">
            {OUTCOME_MONTHS.map((m) => {
              const o = team.outcomes[m];
              const mine = actionData?.form === `${team.id}:${m}` ? actionData : null;
              const v = mine?.values as Record<string, string> | undefined;
              return (
                <div key={m} className="flex flex-col gap-2 rounded-8 bg-solid-gray-50 p-3">
                  <h3 className="text-std-18B-160">{t("outcome.monthsAfter", { count: m })}</h3>
                  <p className="text-dns-14N-130">{due[m] ? t("outcome.dueOn", { date: formatDate(new Date(due[m]!), locale) }) : ""}</p>
                  {o ? (
                    <p>
                      <strong>{t(`outcome.status.${o.status}`)}</strong>
                      {o.note ? <span className="block whitespace-pre-wrap">{o.note}</span> : null}
                      {o.url ? <a href={o.url} rel="noreferrer">{o.url}</a> : null}
                    </p>
                  ) : (
                    <p>{t("outcome.notRecorded")}</p>
                  )}
                  {canRecord ? (
                    <ActionForm schema={OutcomeSchema} className="flex flex-col gap-2" noValidate aria-label={t("outcome.formLabel", { team: team.name, count: m })}>
                      {mine ? <Alert tone="error">{t(formMessage(mine) ?? "form.fixErrors")}</Alert> : null}
                      <input type="hidden" name="teamId" value={team.id} />
                      <input type="hidden" name="monthsAfter" value={m} />
                      <SelectField label={t("outcome.statusLabel")} name="status" defaultValue={v?.status ?? o?.status ?? ""} error={mine?.fieldErrors.status}>
                        <option value="">{t("outcome.choose")}</option>
                        {OUTCOME_STATUSES.map((s) => (
                          <option key={s} value={s}>{t(`outcome.status.${s}`)}</option>
                        ))}
                      </SelectField>
                      <TextareaField label={t("outcome.note")} name="note" rows={2} defaultValue={v?.note ?? o?.note ?? ""} error={mine?.fieldErrors.note} />
                      <TextField label={t("outcome.url")} name="url" type="url" defaultValue={v?.url ?? o?.url ?? ""} error={mine?.fieldErrors.url} />
                      <div><Button type="submit" size="sm">{t("form.save")}</Button></div>
                    </ActionForm>
                  ) : null}
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outcome.title");
