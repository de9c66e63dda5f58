import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { REQUEST_INTENTS } from "~/modules/consultation/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { ownGovernment } from "~/modules/consultation/consultation.server";
import { listTopics } from "~/modules/consultation/topics.server";
import { topicLabel } from "~/modules/consultation/topics";
import { RequestSchema } from "~/modules/consultation/schemas";
import { requireUser } from "~/utils/session.server";
import { readForm } from "~/utils/form-body.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { TextField } from "~/components/ui/text-field";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";

// A government asks for an expert consultation: the category, the question and its background.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [topics, own] = await Promise.all([listTopics(), ownGovernment(user.id)]);
  return { topics: topics.map((t) => ({ id: t.id, label: t.label, labelEn: t.labelEn })), own };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return answerIntent(await runIntent(REQUEST_INTENTS, { user }, await readForm(request)), "/consultations/new");
}

export default function RequestConsultation() {
  const { topics, own } = useLoaderData<typeof loader>();
  const a = useRefusal<{ params: Record<string, string | number> }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { register, errorFor, onSubmit, found } = useValidatedForm(RequestSchema, {
    defaultValues: { municipalityCode: own?.code ?? "", topicId: "", title: "", question: "", background: "", ...a?.values },
    serverErrors: a?.fieldErrors,
  });
  const err = (name: string) => {
    const key = errorFor(name);
    return key ? t(key, a?.params) : undefined;
  };
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p><Link to="/consultations">{t("consultation.title")}</Link></p>
      <h1>{t("consultation.requestTitle")}</h1>
      <p>{t("consultation.requestIntro")}</p>
      {a?.fieldErrors ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
        <ErrorSummary fieldErrors={found ?? undefined} />
        <TextField
          label={t("consultation.municipalityCode")}
          inputMode="numeric"
          required
          hint={own ? t("consultation.municipalityHintOwn", { name: own.name, code: own.code }) : t("call.leadCodeHint")}
          error={err("municipalityCode")}
          {...register("municipalityCode")}
        />
        <SelectField label={t("consultation.topic")} required error={err("topicId")} {...register("topicId")}>
          <option value="">{t("consultation.chooseTopic")}</option>
          {topics.map((tp) => <option key={tp.id} value={tp.id}>{topicLabel(tp, locale)}</option>)}
        </SelectField>
        <TextField label={t("consultation.fieldTitle")} required hint={t("consultation.titleHint")} error={err("title")} {...register("title")} />
        <TextareaField label={t("consultation.question")} required rows={6} hint={t("consultation.questionHint")} error={err("question")} {...register("question")} />
        <TextareaField label={t("consultation.background")} rows={5} hint={t("consultation.backgroundHint")} error={err("background")} {...register("background")} />
        <div><Button type="submit">{t("consultation.requestSubmit")}</Button></div>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultation.requestTitle");
