import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { answerSchema } from "~/modules/survey/items";
import { ActionForm } from "~/components/ui/action-form";
import { SURVEY_ANSWER_INTENTS } from "~/modules/survey/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { formMessage } from "~/utils/result";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { academySurveys, isOpen, myAnswers, surveyKey } from "~/modules/survey/survey.server";
import { itemsOf, parseSurveyParam } from "~/modules/survey/items";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { pageTitle } from "~/utils/meta";

// Answering one survey (participants): every item on a 1-5 scale, an optional comment, once.

async function load(request: Request, academyId?: string, param?: string) {
  const context = await requireAcademyContext(request, academyId);
  const wanted = parseSurveyParam(param);
  if (!wanted) notFound();
  const survey = (await academySurveys(context.academy.id)).find((s) => s.kind === wanted.kind && s.sessionId === wanted.sessionId);
  if (!survey) notFound();
  return { context, survey };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { context, survey } = await load(request, params.academyId, params.survey);
  const participant = context.can.workInTeam;
  const answered = participant ? (await myAnswers(context.academy.id, context.user.id)).has(surveyKey(survey.kind, survey.sessionId)) : false;
  return {
    academy: context.academy,
    survey: { kind: survey.kind, sequence: survey.sequence, opensAt: survey.opensAt?.toISOString() ?? null, open: isOpen(survey, new Date()) },
    participant,
    answered,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { context, survey } = await load(request, params.academyId, params.survey);
  return answerIntent(await runIntent(SURVEY_ANSWER_INTENTS, { userId: context.user.id, academyId: context.academy.id, survey }, await readForm(request)), `/academies/${context.academy.id}/surveys/${params.survey}`);
}

export default function SurveyPage() {
  const { academy, survey, participant, answered } = useLoaderData<typeof loader>();
  const actionData = useRefusal();
  const { t } = useTranslation();
  const title = survey.kind === "satisfaction" ? t("survey.satisfactionOf", { n: survey.sequence }) : t(`survey.kind.${survey.kind}`);
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const errors = (actionData?.fieldErrors ?? {}) as Record<string, string>;
  const scale = survey.kind === "satisfaction" ? "satisfactionScale" : "skillScale";
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p><Link to={`/academies/${academy.id}/surveys`}>{t("survey.back")}</Link></p>
      <h1>{title}</h1>
      {!participant ? <Alert tone="info">{t("survey.onlyParticipants")}</Alert> : answered ? <Alert tone="success">{t("survey.alreadyAnswered")}</Alert> : !survey.open ? <Alert tone="info">{t("survey.notOpen")}</Alert> : null}
      {actionData ? <Alert tone="error">{t(formMessage(actionData) ?? "form.fixErrors")}</Alert> : null}
      {participant && !answered && survey.open ? (
        <ActionForm schema={answerSchema(survey.kind)} className="flex flex-col gap-6" noValidate>
          <p>{t(`survey.intro.${survey.kind}`)}</p>
          {itemsOf(survey.kind).map((item) => (
            <fieldset key={item} className="flex flex-col gap-2" aria-describedby={errors[item] ? `${item}-error` : undefined}>
              <legend className="text-std-18B-160">{t(`survey.item.${item}`)}</legend>
              <div className="flex flex-wrap gap-2">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className="flex min-h-12 min-w-12 cursor-pointer items-center gap-2 rounded-8 border border-solid-gray-600 px-3 has-[:checked]:border-2 has-[:checked]:border-blue-900 has-[:checked]:bg-blue-50">
                    <input type="radio" name={item} value={n} defaultChecked={values[item] === String(n)} className="size-5" />
                    <span>{n} <span className="text-dns-14N-130">{n === 1 || n === 5 ? t(`survey.${scale}.${n}`) : ""}</span></span>
                  </label>
                ))}
              </div>
              {errors[item] ? <p id={`${item}-error`} className="text-error-2">{t(errors[item])}</p> : null}
            </fieldset>
          ))}
          <TextareaField label={t("survey.comment")} name="comment" rows={4} defaultValue={values.comment ?? ""} error={errors.comment} />
          <div><Button type="submit">{t("survey.submit")}</Button></div>
        </ActionForm>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "survey.title");
