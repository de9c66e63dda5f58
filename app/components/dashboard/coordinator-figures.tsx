import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import { DataTable } from "~/components/ui/data-table";
import { ACADEMY_STATUSES } from "~/modules/academy/status";
import { stageLabelKey } from "~/modules/stage/stages";
import type { DashboardCharts } from "~/modules/dashboard/charts.server";
import type { Series } from "~/components/charts/bars";
import { useBars } from "~/components/charts/use-bars";

// The coordinator dashboard's charts: each a <figure> with a caption, the bars, and a table of
// the same numbers (the accessible alternative, also what prints). The bars arrive after the
// page has loaded.

const GREY = "#666666";
const BLUE = "#0017C1";
const GREEN = "#197A4B";
const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * One chart: its caption, the bars, and the same numbers as a table behind a disclosure (read by
 * screen readers and printed open). Nothing to show: a sentence saying so, not a chart of zeros.
 */
function Figure({ id, caption, chart, children, empty = false }: { id: string; caption: string; chart: ReactNode; children: ReactNode; empty?: boolean }) {
  const { t } = useTranslation();
  return (
    <figure aria-labelledby={`${id}-caption`} className="flex flex-col gap-3 rounded-8 border border-solid-gray-200 p-4" data-empty={empty ? "" : undefined}>
      <figcaption id={`${id}-caption`} className="text-std-18B-160">{caption}</figcaption>
      {empty ? (
        <p className="text-solid-gray-700">{t("charts.nothingYet")}</p>
      ) : (
        <>
          <div aria-hidden="true" className="h-56 w-full">{chart}</div>
          <details className="figure-table">
            <summary className="cursor-pointer text-dns-16B-130 text-blue-1000 underline">{t("charts.showTable")}</summary>
            <div className="mt-2">{children}</div>
          </details>
        </>
      )}
    </figure>
  );
}

const none = (values: readonly (number | null | undefined)[]) => values.every((v) => !v);

