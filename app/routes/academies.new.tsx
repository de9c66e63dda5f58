import { Form, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { NEW_ACADEMY_INTENTS } from "~/modules/academy/edit-intents.server";
import type { ScheduleIssue } from "~/modules/schedule/rules";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requirePermission } from "~/utils/session.server";
import { AcknowledgeBox } from "~/components/ui/acknowledge-box";
import { AcademyCreateSchema } from "~/modules/academy/schemas";
import { staffCandidates } from "~/modules/academy/academy.server";
import { regionOptions } from "~/modules/region/region.server";
import { fiscalYearOf, formatFiscalYear } from "~/utils/dates";
import { useValidatedForm } from "~/utils/use-validated-form";
import { useLocale } from "~/utils/use-locale";
import { TextField } from "~/components/ui/text-field";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { StaffCheckboxes } from "~/components/academy/staff-checkboxes";
import { pageTitle } from "~/utils/meta";
import { readForm } from "~/utils/form-body.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "create:academy:any");
  const [regions, candidates] = await Promise.all([regionOptions(), staffCandidates()]);
  const regionId = new URL(request.url).searchParams.get("regionId") ?? "";
  return {
    regions: regions.map((r) => ({ id: r.id, name: r.name })),
    candidates,
    currentFy: fiscalYearOf(new Date()),
    regionId,
    me: user.id,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:academy:any");
  return answerIntent(await runIntent(NEW_ACADEMY_INTENTS, { user }, await readForm(request)), "/academies/new");
}

export default function NewAcademyPage() {
  const { regions, candidates, currentFy, regionId, me } = useLoaderData<typeof loader>();
  const actionData = useRefusal<{ issues: (ScheduleIssue & { sequence: number })[]; needsAcknowledgement: boolean }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const defaults = {
    regionId,
    fiscalYear: String(currentFy),
    name: "",
    description: "",
    preLearningStartDate: "",
    firstSessionDate: "",
    startTime: "13:30",
    endTime: "17:00",
    intervalDays: "14",
    ...actionData?.values,
  };
  const { register, errorFor, onSubmit, found } = useValidatedForm(AcademyCreateSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("academy.new")}</h1>
      <p>{t("academy.newLead")}</p>
      {actionData?.issues?.length ? (
        <Alert tone={actionData.needsAcknowledgement ? "warning" : "error"}>
          <p className="font-bold">{actionData.needsAcknowledgement ? t("schedule.checkWarnings") : t("schedule.blocked")}</p>
          <ul>
            {actionData.issues.map((issue, i) => (
              <li key={i} data-level={issue.level}>
                {t("session.numbered", { n: issue.sequence })}: {t(`schedule.issue.${issue.code}`, issue.params)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-5">
        <ErrorSummary fieldErrors={found ?? undefined} />
        <SelectField label={t("academy.region")} required error={errorFor("regionId")} {...register("regionId")}>
          <option value="">{t("form.choose")}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </SelectField>
        <SelectField label={t("academy.fiscalYear")} required error={errorFor("fiscalYear")} {...register("fiscalYear")}>
          {[currentFy - 1, currentFy, currentFy + 1, currentFy + 2].map((fy) => (
            <option key={fy} value={fy}>{formatFiscalYear(fy, locale, true)}</option>
          ))}
        </SelectField>
        <TextField label={t("academy.name")} required error={errorFor("name")} {...register("name")} />
        <TextareaField label={t("academy.description")} rows={3} error={errorFor("description")} {...register("description")} />
        <TextField
          label={t("academy.preLearningStart")}
          hint={t("academy.preLearningHint")}
          type="date"
          error={errorFor("preLearningStartDate")}
          {...register("preLearningStartDate")}
        />
        <fieldset className="flex flex-col gap-4 rounded-8 border border-solid-gray-200 p-4">
          <legend className="px-2 text-std-16B-170">{t("academy.scheduleDefaults")}</legend>
          <p className="text-dns-14N-130 text-solid-gray-600">{t("academy.scheduleDefaultsHint")}</p>
          <TextField label={t("academy.firstSessionDate")} type="date" required error={errorFor("firstSessionDate")} {...register("firstSessionDate")} />
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <TextField label={t("session.startTime")} type="time" required error={errorFor("startTime")} {...register("startTime")} />
            <TextField label={t("session.endTime")} type="time" required error={errorFor("endTime")} {...register("endTime")} />
            <TextField label={t("academy.intervalDays")} type="number" min={1} max={60} required error={errorFor("intervalDays")} {...register("intervalDays")} />
          </div>
        </fieldset>
        <StaffCheckboxes
          candidates={candidates}
          facilitatorIds={actionData?.lists.facilitatorIds ?? []}
          coordinatorIds={actionData ? (actionData.lists.coordinatorIds ?? []) : [me]}
          errorFor={errorFor}
        />
        {actionData?.needsAcknowledgement ? (
          <AcknowledgeBox name="acknowledgeWarnings" label={t("schedule.acknowledge")}>
            <ul className="flex flex-col gap-1">
              {(actionData.issues ?? []).map((issue, i) => (
                <li key={i}>{t("session.numbered", { n: issue.sequence })}: {t(`schedule.issue.${issue.code}`, issue.params)}</li>
              ))}
            </ul>
          </AcknowledgeBox>
        ) : null}
        <div>
          <Button type="submit">{t("academy.create")}</Button>
        </div>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "academy.new");
