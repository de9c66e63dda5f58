import { releasedPreLearningSql } from "~/modules/material/prelearning-rule.server";
import { takingPartSql } from "~/modules/academy/scope.server";
import { prisma, Prisma } from "~/utils/db.server";
import { hoursBetween, instant } from "~/utils/sql.server";
import { keptRead } from "~/utils/read-cache.server";
import { periodRange, type Quarter } from "./periods";
import { KPI_KEYS, type GroupBy, type KpiKey } from "./definitions";

// The KPIs of local data plans, aggregated in SQL for a fiscal year or quarter, per prefecture,
// municipality or region, with the previous fiscal year's figures. Definitions (shown on the page):
// app/modules/kpi/definitions.ts. Every metric is one statement per grouping, so the report sends
// the same number of statements whatever the data size.

type Values = Record<KpiKey, number>;
const zero = (): Values => ({ trained: 0, participants: 0, teams: 0, sessionsHeld: 0, hours: 0, proposalsAdopted: 0 });

/** The key each row is grouped by, per grouping (fixed SQL fragments, never user input). */
const KEY = {
  person: { prefecture: `m."prefectureCode"`, municipality: `e."municipalityCode"`, region: `a."regionId"`, all: `'all'` },
} as const;

interface Window {
  start: Date | string;
  end: Date | string;
  now: Date | string;
}

/** Sessions held in the window (ended inside it and not in the future) with their hours. */
function heldCte(w: Window) {
  return Prisma.sql`held AS (
    SELECT ws."id", ws."academyId", ${hoursBetween(Prisma.sql`ws."startsAt"`, Prisma.sql`ws."endsAt"`)} AS "hours"
    FROM "WorkshopSession" ws WHERE ws."endsAt" >= ${w.start} AND ws."endsAt" < ${w.end} AND ws."endsAt" <= ${w.now})`;
}

/** Joins that give a row of `alias` (an academy id column) its grouping key `k`. */
function placeJoin(groupBy: GroupBy | "all", academyColumn: string) {
  if (groupBy === "region" || groupBy === "all") return { join: Prisma.raw(`JOIN "Academy" a ON a."id" = ${academyColumn}`), key: Prisma.raw(groupBy === "all" ? `'all'` : `a."regionId"`) };
  const join = `JOIN "Academy" a ON a."id" = ${academyColumn} JOIN "RegionMunicipality" rm ON rm."regionId" = a."regionId" JOIN "Municipality" m ON m."code" = rm."municipalityCode"`;
  return { join: Prisma.raw(join), key: Prisma.raw(groupBy === "prefecture" ? `m."prefectureCode"` : `rm."municipalityCode"`) };
}

type Row = { kpi: string; key: string | null; value: number | bigint | null };

/** The statement counting one KPI per grouping key (columns "key", "value"). */
function metricSql(groupBy: GroupBy | "all", w: Window, kpi: KpiKey): Prisma.Sql {
  if (kpi === "sessionsHeld" || kpi === "hours") {
    const place = placeJoin(groupBy, `h."academyId"`);
    // a wide-area session counts once for each prefecture (or municipality) of its region
    return Prisma.sql`
      WITH ${heldCte(w)}
      SELECT "key", ${kpi === "hours" ? Prisma.sql`sum("hours")` : Prisma.sql`count(*)`} AS "value"
      FROM (SELECT DISTINCT h."id", h."hours", ${place.key} AS "key" FROM held h ${place.join}) AS place
      GROUP BY "key"`;
  }
  if (kpi === "participants" || kpi === "trained") {
    const key = Prisma.raw(KEY.person[groupBy]);
    const academies =
      kpi === "participants"
        ? Prisma.sql`WITH ${heldCte(w)}, scope AS (SELECT DISTINCT "academyId" FROM held)`
        : // trained: counted when the academy's last session ends
          Prisma.sql`WITH scope AS (
            SELECT "academyId" FROM "WorkshopSession" GROUP BY "academyId"
            HAVING max("endsAt") >= ${w.start} AND max("endsAt") < ${w.end} AND max("endsAt") <= ${w.now})`;
    const completed =
      kpi === "trained"
        ? Prisma.sql`AND (SELECT count(*) FROM "Attendance" at WHERE at."enrollmentId" = e."id" AND at."status" IN ('present', 'late')) >= a."completionMinSessions"
            AND (a."completionPreLearning" = FALSE OR
              (SELECT count(*) FROM "PreLearningCompletion" p JOIN "AcademyMaterial" am ON am."academyId" = p."academyId" AND am."materialId" = p."materialId" JOIN "Material" mt ON mt."id" = p."materialId"
                WHERE p."userId" = e."userId" AND p."academyId" = e."academyId" AND ${releasedPreLearningSql(w.now)})
              >= (SELECT count(*) FROM "AcademyMaterial" am JOIN "Material" mt ON mt."id" = am."materialId"
                WHERE am."academyId" = e."academyId" AND ${releasedPreLearningSql(w.now)}))`
        : Prisma.empty;
    return Prisma.sql`
      ${academies}
      SELECT ${key} AS "key", count(DISTINCT e."userId") AS "value"
      FROM "Enrollment" e JOIN scope s ON s."academyId" = e."academyId" JOIN "Academy" a ON a."id" = e."academyId"
      LEFT JOIN "Municipality" m ON m."code" = e."municipalityCode"
      WHERE e."role" = 'participant' AND ${takingPartSql("e")} ${completed}
      GROUP BY 1`;
  }
  {
    // teams of academies that held a session in the window; proposals first adopted in the window
    const teamKey = groupBy === "prefecture" ? `m."prefectureCode"` : groupBy === "municipality" ? `tm."municipalityCode"` : groupBy === "region" ? `a."regionId"` : `'all'`;
    const place =
      groupBy === "prefecture" || groupBy === "municipality"
        ? Prisma.raw(`JOIN "TeamMunicipality" tm ON tm."teamId" = t."id" JOIN "Municipality" m ON m."code" = tm."municipalityCode"`)
        : Prisma.empty;
    const scope =
      kpi === "teams"
        ? Prisma.sql`WITH ${heldCte(w)}, scope AS (SELECT DISTINCT t."id" FROM "Team" t JOIN held h ON h."academyId" = t."academyId")`
        : Prisma.sql`WITH scope AS (
            SELECT "teamId" AS "id" FROM "ProposalOutcome" WHERE "status" IN ('adopted_policy', 'budgeted', 'launched_service')
            GROUP BY "teamId" HAVING min("createdAt") >= ${w.start} AND min("createdAt") < ${w.end})`;
    return Prisma.sql`
      ${scope}
      SELECT ${Prisma.raw(teamKey)} AS "key", count(DISTINCT t."id") AS "value"
      FROM scope s JOIN "Team" t ON t."id" = s."id" JOIN "Academy" a ON a."id" = t."academyId" ${place}
      GROUP BY 1`;
  }
}