export function CoordinatorFigures({ charts, byStatus, byStage }: { charts: DashboardCharts; byStatus: Record<string, number>; byStage: Record<string, number> }) {
  const { t } = useTranslation();
  const draw = useBars();
  const bars = (data: Record<string, string | number | null>[], series: Series[], max?: number, unit?: string) => draw({ data, series, max, unit });
  const stageKeys = Object.keys(byStage);
  const monthLabel = (m: string) => t("charts.month", { month: Number(m.slice(5)) });
  return (
    <section aria-labelledby="charts-heading" className="flex flex-col gap-4">
      <h2 id="charts-heading">{t("charts.title")}</h2>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Figure id="chart-status" caption={t("charts.status")} empty={none(ACADEMY_STATUSES.map((st) => byStatus[st]))} chart={bars(ACADEMY_STATUSES.map((s) => ({ name: t(`academy.status.${s}`), n: byStatus[s] ?? 0 })), [{ key: "n", name: t("charts.academies"), colour: BLUE }])}>
          <DataTable caption={t("charts.status")} captionHidden rows={[...ACADEMY_STATUSES]} rowKey={(s) => s} columns={[
            { key: "s", header: t("academy.statusLabel"), cell: (s) => t(`academy.status.${s}`) },
            { key: "n", header: t("charts.academies"), cell: (s) => String(byStatus[s] ?? 0), className: "text-right" },
          ]} />
        </Figure>
        <Figure id="chart-sessions" caption={t("charts.sessions")} empty={none(charts.sessionsByMonth.flatMap((m) => [m.planned, m.held]))} chart={bars(charts.sessionsByMonth.map((m) => ({ name: monthLabel(m.month), planned: m.planned, held: m.held })), [{ key: "planned", name: t("charts.planned"), colour: GREY }, { key: "held", name: t("charts.held"), colour: BLUE }])}>
          <DataTable caption={t("charts.sessions")} captionHidden rows={charts.sessionsByMonth} rowKey={(m) => m.month} columns={[
            { key: "m", header: t("charts.monthHeader"), cell: (m) => monthLabel(m.month) },
            { key: "p", header: t("charts.planned"), cell: (m) => String(m.planned), className: "text-right" },
            { key: "h", header: t("charts.held"), cell: (m) => String(m.held), className: "text-right" },
          ]} />
        </Figure>
        <Figure id="chart-stages" caption={t("charts.stages")} empty={none(stageKeys.map((k) => byStage[k]))} chart={bars(stageKeys.map((k) => ({ name: k === "finished" ? t("charts.finished") : t(stageLabelKey(k)), n: byStage[k] ?? 0 })), [{ key: "n", name: t("charts.teams"), colour: BLUE }])}>
          <DataTable caption={t("charts.stages")} captionHidden rows={stageKeys} rowKey={(k) => k} empty={t("charts.noData")} columns={[
            { key: "k", header: t("charts.currentStage"), cell: (k) => (k === "finished" ? t("charts.finished") : t(stageLabelKey(k))) },
            { key: "n", header: t("charts.teams"), cell: (k) => String(byStage[k] ?? 0), className: "text-right" },
          ]} />
        </Figure>
        <Figure id="chart-attendance" caption={t("charts.attendance")} empty={none(charts.attendance.map((a) => a.recorded))} chart={bars(charts.attendance.map((a) => ({ name: t("session.numbered", { n: a.sequence }), rate: Math.round(a.rate * 100) })), [{ key: "rate", name: t("charts.rate"), colour: GREEN }], 100, "%")}>
          <DataTable caption={t("charts.attendance")} captionHidden rows={charts.attendance} rowKey={(a) => String(a.sequence)} empty={t("charts.noData")} columns={[
            { key: "s", header: t("charts.session"), cell: (a) => t("session.numbered", { n: a.sequence }) },
            { key: "r", header: t("charts.recorded"), cell: (a) => String(a.recorded), className: "text-right" },
            { key: "a", header: t("charts.attended"), cell: (a) => String(a.attended), className: "text-right" },
            { key: "p", header: t("charts.rate"), cell: (a) => pct(a.rate), className: "text-right" },
          ]} />
        </Figure>
        <Figure id="chart-prelearning" caption={t("charts.preLearning")} empty={none([charts.preLearning.participants])} chart={bars([{ name: t("charts.preLearningShort"), done: charts.preLearning.completed, open: charts.preLearning.participants - charts.preLearning.completed }], [{ key: "done", name: t("charts.completed"), colour: GREEN }, { key: "open", name: t("charts.notCompleted"), colour: GREY }])}>
          <p>{t("charts.preLearningText", { completed: charts.preLearning.completed, participants: charts.preLearning.participants, rate: pct(charts.preLearning.rate) })}</p>
        </Figure>
        <Figure id="chart-skills" caption={t("charts.skills")} empty={none(charts.skills.flatMap((sk) => [sk.pre, sk.post]))} chart={bars(charts.skills.map((s) => ({ name: t(`survey.itemShort.${s.item}`), pre: s.pre, post: s.post })), [{ key: "pre", name: t("survey.pre"), colour: GREY }, { key: "post", name: t("survey.post"), colour: BLUE }], 5)}>
          <DataTable caption={t("charts.skills")} captionHidden rows={charts.skills} rowKey={(s) => s.item} columns={[
            { key: "i", header: t("survey.item.label"), cell: (s) => t(`survey.item.${s.item}`) },
            { key: "pre", header: t("survey.pre"), cell: (s) => (s.pre === null ? "—" : s.pre.toFixed(2)), className: "text-right" },
            { key: "post", header: t("survey.post"), cell: (s) => (s.post === null ? "—" : s.post.toFixed(2)), className: "text-right" },
            { key: "d", header: t("survey.delta"), cell: (s) => (s.pre !== null && s.post !== null ? `${s.post - s.pre >= 0 ? "+" : "−"}${Math.abs(s.post - s.pre).toFixed(2)}` : "—"), className: "text-right" },
          ]} />
        </Figure>
        <Figure id="chart-outcomes" caption={t("charts.outcomes")} empty={none(charts.outcomes.map((o) => o.teams))} chart={bars(charts.outcomes.map((o) => ({ name: t(`outcome.status.${o.status}`), n: o.teams })), [{ key: "n", name: t("charts.teams"), colour: BLUE }])}>
          <DataTable caption={t("charts.outcomes")} captionHidden rows={charts.outcomes} rowKey={(o) => o.status} columns={[
            { key: "s", header: t("charts.outcomeStatus"), cell: (o) => t(`outcome.status.${o.status}`) },
            { key: "n", header: t("charts.teams"), cell: (o) => String(o.teams), className: "text-right" },
          ]} />
        </Figure>
      </div>
    </section>
  );
}
