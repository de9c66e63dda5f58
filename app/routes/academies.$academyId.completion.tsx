import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { RuleSchema } from "~/modules/attendance/rules";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { academyCompletion } from "~/modules/attendance/attendance.server";
import { COMPLETION_INTENTS } from "~/modules/attendance/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { readForm } from "~/utils/form-body.server";
import { DataTable } from "~/components/ui/data-table";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { pageTitle } from "~/utils/meta";

// Who counts as trained (研修履修) under the academy's completion rule, and the rule itself.


export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "seeSurveyResults");
  return { academy: context.academy, canManage: context.can.manageAcademy, ...(await academyCompletion(context.academy.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId, "seeSurveyResults");
  return answerIntent(await runIntent(COMPLETION_INTENTS, { context }, await readForm(request)), `/academies/${context.academy.id}/completion`);
}

export default function CompletionPage() {
  const { academy, canManage, rule, sessionCount, people, completed } = useLoaderData<typeof loader>();
  const actionData = useRefusal();
  const { t } = useTranslation();
  const values = actionData?.values;
  return (
    <div className="flex flex-col gap-6">
      <p><Link to={`/academies/${academy.id}`}>{t("academy.backTo", { name: academy.name })}</Link></p>
      <h1>{t("completion.title")}</h1>
      <p>{t("completion.rule", { min: rule.minSessions, total: sessionCount })}{rule.preLearning ? t("completion.rulePreLearning") : ""}</p>
      <p className="text-std-20B-150">{t("completion.count", { completed, total: people.length })}</p>
      <p><Link to={`/academies/${academy.id}/certificates`}>{t("certificate.title")}</Link></p>
      {canManage ? (
        <ActionForm schema={RuleSchema} className="flex flex-col gap-3 rounded-8 border border-solid-gray-200 p-4" noValidate>
          <h2 className="text-std-20B-150">{t("completion.changeRule")}</h2>
          {actionData?.fieldErrors ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}
          <TextField label={t("completion.minSessions")} name="minSessions" inputMode="numeric" defaultValue={values?.minSessions ?? String(rule.minSessions)} error={actionData?.fieldErrors.minSessions ? t(actionData.fieldErrors.minSessions) : undefined} />
          <label className="flex items-center gap-2">
            <input type="checkbox" name="preLearning" defaultChecked={values ? values.preLearning === "on" : rule.preLearning} className="size-6" />
            {t("completion.needsPreLearning")}
          </label>
          <div><Button type="submit">{t("form.save")}</Button></div>
        </ActionForm>
      ) : null}
      <DataTable
        caption={t("completion.tableCaption")}
        cards
        rows={people}
        rowKey={(p) => p.enrollmentId}
        columns={[
          { key: "name", header: t("completion.person"), cell: (p) => p.displayName },
          { key: "team", header: t("completion.team"), cell: (p) => p.teamName ?? "—" },
          { key: "attended", header: t("completion.attended"), cell: (p) => t("completion.ofSessions", { n: p.attended, total: sessionCount }) },
          { key: "pre", header: t("completion.preLearning"), cell: (p) => t("completion.ofItems", { n: Math.min(p.preLearningDone, p.preLearningTotal), total: p.preLearningTotal }) },
          { key: "done", header: t("completion.status"), cell: (p) => (p.completed ? <strong>{t("completion.completed")}</strong> : t("completion.notYet")) },
        ]}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "completion.title");
