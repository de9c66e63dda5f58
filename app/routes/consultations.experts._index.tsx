import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { ExpertSchema } from "~/modules/consultation/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { NEW_EXPERT_INTENTS } from "~/modules/consultation/expert-intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { useRefusal } from "~/utils/use-refusal";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { searchExperts } from "~/modules/consultation/experts.server";
import { listTopics } from "~/modules/consultation/topics.server";
import { topicLabel } from "~/modules/consultation/topics";
import { EXPERT_KINDS, ExpertFilterSchema } from "~/modules/consultation/schemas";
import { requirePermission } from "~/utils/session.server";
import { readForm } from "~/utils/form-body.server";
import { resolveLocale } from "~/utils/locale.server";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";
import { SelectField } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/alert";
import { Pagination, usePageHref } from "~/components/ui/pagination";
import { ExpertFields } from "~/components/consultation/expert-fields";

// The experts of the consultations, searchable by name, affiliation, field, kind and topic; the
// coordinator adds one by e-mail (a new address gets an invitation to set a password).

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:consultation:any");
  const filter = ExpertFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, topics] = await Promise.all([searchExperts(filter), listTopics()]);
  return { filter, topics: topics.map((t) => ({ id: t.id, label: t.label, labelEn: t.labelEn })), ...result };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:consultation:any");
  return answerIntent(await runIntent(NEW_EXPERT_INTENTS, { actorId: user.id, locale: await resolveLocale(request, user) }, await readForm(request)), "/consultations/experts");
}

export default function Experts() {
  const { filter, topics, experts, total, page, pages } = useLoaderData<typeof loader>();
  const a = useRefusal();
  const { t } = useTranslation();
  const locale = useLocale();
  const href = usePageHref();
  return (
    <div className="flex flex-col gap-6">
      <p><Link to="/consultations">{t("consultation.title")}</Link></p>
      <h1>{t("consultation.expertsTitle")}</h1>
      <Form method="get" className="grid grid-cols-1 gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-4 md:items-end">
        <TextField label={t("consultation.expertSearch")} name="q" type="search" hint={t("consultation.expertSearchHint")} defaultValue={filter.q ?? ""} />
        <SelectField label={t("consultation.expertKind")} name="kind" defaultValue={filter.kind ?? ""}>
          <option value="">{t("filter.all")}</option>
          {EXPERT_KINDS.map((k) => <option key={k} value={k}>{t(`consultation.kind.${k}`)}</option>)}
        </SelectField>
        <SelectField label={t("consultation.topic")} name="topic" defaultValue={filter.topic ?? ""}>
          <option value="">{t("filter.all")}</option>
          {topics.map((tp) => <option key={tp.id} value={tp.id}>{topicLabel(tp, locale)}</option>)}
        </SelectField>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="retired" value="1" defaultChecked={filter.retired === "1"} className="size-5" />
          {t("consultation.showRetired")}
        </label>
        <div className="md:col-span-4"><Button type="submit">{t("filter.apply")}</Button></div>
      </Form>
      <p>{t("consultation.expertCount", { count: total })}</p>
      <DataTable
        caption={t("consultation.expertsTitle")}
        captionHidden
        cards
        rows={experts}
        rowKey={(e) => e.id}
        empty={t("consultation.noExpertsFound")}
        columns={[
          { key: "name", header: t("fields.displayName"), className: "whitespace-nowrap", cell: (e) => <Link to={`/consultations/experts/${e.id}`}>{e.user.displayName}</Link> },
          { key: "kind", header: t("consultation.expertKind"), cell: (e) => t(`consultation.kind.${e.kind}`) },
          { key: "aff", header: t("consultation.affiliation"), cell: (e) => e.affiliation || "—" },
          { key: "topics", header: t("consultation.expertTopics"), cell: (e) => e.topics.map((x) => topicLabel(x.topic, locale)).join(t("format.list")) || "—" },
          { key: "fields", header: t("consultation.expertFields"), cell: (e) => e.fields || "—" },
          { key: "count", header: t("consultation.expertConsultations"), cell: (e) => e._count.consultations, className: "text-right" },
        ]}
      />
      <Pagination page={page} pages={pages} href={href} />
      <section aria-labelledby="add-expert" className="flex max-w-3xl flex-col gap-4 rounded-8 border border-solid-gray-200 p-4">
        <h2 id="add-expert" className="text-std-20B-150">{t("consultation.addExpert")}</h2>
        <p>{t("consultation.addExpertIntro")}</p>
        {a?.fieldErrors ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}
        <ActionForm schema={ExpertSchema} noValidate className="flex flex-col gap-4">
          <ExpertFields values={a?.values ?? {}} topicIds={a?.lists.topicIds ?? []} topics={topics} fieldErrors={a?.fieldErrors ?? {}} withEmail />
          <div><Button type="submit">{t("consultation.addExpertSubmit")}</Button></div>
        </ActionForm>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultation.expertsTitle");
