import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { ownGovernment, requestConsultation } from "~/modules/consultation/consultation.server";
import { listTopics } from "~/modules/consultation/topics.server";
import { topicLabel } from "~/modules/consultation/topics";
import { RequestSchema } from "~/modules/consultation/schemas";
import { requireUser } from "~/utils/session.server";
import { readForm } from "~/utils/form-body.server";
import { echoForm, parseForm } from "~/utils/forms";
import { redirectWithFlash } from "~/utils/flash.server";
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
  const form = await readForm(request);
  const parsed = parseForm(RequestSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, params: {} as Record<string, string | number> }, { status: 400 });
  const r = await requestConsultation(user, parsed.data);
  if (!r.ok) return data({ fieldErrors: r.fieldErrors, values: echoForm(form), params: r.params ?? {} }, { status: 400 });
  return redirectWithFlash(`/consultations/${r.id}`, { message: "consultation.requested" });
}

export default function RequestConsultation() {
  const { topics, own } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { register, errorFor, onSubmit } = useValidatedForm(RequestSchema, {
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
