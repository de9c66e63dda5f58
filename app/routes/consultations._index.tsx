import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { consultationCounts, isConsultationCoordinator, listConsultations } from "~/modules/consultation/consultation.server";
import { listTopics } from "~/modules/consultation/topics.server";
import { topicLabel } from "~/modules/consultation/topics";
import { CONSULTATION_STATUSES, ConsultationFilterSchema } from "~/modules/consultation/schemas";
import { requireUser } from "~/utils/session.server";
import { formatTimeRange, formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";
import { SelectField } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Pagination, usePageHref } from "~/components/ui/pagination";
import { ConsultationStatusBadge } from "~/components/consultation/status-badge";

// Expert consultations (相談会): coordinators see every one with counts per status; a government
// sees the ones it asked for, an expert the ones they advise in.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filter = ConsultationFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const coordinator = isConsultationCoordinator(user);
  const [result, topics, counts] = await Promise.all([listConsultations(user, filter), listTopics(true), coordinator ? consultationCounts(filter.fy) : null]);
  return { filter, coordinator, topics: topics.map((t) => ({ id: t.id, label: t.label, labelEn: t.labelEn })), counts, ...result };
}

export default function Consultations() {
  const { filter, coordinator, topics, counts, consultations, total, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const href = usePageHref();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("consultation.title")}</h1>
      <p>{t("consultation.intro")}</p>
      <p className="flex flex-wrap gap-4">
        <Link to="/consultations/new" className="font-bold">{t("consultation.requestNew")}</Link>
        {coordinator ? <Link to="/consultations/experts">{t("consultation.expertsTitle")}</Link> : null}
        {coordinator ? <Link to="/consultations/topics">{t("consultation.topicsTitle")}</Link> : null}
      </p>
      {counts ? (
        <ul className="flex flex-wrap gap-3" aria-label={t("consultation.countsLabel")}>
          {CONSULTATION_STATUSES.map((s) => (
            <li key={s} className="rounded-8 border border-solid-gray-420 px-4 py-2">
              <Link to={`/consultations?status=${s}${filter.fy ? `&fy=${filter.fy}` : ""}`}>
                <ConsultationStatusBadge status={s} /> <span className="text-std-20B-150">{counts[s] ?? 0}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="get" className="grid grid-cols-1 gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-4 md:items-end">
        <TextField label={t("consultation.keyword")} name="q" type="search" defaultValue={filter.q ?? ""} />
        <SelectField label={t("consultation.statusLabel")} name="status" defaultValue={filter.status ?? ""}>
          <option value="">{t("filter.all")}</option>
          {CONSULTATION_STATUSES.map((s) => <option key={s} value={s}>{t(`consultation.status.${s}`)}</option>)}
        </SelectField>
        <SelectField label={t("consultation.topic")} name="topic" defaultValue={filter.topic ?? ""}>
          <option value="">{t("filter.all")}</option>
          {topics.map((tp) => <option key={tp.id} value={tp.id}>{topicLabel(tp, locale)}</option>)}
        </SelectField>
        <TextField label={t("academy.fiscalYear")} name="fy" inputMode="numeric" defaultValue={filter.fy ? String(filter.fy) : ""} />
        <div className="md:col-span-4"><Button type="submit">{t("filter.apply")}</Button></div>
      </Form>
      <p>{t("consultation.count", { count: total })}</p>
      <DataTable
        caption={t("consultation.title")}
        captionHidden
        cards
        rows={consultations}
        rowKey={(c) => c.id}
        empty={t("consultation.none")}
        columns={[
          { key: "title", header: t("consultation.fieldTitle"), cell: (c) => <Link to={`/consultations/${c.id}`}>{c.title}</Link> },
          { key: "gov", header: t("consultation.government"), cell: (c) => t("format.withParen", { text: c.municipality.name, paren: c.municipality.prefecture.name }) },
          { key: "topic", header: t("consultation.topic"), cell: (c) => topicLabel(c.topic, locale) },
          { key: "status", header: t("consultation.statusLabel"), cell: (c) => <ConsultationStatusBadge status={c.status} /> },
          {
            key: "when",
            header: t("consultation.when"),
            cell: (c) => (c.startsAt && c.endsAt ? formatTimeRange(new Date(c.startsAt), new Date(c.endsAt), locale) : t("consultation.notScheduled")),
          },
          { key: "experts", header: t("consultation.experts"), cell: (c) => c.experts.join(t("format.list")) || "—" },
          {
            key: "actions",
            header: t("consultation.openActions"),
            cell: (c) => (c.openActions ? <>{c.openActions}{c.overdueActions ? <span className="ml-2 font-bold text-error-2">{t("consultation.overdueActions", { count: c.overdueActions })}</span> : null}</> : "—"),
          },
          { key: "fy", header: t("academy.fiscalYear"), cell: (c) => formatFiscalYear(c.fiscalYear, locale) },
        ]}
      />
      <Pagination page={page} pages={pages} href={href} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultation.title");
