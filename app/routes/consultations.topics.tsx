import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { TopicSchema } from "~/modules/consultation/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { listTopics } from "~/modules/consultation/topics.server";
import { TOPIC_INTENTS } from "~/modules/consultation/topic-intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { formMessage } from "~/utils/result";
import { requirePermission } from "~/utils/session.server";
import { readForm } from "~/utils/form-body.server";
import { pageTitle } from "~/utils/meta";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";

// The topic categories of consultations (the guidebook's six to begin with): rename, add,
// reorder, archive. An archived topic is not offered for new requests; old ones keep it.

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:consultation:any");
  return { topics: await listTopics(true) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:consultation:any");
  return answerIntent(await runIntent(TOPIC_INTENTS, { actorId: user.id }, await readForm(request)), "/consultations/topics");
}

export default function Topics() {
  const { topics } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const a = answer && !answer.ok ? answer : undefined;
  const { t } = useTranslation();
  // a refusal belongs to the form of its intent and topic
  const mine = (intent: string, id = "") => (a && a.form === intent && (a.values.topicId ?? "") === id ? a : undefined);
  const err = (o: typeof a, name: string) => (o?.fieldErrors[name] ? t(o.fieldErrors[name]) : undefined);
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <p><Link to="/consultations">{t("consultation.title")}</Link></p>
      <h1>{t("consultation.topicsTitle")}</h1>
      <p>{t("consultation.topicsIntro")}</p>
      {formMessage(a) ? <Alert tone="error">{t(formMessage(a)!)}</Alert> : null}
      <ol className="flex flex-col gap-3">
        {topics.map((tp, i) => {
          const o = mine("update", tp.id);
          return (
            <li key={tp.id} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
              <ActionForm schema={TopicSchema} noValidate className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="topicId" value={tp.id} />
                <TextField label={t("consultation.topicLabel")} name="label" required defaultValue={o?.values.label ?? tp.label} error={err(o, "label")} />
                <TextField label={t("consultation.topicLabelEn")} name="labelEn" defaultValue={o?.values.labelEn ?? tp.labelEn} error={err(o, "labelEn")} />
                <Button type="submit" name="intent" value="update" variant="secondary">{t("form.save")}</Button>
              </ActionForm>
              <div className="flex flex-wrap items-center gap-3">
                <span>{t("consultation.topicUsed", { count: tp._count.consultations })}</span>
                {tp.archivedAt ? <span className="font-bold">{t("consultation.archived")}</span> : null}
                <ActionForm className="flex gap-2">
                  <input type="hidden" name="topicId" value={tp.id} />
                  <Button type="submit" name="intent" value="up" variant="secondary" disabled={i === 0} aria-label={t("consultation.moveUpNamed", { name: tp.label })}>{t("consultation.moveUp")}</Button>
                  <Button type="submit" name="intent" value="down" variant="secondary" disabled={i === topics.length - 1} aria-label={t("consultation.moveDownNamed", { name: tp.label })}>{t("consultation.moveDown")}</Button>
                  <Button type="submit" name="intent" value={tp.archivedAt ? "restore" : "archive"} variant="secondary">{t(tp.archivedAt ? "consultation.restoreTopic" : "consultation.archiveTopic")}</Button>
                </ActionForm>
              </div>
            </li>
          );
        })}
      </ol>
      <ActionForm schema={TopicSchema} noValidate className="flex flex-wrap items-end gap-3 rounded-8 border border-solid-gray-200 p-4">
        <input type="hidden" name="intent" value="create" />
        <h2 className="w-full text-std-20B-150">{t("consultation.addTopic")}</h2>
        <TextField label={t("consultation.topicLabel")} name="label" required defaultValue={mine("create")?.values.label ?? ""} error={err(mine("create"), "label")} />
        <TextField label={t("consultation.topicLabelEn")} name="labelEn" defaultValue={mine("create")?.values.labelEn ?? ""} error={err(mine("create"), "labelEn")} />
        <Button type="submit">{t("consultation.addTopicSubmit")}</Button>
      </ActionForm>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultation.topicsTitle");
