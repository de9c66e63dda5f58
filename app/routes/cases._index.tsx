import { Form, Link, useLoaderData, useLocation, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { publicCases } from "~/modules/case/case.server";
import { CASE_THEMES, CaseFilterSchema, POPULATION_BANDS } from "~/modules/case/themes";
import { listPrefectures } from "~/modules/municipality/municipality.server";
import { formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { SelectField } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";
import { Button } from "~/components/ui/button";
import { Pagination, usePageHref } from "~/components/ui/pagination";

// The public case library (事例): what governments did with their own data, searchable and
// filterable by theme, size, prefecture and data used; no sign-in, no personal data.

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = CaseFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, prefectures] = await Promise.all([publicCases(filter), listPrefectures()]);
  return { filter, prefectures: prefectures.map((p) => ({ code: p.code, name: p.name })), ...result };
}

export default function CaseLibrary() {
  const { filter, prefectures, cases, total, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const query = usePageHref();
  const { search } = useLocation();
  const exportQuery = new URLSearchParams(search);
  exportQuery.delete("page");
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("case.libraryTitle")}</h1>
      <p>{t("case.libraryIntro")}</p>
      <Form method="get" className="grid grid-cols-1 gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-3 lg:grid-cols-5 lg:items-end">
        <TextField label={t("case.keyword")} name="q" type="search" defaultValue={filter.q ?? ""} />
        <SelectField label={t("case.themeLabel")} name="theme" defaultValue={filter.theme ?? ""}>
          <option value="">{t("filter.all")}</option>
          {CASE_THEMES.map((c) => <option key={c} value={c}>{t(`case.theme.${c}`)}</option>)}
        </SelectField>
        <SelectField label={t("case.populationLabel")} name="population" defaultValue={filter.population ?? ""}>
          <option value="">{t("filter.all")}</option>
          {POPULATION_BANDS.map((b) => <option key={b} value={b}>{t(`case.population.${b}`)}</option>)}
        </SelectField>
        <SelectField label={t("filter.prefecture")} name="prefecture" defaultValue={filter.prefecture ?? ""}>
          <option value="">{t("filter.all")}</option>
          {prefectures.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
        </SelectField>
        <TextField label={t("case.dataFilter")} name="data" hint={t("case.dataFilterHint")} defaultValue={filter.data ?? ""} />
        <div className="md:col-span-3 lg:col-span-5"><Button type="submit">{t("filter.apply")}</Button></div>
      </Form>
      <p className="flex flex-wrap items-center gap-4">
        <span>{t("case.count", { count: total })}</span>
        <a href={`/cases/export/csv?${exportQuery}`}>{t("kpi.downloadCsv")}</a>
        <a href={`/cases/export/json?${exportQuery}`}>{t("case.downloadJson")}</a>
      </p>
      {cases.length === 0 ? <p>{t("case.none")}</p> : null}
      <ul className="flex flex-col gap-4">
        {cases.map((c) => (
          <li key={c.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
            <p className="text-dns-14N-130 text-solid-gray-700">
              {formatFiscalYear(c.fiscalYear, locale, true)} · {t("format.withParen", { text: c.municipalities.map((m) => m.municipality.name).join(t("format.list")), paren: [...new Set(c.municipalities.map((m) => m.municipality.prefecture.name))].join(t("format.list")) })} · {t(`case.theme.${c.themeCategory}`)} · {t(`case.population.${c.populationBand}`)}
            </p>
            <h2 className="text-std-20B-150"><Link to={`/cases/${c.id}`}>{c.title}</Link></h2>
            <p className="line-clamp-3">{c.problem}</p>
            {c.dataUsed ? <p className="text-dns-14N-130">{t("case.field.dataUsed")}: {c.dataUsed}</p> : null}
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} href={query} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "case.libraryTitle");