/** Every KPI of one grouping and window in one statement (a row per KPI and key; REAL: the adapter types a column by its first rows, and hours have decimals). */
async function figures(groupBy: GroupBy | "all", w: Window) {
  const parts = KPI_KEYS.map((k) => Prisma.sql`SELECT ${k} AS "kpi", "key", CAST("value" AS DOUBLE PRECISION) AS "value" FROM (${metricSql(groupBy, w, k)}) AS metric`);
  const rows = await prisma.$queryRaw<Row[]>`${Prisma.join(parts, " UNION ALL ")}`;
  const byKey = new Map<string, Values>();
  for (const r of rows) {
    const key = r.key ?? "";
    const v = byKey.get(key) ?? zero();
    v[r.kpi as KpiKey] = Math.round(Number(r.value ?? 0) * 10) / 10;
    byKey.set(key, v);
  }
  return byKey;
}

function windowOf(fiscalYear: number, quarter: Quarter | null, now: Date): Window {
  const { start, end } = periodRange(fiscalYear, quarter);
  return { start: instant(start), end: instant(end), now: instant(now) };
}

export interface KpiRow {
  key: string;
  label: string;
  prefecture: string | null;
  current: Values;
  previous: Values;
}

/** What the KPIs are counted from: a report is kept until one of these is written (read-cache.server.ts). */
const KPI_TABLES = ["WorkshopSession", "Enrollment", "Academy", "Attendance", "PreLearningCompletion", "AcademyMaterial", "Material", "Team", "TeamMunicipality", "ProposalOutcome", "RegionMunicipality", "Municipality", "Prefecture", "Region"];

/** The report of a fiscal year (or quarter) per grouping, with the previous year's figures; programme-wide, the same for everyone allowed to read it. */
export function kpiReport(input: { fiscalYear: number; quarter: Quarter | null; groupBy: GroupBy }, now = new Date()) {
  return keptRead(`kpi:${input.fiscalYear}:${input.quarter ?? "year"}:${input.groupBy}`, KPI_TABLES, () => countReport(input, now));
}

async function countReport(input: { fiscalYear: number; quarter: Quarter | null; groupBy: GroupBy }, now: Date) {
  const current = windowOf(input.fiscalYear, input.quarter, now);
  const previous = windowOf(input.fiscalYear - 1, input.quarter, now);
  const [rows, prevRows, total, prevTotal] = await Promise.all([figures(input.groupBy, current), figures(input.groupBy, previous), figures("all", current), figures("all", previous)]);
  const keys = [...new Set([...rows.keys(), ...prevRows.keys()])];
  const labels = await labelsOf(input.groupBy, keys.filter(Boolean));
  const out: KpiRow[] = keys.map((key) => ({
    key,
    label: labels.get(key)?.label ?? "",
    prefecture: labels.get(key)?.prefecture ?? null,
    current: rows.get(key) ?? zero(),
    previous: prevRows.get(key) ?? zero(),
  }));
  // in the register's order (prefecture code, municipality code), regions by name; unknown last
  out.sort((a, b) => (a.key === "" ? 1 : b.key === "" ? -1 : input.groupBy === "region" ? a.label.localeCompare(b.label, "ja") : a.key.localeCompare(b.key)));
  return { rows: out, total: total.get("all") ?? zero(), previousTotal: prevTotal.get("all") ?? zero() };
}

async function labelsOf(groupBy: GroupBy, keys: string[]) {
  const map = new Map<string, { label: string; prefecture: string | null }>();
  if (keys.length === 0) return map;
  if (groupBy === "prefecture") {
    for (const p of await prisma.prefecture.findMany({ where: { code: { in: keys } }, select: { code: true, name: true } })) map.set(p.code, { label: p.name, prefecture: null });
  } else if (groupBy === "municipality") {
    const list = await prisma.municipality.findMany({ where: { code: { in: keys } }, select: { code: true, name: true, prefecture: { select: { name: true } } } });
    for (const m of list) map.set(m.code, { label: m.name, prefecture: m.prefecture.name });
  } else {
    for (const r of await prisma.region.findMany({ where: { id: { in: keys } }, select: { id: true, name: true } })) map.set(r.id, { label: r.name, prefecture: null });
  }
  return map;
}
