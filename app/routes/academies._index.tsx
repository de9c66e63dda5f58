import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/utils/session.server";
import { userHasPermission } from "~/modules/account/permissions";
import { AcademyFilterSchema } from "~/modules/academy/schemas";
import { listAcademies, listFiscalYears } from "~/modules/academy/academy.server";
import { ACADEMY_STATUSES } from "~/modules/academy/status";
import { regionOptions } from "~/modules/region/region.server";
import { listPrefectures } from "~/modules/municipality/municipality.server";
import { AcademyStatusBadge } from "~/components/ui/status-badge";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { formatDate, formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { Pagination } from "~/components/ui/pagination";
import { DataTable } from "~/components/ui/data-table";
import { AcademyRegion } from "~/components/dashboard/academy-table";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const everyAcademy = userHasPermission(user, "read:academy:any");
  const filter = AcademyFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, fiscalYears, regions, prefectures] = await Promise.all([
    listAcademies(user, filter, filter.page ?? 1),
    listFiscalYears(),
    everyAcademy ? regionOptions({ includeArchived: true }) : [],
    everyAcademy ? listPrefectures() : [],
  ]);
  return {
    academies: list.academies,
    total: list.total,
    pages: list.pages,
    filter,
    fiscalYears,
    regions: regions.map((r) => ({ id: r.id, name: r.name })),
    prefectures,
    canManage: userHasPermission(user, "create:academy:any"),
  };
}

export default function AcademiesPage() {
  const { academies, total, pages, filter, fiscalYears, regions, prefectures, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const maxSessions = Math.max(4, ...academies.map((a) => a.sessions.length));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>{t("academy.listTitle")}</h1>
        {canManage ? (
          <Link to="/academies/new" className="rounded-8 bg-blue-900 px-6 py-3 text-white no-underline hover:bg-blue-1000 hover:text-white">
            {t("academy.new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="grid grid-cols-1 gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-5 md:items-end">
        <SelectField label={t("academy.fiscalYear")} name="fiscalYear" defaultValue={filter.fiscalYear ?? ""}>
          <option value="">{t("filter.all")}</option>
          {fiscalYears.map((fy) => (
            <option key={fy} value={fy}>{formatFiscalYear(fy, locale, true)}</option>
          ))}
        </SelectField>
        <SelectField label={t("filter.prefecture")} name="prefecture" defaultValue={filter.prefecture ?? ""}>
          <option value="">{t("filter.all")}</option>
          {prefectures.map((p) => (
            <option key={p.code} value={p.code}>{p.name}</option>
          ))}
        </SelectField>
        <SelectField label={t("academy.region")} name="regionId" defaultValue={filter.regionId ?? ""}>
          <option value="">{t("filter.all")}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </SelectField>
        <SelectField label={t("academy.statusLabel")} name="status" defaultValue={filter.status ?? ""}>
          <option value="">{t("filter.all")}</option>
          {ACADEMY_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`academy.status.${s}`)}</option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">{t("filter.apply")}</Button>
      </Form>
      <p role="status">{t("academy.count", { count: total })}</p>
      <DataTable
        caption={t("academy.listTitle")}
        captionHidden
        rows={academies}
        rowKey={(a) => a.id}
        columns={[
          { key: "name", header: t("academy.name"), cell: (a) => <Link to={`/academies/${a.id}`}>{a.name}</Link> },
          { key: "fy", header: t("academy.fiscalYear"), className: "whitespace-nowrap", cell: (a) => formatFiscalYear(a.fiscalYear, locale) },
          { key: "region", header: t("academy.region"), cell: (a) => <AcademyRegion region={a.region} /> },
          { key: "status", header: t("academy.statusLabel"), cell: (a) => <AcademyStatusBadge status={a.status} /> },
          ...Array.from({ length: maxSessions }, (_, i) => ({
            key: `session-${i}`,
            header: t("session.numbered", { n: i + 1 }),
            className: "whitespace-nowrap text-dns-14N-130",
            cell: (a: (typeof academies)[number]) => (a.sessions[i] ? formatDate(new Date(a.sessions[i]!.startsAt), locale) : "—"),
          })),
          { key: "teams", header: t("academy.teams"), className: "text-right whitespace-nowrap", cell: (a) => a._count.teams },
        ]}
      />
      <Pagination
        page={filter.page ?? 1}
        pages={pages}
        href={(page) => `?${new URLSearchParams(Object.entries({ ...filter, page }).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])))}`}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "academy.listTitle");
