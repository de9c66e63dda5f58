import { useTranslation } from "~/utils/use-translation";
import { useBars } from "~/components/charts/use-bars";
import { DataTable } from "~/components/ui/data-table";

// Survey charts. Each figure has a caption and the same numbers as a table (the chart is hidden
// from screen readers; the table is the accessible alternative). The bars arrive after the page.

const PRE = "#666666";
const POST = "#0017C1";
const fmt = (v: number | null) => (v === null ? "—" : v.toFixed(2));
const SCALE = [0, 1, 2, 3, 4, 5];

function Figure({ id, caption, children, table }: { id: string; caption: string; children: React.ReactNode; table: React.ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="flex flex-col gap-3 rounded-8 border border-solid-gray-200 p-4">
      <figcaption id={`${id}-caption`} className="text-std-20B-150">{caption}</figcaption>
      <div aria-hidden="true" className="h-72 w-full">{children}</div>
      {table}
    </figure>
  );
}

export interface SkillRow { item: string; pre: number | null; post: number | null }
export function SkillsChart({ rows, nPre, nPost }: { rows: SkillRow[]; nPre: number; nPost: number }) {
  const { t } = useTranslation();
  const bars = useBars();
  const data = rows.map((r) => ({ name: t(`survey.itemShort.${r.item}`), pre: r.pre, post: r.post }));
  return (
    <Figure
      id="skills"
      caption={t("survey.chart.skills", { pre: nPre, post: nPost })}
      table={
        <DataTable
          caption={t("survey.chart.skillsTable")}
          rows={rows}
          rowKey={(r) => r.item}
          columns={[
            { key: "item", header: t("survey.item.label"), cell: (r) => t(`survey.item.${r.item}`) },
            { key: "pre", header: t("survey.pre"), cell: (r) => fmt(r.pre) },
            { key: "post", header: t("survey.post"), cell: (r) => fmt(r.post) },
            { key: "delta", header: t("survey.delta"), cell: (r) => (r.pre !== null && r.post !== null ? (r.post - r.pre >= 0 ? "+" : "") + (r.post - r.pre).toFixed(2) : "—") },
          ]}
        />
      }
    >
      {bars({ data, series: [{ key: "pre", name: t("survey.pre"), colour: PRE }, { key: "post", name: t("survey.post"), colour: POST }], max: 5, ticks: SCALE })}
    </Figure>
  );
}

export interface RateRow { key: string; label: string; n: number; rate: number }
export function ResponseRateChart({ rows, participants }: { rows: RateRow[]; participants: number }) {
  const { t } = useTranslation();
  const bars = useBars();
  return (
    <Figure
      id="rates"
      caption={t("survey.chart.rates", { count: participants })}
      table={
        <DataTable
          caption={t("survey.chart.ratesTable")}
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { key: "survey", header: t("survey.survey"), cell: (r) => r.label },
            { key: "n", header: t("survey.responses"), cell: (r) => String(r.n) },
            { key: "rate", header: t("survey.rate"), cell: (r) => `${Math.round(r.rate * 100)}%` },
          ]}
        />
      }
    >
      {bars({ data: rows.map((r) => ({ name: r.label, rate: Math.round(r.rate * 100) })), series: [{ key: "rate", name: t("survey.rate"), colour: POST }], max: 100, unit: "%" })}
    </Figure>
  );
}

export interface SatisfactionRow { sequence: number; n: number; overall: number | null; usefulness: number | null }
export function SatisfactionChart({ rows }: { rows: SatisfactionRow[] }) {
  const { t } = useTranslation();
  const bars = useBars();
  return (
    <Figure
      id="satisfaction"
      caption={t("survey.chart.satisfaction")}
      table={
        <DataTable
          caption={t("survey.chart.satisfactionTable")}
          rows={rows}
          rowKey={(r) => String(r.sequence)}
          columns={[
            { key: "session", header: t("survey.session"), cell: (r) => t("session.numbered", { n: r.sequence }) },
            { key: "n", header: t("survey.responses"), cell: (r) => String(r.n) },
            { key: "overall", header: t("survey.item.overall"), cell: (r) => fmt(r.overall) },
            { key: "usefulness", header: t("survey.item.usefulness"), cell: (r) => fmt(r.usefulness) },
          ]}
        />
      }
    >
      {bars({
        data: rows.map((r) => ({ name: t("session.numbered", { n: r.sequence }), overall: r.overall, usefulness: r.usefulness })),
        series: [{ key: "overall", name: t("survey.itemShort.overall"), colour: POST }, { key: "usefulness", name: t("survey.itemShort.usefulness"), colour: PRE }],
        max: 5,
        ticks: SCALE,
      })}
    </Figure>
  );
}
