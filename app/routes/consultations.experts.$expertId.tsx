import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { getExpert, setExpertRetired, updateExpert } from "~/modules/consultation/experts.server";
import { listTopics } from "~/modules/consultation/topics.server";
import { ExpertUpdateSchema } from "~/modules/consultation/schemas";
import { requirePermission } from "~/utils/session.server";
import { invariantFound } from "~/utils/http.server";
import { readForm } from "~/utils/form-body.server";
import { echoForm, parseForm } from "~/utils/forms";
import { redirectWithFlash } from "~/utils/flash.server";
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
  const form = await readForm(request);
  const back = `/consultations/experts/${expert.id}`;
  const intent = form.get("intent");
  if (intent === "retire" || intent === "restore") {
    await setExpertRetired(user.id, expert.id, intent === "retire");
    return redirectWithFlash(back, { message: intent === "retire" ? "consultation.expertRetired" : "consultation.expertRestored" });
  }
  const topicIds = form.getAll("topicIds").filter((v): v is string => typeof v === "string");
  const parsed = parseForm(ExpertUpdateSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, topicIds }, { status: 400 });
  const r = await updateExpert(user.id, expert.id, parsed.data);
  if (!r.ok) return data({ fieldErrors: r.fieldErrors, values: echoForm(form), topicIds }, { status: 400 });
  return redirectWithFlash(back, { message: "consultation.expertSaved" });
}

export default function ExpertPage() {
  const { expert, topics } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation();
  const values = a?.values ?? { displayName: expert.user.displayName, kind: expert.kind, affiliation: expert.affiliation, fields: expert.fields };
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p><Link to="/consultations/experts">{t("consultation.expertsTitle")}</Link></p>
      <h1>{expert.user.displayName}</h1>
      <p>{expert.user.email}{expert.retiredAt ? ` · ${t("consultation.retired")}` : ""}</p>
      {a?.fieldErrors ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}
      <Form method="post" noValidate className="flex flex-col gap-4">
        <ExpertFields values={values} topicIds={a?.topicIds ?? expert.topics.map((x) => x.topicId)} topics={topics} fieldErrors={a?.fieldErrors ?? {}} withEmail={false} />
        <div><Button type="submit">{t("form.save")}</Button></div>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value={expert.retiredAt ? "restore" : "retire"} />
        <p className="mb-2">{t(expert.retiredAt ? "consultation.restoreHint" : "consultation.retireHint")}</p>
        <Button type="submit" variant="secondary">{t(expert.retiredAt ? "consultation.restoreExpert" : "consultation.retireExpert")}</Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultation.expertsTitle");
