import { Form, Link, useLoaderData, useLocation, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/utils/session.server";
import { forbidden } from "~/utils/http.server";
import { queueScope } from "~/modules/deliverable/review.server";
import { progressBoard } from "~/modules/progress/board.server";
import { ATTENTION, boardFilter, boardQuery, STALLED_AFTER_DAYS } from "~/modules/progress/filter";
import { stageLabelKey } from "~/modules/stage/stages";
import { formatDate, formatFiscalYear, fiscalYearOf } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { Pagination } from "~/components/ui/pagination";
import { StateMark, STATE_ORDER } from "~/components/progress/state-cell";

// The progress board: every team × stage of a fiscal year across regions, the teams that need
// attention first in the summary, each row leading to the team's workspace.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!queueScope(user)) forbidden();
  const filter = boardFilter(new URL(request.url));
  const board = await progressBoard(user, filter);
  return { filter, currentFiscalYear: fiscalYearOf(new Date()), ...board };
}

export default function ProgressBoardPage() {
  const { filter, currentFiscalYear, summary, stageKeys, rows, shownCount, page, pages, options, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { search } = useLocation();
  const years = Array.from({ length: 11 }, (_, i) => currentFiscalYear + 1 - i);
  const daysAgo = (ms: number) => (ms < 86_400_000 ? t("progress.today") : t("progress.daysAgo", { count: Math.floor(ms / 86_400_000) }));
  const attentionLink = (attention: (typeof ATTENTION)[number]) => boardQuery({ ...filter, attention });
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("progress.title", { fy: formatFiscalYear(filter.fiscalYear, locale, true) })}</h1>
      <Form method="get" className="no-print grid grid-cols-1 gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <SelectField label={t("kpi.fiscalYear")} name="fy" defaultValue={String(filter.fiscalYear)}>
          {years.map((y) => (
            <option key={y} value={y}>{formatFiscalYear(y, locale, true)}</option>
          ))}
        </SelectField>
        <SelectField label={t("filter.prefecture")} name="prefecture" defaultValue={filter.prefecture ?? ""}>
          <option value="">{t("filter.all")}</option>
          {options.prefectures.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </SelectField>
        <SelectField label={t("academy.region")} name="region" defaultValue={filter.regionId ?? ""}>
          <option value="">{t("filter.all")}</option>
          {options.regions.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </SelectField>
        <SelectField label={t("progress.academy")} name="academy" defaultValue={filter.academyId ?? ""}>
          <option value="">{t("filter.all")}</option>
          {options.academies.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </SelectField>
        <SelectField label={t("progress.facilitator")} name="facilitator" defaultValue={filter.facilitatorId ?? ""}>
          <option value="">{t("filter.all")}</option>
          {options.facilitators.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </SelectField>
        <SelectField label={t("progress.attentionLabel")} name="attention" defaultValue={filter.attention}>
          {ATTENTION.map((a) => <option key={a} value={a}>{t(`progress.attention.${a}`)}</option>)}
        </SelectField>
        <div className="md:col-span-3 lg:col-span-6">
          <Button type="submit">{t("filter.apply")}</Button>
        </div>
      </Form>

      <section aria-labelledby="summary-heading" className="flex flex-col gap-2">
        <h2 id="summary-heading" className="sr-only">{t("progress.summary")}</h2>
        <ul className="flex flex-wrap gap-3">
          <li className="rounded-8 border border-solid-gray-420 px-4 py-2">
            <Link to={attentionLink("all")}>{t("progress.summaryTeams", { count: summary.teams })}</Link>
          </li>
          <li className={`rounded-8 border px-4 py-2 ${summary.overdue > 0 ? "border-error-2 bg-red-50" : "border-solid-gray-420"}`}>
            <Link to={attentionLink("overdue")}>{t("progress.summaryOverdue", { count: summary.overdue })}</Link>
          </li>
          <li className={`rounded-8 border px-4 py-2 ${summary.stalled > 0 ? "border-warning-yellow-2 bg-yellow-50" : "border-solid-gray-420"}`}>
            <Link to={attentionLink("stalled")}>{t("progress.summaryStalled", { count: summary.stalled })}</Link>
          </li>
        </ul>
        <p className="text-dns-14N-130 text-solid-gray-700">{t("progress.definitions", { days: STALLED_AFTER_DAYS })}</p>
      </section>

      <p className="no-print flex flex-wrap items-center gap-4">
        <a href={`/progress/xlsx${search}`}>{t("kpi.downloadXlsx")}</a>
        <a href={`/progress/csv${search}`}>{t("kpi.downloadCsv")}</a>
      </p>

      {rows.length === 0 ? (
        <p>{t("progress.empty")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="board-caption">
          <table className="w-full border-collapse text-left">
            <caption id="board-caption" className="text-left text-std-18B-160">
              {t("progress.caption", { count: shownCount })}
            </caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-900">
                <th scope="col" className="p-2">{t("progress.team")}</th>
                {stageKeys.map((k) => (
                  <th key={k} scope="col" className="p-2">{t(stageLabelKey(k))}</th>
                ))}
                <th scope="col" className="p-2">{t("progress.lastActivity")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-solid-gray-200 align-top">
                  <th scope="row" className="p-2 font-normal">
                    <Link to={`/academies/${r.academyId}/teams/${r.id}`} className="font-bold">{r.name}</Link>
                    <span className="block text-dns-14N-130 text-solid-gray-700">
                      <Link to={`/academies/${r.academyId}`} className="inline-block py-1">{r.academyName}</Link>
                      {r.facilitatorName ? ` · ${t("progress.reviewer", { name: r.facilitatorName })}` : ""}
                    </span>
                    {r.overdue ? <span className="mr-2 text-dns-14B-120 text-error-2">{t("progress.flag.overdue")}</span> : null}
                    {r.stalled ? <span className="text-dns-14B-120 text-solid-gray-900">{t("progress.flag.stalled")}</span> : null}
                  </th>
                  {stageKeys.map((k) => {
                    const cell = r.cells[k];
                    return (
                      <td key={k} className="p-2">
                        {cell ? (
                          <Link to={`/academies/${r.academyId}/teams/${r.id}/stages/${cell.stageId}`} className="no-underline hover:underline">
                            <StateMark state={cell.state} />
                          </Link>
                        ) : (
                          <span className="text-solid-gray-700">—<span className="sr-only">{t("progress.noStage")}</span></span>
                        )}
                        {cell?.dueAt && (cell.state === "overdue" || cell.state === "current") ? (
                          <span className="block text-dns-14N-130 text-solid-gray-700">{t("path.dueShort", { date: formatDate(new Date(cell.dueAt), locale) })}</span>
                        ) : null}
                      </td>
                    );
                  })}
                  <td className="p-2 whitespace-nowrap">{daysAgo(new Date(now).getTime() - new Date(r.lastActivityAt).getTime())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} href={(p) => `/progress${boardQuery(filter, p)}`} />
      <section aria-labelledby="legend-heading" className="flex flex-col gap-2">
        <h2 id="legend-heading" className="text-std-18B-160">{t("progress.legend")}</h2>
        <ul className="flex flex-wrap gap-3">
          {STATE_ORDER.map((s) => (
            <li key={s} className="flex items-center gap-2">
              <StateMark state={s} />
              <span className="text-dns-14N-130">{t(`progress.stateHelp.${s}`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.progress");
