import { Form, Link, useLoaderData, useLocation, type MetaFunction } from "@remix-run/react";
import { ActionForm } from "~/components/ui/action-form";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/utils/session.server";
import { readForm } from "~/utils/form-body.server";
import { PROGRESS_INTENTS } from "~/modules/progress/intents.server";
import { queueScope } from "~/modules/deliverable/review.server";
import { forbidden } from "~/utils/http.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
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
import { DataTable } from "~/components/ui/data-table";

// The progress board: every team × stage of a fiscal year across regions, the teams that need
// attention first in the summary, each row leading to the team's workspace.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!queueScope(user)) forbidden();
  const filter = boardFilter(new URL(request.url));
  const board = await progressBoard(user, filter);
  return { filter, currentFiscalYear: fiscalYearOf(new Date()), ...board };
}

/** One action: remind an overdue team (remind.server.ts); back to the same filter and page. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // back to the board as it was filtered
  return answerIntent(await runIntent(PROGRESS_INTENTS, { user }, await readForm(request)), `/progress${new URL(request.url).search}`);
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

      <DataTable
        caption={t("progress.caption", { count: shownCount })}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("progress.empty")}
        columns={[
          {
            key: "team",
            header: t("progress.team"),
            className: "font-normal",
            cell: (r) => (
              <>
                <Link to={`/academies/${r.academyId}/teams/${r.id}`} className="font-bold">{r.name}</Link>
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  <Link to={`/academies/${r.academyId}`} className="inline-block py-1">{r.academyName}</Link>
                  {r.facilitatorName ? ` · ${t("progress.reviewer", { name: r.facilitatorName })}` : ""}
                </span>
                {r.overdue ? <span className="mr-2 text-dns-14B-120 text-error-2">{t("progress.flag.overdue")}</span> : null}
                {r.overdue ? (
                  <ActionForm className="no-print mt-1 inline-block">
                    <input type="hidden" name="intent" value="remind" />
                    <input type="hidden" name="teamId" value={r.id} />
                    <button type="submit" className="rounded-4 border border-blue-900 px-2 py-1 text-dns-14B-120 text-blue-1000" aria-label={t("progress.remind.buttonFor", { team: r.name })}>
                      {t("progress.remind.button")}
                    </button>
                  </ActionForm>
                ) : null}
                {r.stalled ? <span className="text-dns-14B-120 text-solid-gray-900">{t("progress.flag.stalled")}</span> : null}
              </>
            ),
          },
          ...stageKeys.map((k) => ({
            key: k,
            header: t(stageLabelKey(k)),
            cell: (r: (typeof rows)[number]) => {
              const cell = r.cells[k];
              return (
                <>
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
                </>
              );
            },
          })),
          { key: "last", header: t("progress.lastActivity"), className: "whitespace-nowrap", cell: (r) => daysAgo(new Date(now).getTime() - new Date(r.lastActivityAt).getTime()) },
        ]}
      />
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
