import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { searchPool } from "~/modules/facilitator/pool.server";
import { PoolFilterSchema, TRAINING_LEVELS } from "~/modules/facilitator/levels";
import { listPrefectures } from "~/modules/municipality/municipality.server";
import { requirePermission } from "~/utils/session.server";
import { formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/ui/data-table";
import { SelectField } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Pagination, usePageHref } from "~/components/ui/pagination";

// The facilitator pool across regions, for staffing a new academy: search by name, prefecture
// (their own or where they have facilitated), training level and sessions led.

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:facilitator_pool:any");
  const filter = PoolFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, prefectures] = await Promise.all([searchPool(filter), listPrefectures()]);
  return { filter, prefectures: prefectures.map((p) => ({ code: p.code, name: p.name })), ...result };
}

export default function FacilitatorPool() {
  const { filter, prefectures, people, total, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const href = usePageHref();
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("facilitator.poolTitle")}</h1>
      <p>{t("facilitator.poolIntro")}</p>
      <Form method="get" className="grid grid-cols-1 gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-4 md:items-end">
        <TextField label={t("facilitator.search")} name="q" type="search" hint={t("facilitator.searchHint")} defaultValue={filter.q ?? ""} />
        <SelectField label={t("filter.prefecture")} name="prefecture" hint={t("facilitator.prefectureHint")} defaultValue={filter.prefecture ?? ""}>
          <option value="">{t("filter.all")}</option>
          {prefectures.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
        </SelectField>
        <SelectField label={t("facilitator.levelFilter")} name="level" defaultValue={filter.level ?? ""}>
          <option value="">{t("filter.all")}</option>
          <option value="trained">{t("facilitator.trained")}</option>
          {TRAINING_LEVELS.map((l) => <option key={l} value={l}>{t("facilitator.levelNow", { level: t(`facilitator.level.${l}`) })}</option>)}
          <option value="untrained">{t("facilitator.untrained")}</option>
        </SelectField>
        <TextField label={t("facilitator.minLed")} name="minLed" inputMode="numeric" defaultValue={filter.minLed ? String(filter.minLed) : ""} />
        <div className="md:col-span-4"><Button type="submit">{t("filter.apply")}</Button></div>
      </Form>
      <p>{t("facilitator.poolCount", { count: total })}</p>
      <DataTable
        caption={t("facilitator.poolTitle")}
        captionHidden
        cards
        rows={people}
        rowKey={(p) => p.id}
        empty={t("facilitator.poolEmpty")}
        columns={[
          { key: "name", header: t("facilitator.person"), className: "whitespace-nowrap", cell: (p) => <Link to={`/facilitators/${p.id}`}>{p.displayName}</Link> },
          { key: "org", header: t("facilitator.organisation"), cell: (p) => [p.municipality ? t("format.withParen", { text: p.municipality, paren: p.prefecture }) : "", p.department].filter(Boolean).join(" ") || "—" },
          { key: "level", header: t("facilitator.levelColumn"), cell: (p) => (p.level ? t(`facilitator.level.${p.level}`) : p.trainings ? "—" : t("facilitator.untrainedShort")) },
          { key: "led", header: t("facilitator.sessionRole.lead"), className: "text-right whitespace-nowrap", cell: (p) => p.led },
          { key: "co", header: t("facilitator.sessionRole.co_facilitator"), className: "text-right whitespace-nowrap", cell: (p) => p.coFacilitated },
          { key: "obs", header: t("facilitator.sessionRole.observer"), className: "text-right whitespace-nowrap", cell: (p) => p.observed },
          { key: "academies", header: t("facilitator.academies"), className: "text-right", cell: (p) => p.academies },
          { key: "regions", header: t("facilitator.regions"), cell: (p) => p.regions ?? "—" },
          { key: "last", header: t("facilitator.lastYear"), cell: (p) => (p.lastYear ? formatFiscalYear(p.lastYear, locale) : "—") },
          { key: "email", header: t("fields.email"), cell: (p) => p.email },
        ]}
      />
      <Pagination page={page} pages={pages} href={href} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitator.poolTitle");
