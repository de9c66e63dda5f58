import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ExpertUpdateSchema } from "~/modules/consultation/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { getExpert } from "~/modules/consultation/experts.server";
import { EXPERT_INTENTS } from "~/modules/consultation/expert-intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { listTopics } from "~/modules/consultation/topics.server";
import { requirePermission } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { pageTitle } from "~/utils/meta";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { ExpertFields } from "~/components/consultation/expert-fields";

// One expert: their fields and topics, edited by the coordinator; retired experts are no longer
// offered for new meetings but stay on the ones they advised in.

async function load(request: Request, id: string | undefined) {
  const user = await requirePermission(request, "manage:consultation:any");
  const expert = invariantFound(await getExpert(String(id ?? "").slice(0, 64)));
  return { user, expert };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { expert } = await load(request, params.expertId);
  const topics = await listTopics(true);
  const own = new Set(expert.topics.map((t) => t.topicId));
  return { expert, topics: topics.filter((t) => !t.archivedAt || own.has(t.id)).map((t) => ({ id: t.id, label: t.label, labelEn: t.labelEn })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, expert } = await load(request, params.expertId);
  return answerIntent(await runIntent(EXPERT_INTENTS, { actorId: user.id, expertId: expert.id }, await readForm(request)), `/consultations/experts/${expert.id}`);
}

export default function ExpertPage() {
  const { expert, topics } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const a = answer && !answer.ok ? answer : undefined;
  const { t } = useTranslation();
  const values = a?.values ?? { displayName: expert.user.displayName, kind: expert.kind, affiliation: expert.affiliation, fields: expert.fields };
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p><Link to="/consultations/experts">{t("consultation.expertsTitle")}</Link></p>
      <h1>{expert.user.displayName}</h1>
      <p>{expert.user.email}{expert.retiredAt ? ` · ${t("consultation.retired")}` : ""}</p>
      {a?.fieldErrors ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}
      <ActionForm schema={ExpertUpdateSchema} noValidate className="flex flex-col gap-4">
        <ExpertFields values={values} topicIds={a ? (a.lists.topicIds ?? []) : expert.topics.map((x) => x.topicId)} topics={topics} fieldErrors={a?.fieldErrors ?? {}} withEmail={false} />
        <div><Button type="submit">{t("form.save")}</Button></div>
      </ActionForm>
      <ActionForm>
        <input type="hidden" name="intent" value={expert.retiredAt ? "restore" : "retire"} />
        <p className="mb-2">{t(expert.retiredAt ? "consultation.restoreHint" : "consultation.retireHint")}</p>
        <Button type="submit" variant="secondary">{t(expert.retiredAt ? "consultation.restoreExpert" : "consultation.retireExpert")}</Button>
      </ActionForm>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultation.expertsTitle");
