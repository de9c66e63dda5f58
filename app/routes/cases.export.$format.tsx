import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportCases } from "~/modules/case/case.server";
import { CaseFilterSchema } from "~/modules/case/themes";
import { notFound } from "~/utils/http.server";
import { textDownload } from "~/utils/download.server";
import { toCsv } from "~/utils/csv";
import { serverT } from "~/utils/i18n.server";
import { resolveLocale } from "~/utils/locale.server";
import { env } from "~/utils/env.server";

// The published cases as open data: CSV (UTF-8 with BOM) or JSON, with the library's filters.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const format = params.format;
  if (format !== "csv" && format !== "json") notFound();
  const filter = CaseFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const cases = await exportCases(filter);
  const rows = cases.map((c) => ({
    id: c.id,
    fiscalYear: c.fiscalYear,
    title: c.title,
    governments: c.municipalities.map((m) => ({ code: m.municipality.code, name: m.municipality.name, prefecture: m.municipality.prefecture.name })),
    themeCategory: c.themeCategory,
    populationBand: c.populationBand,
    problem: c.problem,
    dataUsed: c.dataUsed,
    method: c.method,
    result: c.result,
    outcome: c.outcome,
    contactDepartment: c.contactDepartment,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    slides: c.files.map((f) => ({ name: f.fileName, url: `${env().appUrl}/cases/${c.id}/files/${f.id}` })),
  }));
  if (format === "json") return textDownload("cases.json", "application/json", JSON.stringify({ data: rows }, null, 2));
  const t = serverT(await resolveLocale(request, null));
  const header = ["id", "fiscalYear", "title", "governmentCodes", "governments", "themeCategory", "populationBand", "problem", "dataUsed", "method", "result", "outcome", "contactDepartment", "publishedAt", "slides"].map((k) => t(`case.csv.${k}`));
  const body = rows.map((r) => [r.id, r.fiscalYear, r.title, r.governments.map((g) => g.code).join(" "), r.governments.map((g) => g.name).join(t("format.list")), t(`case.theme.${r.themeCategory}`), t(`case.population.${r.populationBand}`), r.problem, r.dataUsed, r.method, r.result, r.outcome, r.contactDepartment, r.publishedAt?.slice(0, 10) ?? "", r.slides.map((f) => f.url).join(" ")]);
  return textDownload(`${t("case.libraryTitle")}.csv`, "text/csv", toCsv([header, ...body]));
}
