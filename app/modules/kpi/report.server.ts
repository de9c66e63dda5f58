import { releasedPreLearningSql } from "~/modules/material/prelearning-rule.server";
import { takingPartSql } from "~/modules/academy/scope.server";
import { prisma, Prisma } from "~/utils/db.server";
import { hoursBetween, instant, joinInOrder } from "~/utils/sql.server";
import { keptRead } from "~/utils/read-cache.server";
import { periodRange, type Quarter } from "./periods";
import { KPI_KEYS, type GroupBy, type KpiKey } from "./definitions";

// The KPIs of local data plans, aggregated in SQL for a fiscal year or quarter, per prefecture,
// municipality or region, with the previous fiscal year's figures. Definitions (shown on the page):
// app/modules/kpi/definitions.ts. One statement per window counts every KPI, per grouping key and
// in total, whatever the data size.
//
// Each KPI is first a set of facts — (what is counted, the grouping key it belongs to, its weight:
// 1, or a session's hours) — kept once in the statement (MATERIALIZED), then summed per key and,
// each counted thing once, in total. A wide-area session or a person who worked for two cities
// appears under each key but once in the total. Unknown places (no municipality given) form the
// key "" (shown last). The set of academies comes first and drives the rest (joinInOrder keeps
// that order in SQLite): counting "trained" from every enrollment of every year cost ~0.3–1.5 s on the
// national data (issue 28).

type Values = Record<KpiKey, number>;
const zero = (): Values => ({ trained: 0, participants: 0, teams: 0, sessionsHeld: 0, hours: 0, proposalsAdopted: 0 });
/** The key of the totals' rows: no prefecture, municipality or region is named so. */
const TOTAL = "*";

interface Window {
  start: Date | string;
  end: Date | string;
  now: Date | string;
}

/** The grouping key of a person's enrollment `e` (Academy `a`, Municipality `m` left-joined). */
const PERSON_KEY = { prefecture: `m."prefectureCode"`, municipality: `e."municipalityCode"`, region: `a."regionId"` } as const;
/** The grouping key of a team `t` (Academy `a`; TeamMunicipality `tm`, Municipality `m` left-joined). */
const TEAM_KEY = { prefecture: `m."prefectureCode"`, municipality: `tm."municipalityCode"`, region: `a."regionId"` } as const;

/** Joins giving a team `t` its place. */
function teamPlace(groupBy: GroupBy) {
  return groupBy === "region" ? Prisma.empty : Prisma.raw(`LEFT JOIN "TeamMunicipality" tm ON tm."teamId" = t."id" LEFT JOIN "Municipality" m ON m."code" = tm."municipalityCode"`);
}

/** Joins giving a held session `h` (its academy `a`) its place: each municipality or prefecture of the academy's region. */
function sessionPlace(groupBy: GroupBy) {
  if (groupBy === "region") return { join: Prisma.empty, key: Prisma.raw(`a."regionId"`) };
  return {
    join: Prisma.raw(`LEFT JOIN "RegionMunicipality" rm ON rm."regionId" = a."regionId" LEFT JOIN "Municipality" m ON m."code" = rm."municipalityCode"`),
    key: Prisma.raw(groupBy === "prefecture" ? `m."prefectureCode"` : `rm."municipalityCode"`),
  };
}

/** "Trained" (definitions.ts): the academy's completion rule, as the completion page applies it. */
function completedSql(w: Window): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM "Attendance" at WHERE at."enrollmentId" = e."id" AND at."status" IN ('present', 'late')) >= a."completionMinSessions"
    AND (a."completionPreLearning" = FALSE OR
      (SELECT count(*) FROM "PreLearningCompletion" p JOIN "AcademyMaterial" am ON am."academyId" = p."academyId" AND am."materialId" = p."materialId" JOIN "Material" mt ON mt."id" = p."materialId"
        WHERE p."userId" = e."userId" AND p."academyId" = e."academyId" AND ${releasedPreLearningSql(w.now)})
      >= COALESCE(r."n", 0))`;
}

/** The facts of each KPI (columns "unit", "key", "weight"), as named CTEs. */
function factsSql(groupBy: GroupBy, w: Window): Record<KpiKey, Prisma.Sql> {
  const personKey = Prisma.raw(PERSON_KEY[groupBy]);
  const teamKey = Prisma.raw(TEAM_KEY[groupBy]);
  const session = sessionPlace(groupBy);
  const people = (scope: "finished" | "heldAcademies", rule: Prisma.Sql | null) => Prisma.sql`
    SELECT DISTINCT e."userId" AS "unit", ${personKey} AS "key", 1 AS "weight"
    FROM ${Prisma.raw(scope)} s ${joinInOrder()} "Enrollment" e ON e."academyId" = s."academyId" JOIN "Academy" a ON a."id" = e."academyId"
    LEFT JOIN "Municipality" m ON m."code" = e."municipalityCode" ${rule ? Prisma.raw(`LEFT JOIN required r ON r."academyId" = e."academyId"`) : Prisma.empty}
    WHERE e."role" = 'participant' AND ${takingPartSql("e")} ${rule ? Prisma.sql`AND ${rule}` : Prisma.empty}`;
  return {
    trained: people("finished", completedSql(w)),
    participants: people("heldAcademies", null),
    teams: Prisma.sql`
      SELECT DISTINCT t."id" AS "unit", ${teamKey} AS "key", 1 AS "weight"
      FROM heldAcademies s ${joinInOrder()} "Team" t ON t."academyId" = s."academyId" JOIN "Academy" a ON a."id" = t."academyId" ${teamPlace(groupBy)}`,
    proposalsAdopted: Prisma.sql`
      SELECT DISTINCT t."id" AS "unit", ${teamKey} AS "key", 1 AS "weight"
      FROM adopted s ${joinInOrder()} "Team" t ON t."id" = s."teamId" JOIN "Academy" a ON a."id" = t."academyId" ${teamPlace(groupBy)}`,
    sessionsHeld: Prisma.sql`
      SELECT DISTINCT h."id" AS "unit", ${session.key} AS "key", 1 AS "weight"
      FROM held h JOIN "Academy" a ON a."id" = h."academyId" ${session.join}`,
    hours: Prisma.sql`
      SELECT DISTINCT h."id" AS "unit", ${session.key} AS "key", h."hours" AS "weight"
      FROM held h JOIN "Academy" a ON a."id" = h."academyId" ${session.join}`,
  };
}

type Row = { kpi: string; key: string | null; value: number | bigint | null };

/** Every KPI of one window, per key of the grouping and in total, in one statement. */
async function figures(groupBy: GroupBy, w: Window) {
  const facts = factsSql(groupBy, w);
  const ctes = [
    // sessions held in the window (ended inside it, not in the future) and their academies
    Prisma.sql`held AS MATERIALIZED (
      SELECT ws."id", ws."academyId", ${hoursBetween(Prisma.sql`ws."startsAt"`, Prisma.sql`ws."endsAt"`)} AS "hours"
      FROM "WorkshopSession" ws WHERE ws."endsAt" >= ${w.start} AND ws."endsAt" < ${w.end} AND ws."endsAt" <= ${w.now})`,
    Prisma.sql`heldAcademies AS MATERIALIZED (SELECT DISTINCT "academyId" FROM held)`,
    // trained: counted when the academy's last session ends
    Prisma.sql`finished AS MATERIALIZED (
      SELECT "academyId" FROM "WorkshopSession" GROUP BY "academyId"
      HAVING max("endsAt") >= ${w.start} AND max("endsAt") < ${w.end} AND max("endsAt") <= ${w.now})`,
    // the released pre-learning each finished academy asks for
    Prisma.sql`required AS MATERIALIZED (
      SELECT am."academyId", count(*) AS "n" FROM finished s ${joinInOrder()} "AcademyMaterial" am ON am."academyId" = s."academyId" JOIN "Material" mt ON mt."id" = am."materialId"
      WHERE ${releasedPreLearningSql(w.now)} GROUP BY am."academyId")`,
    // proposals first adopted in the window
    Prisma.sql`adopted AS MATERIALIZED (
      SELECT "teamId" FROM "ProposalOutcome" WHERE "status" IN ('adopted_policy', 'budgeted', 'launched_service')
      GROUP BY "teamId" HAVING min("createdAt") >= ${w.start} AND min("createdAt") < ${w.end})`,
    ...KPI_KEYS.map((k) => Prisma.sql`${Prisma.raw(`f_${k}`)} AS MATERIALIZED (${facts[k]})`),
  ];
  const sums = KPI_KEYS.flatMap((k) => {
    const f = Prisma.raw(`f_${k}`);
    return [
      Prisma.sql`SELECT ${k} AS "kpi", "key", CAST(sum("weight") AS DOUBLE PRECISION) AS "value" FROM ${f} GROUP BY "key"`,
      Prisma.sql`SELECT ${k} AS "kpi", ${TOTAL} AS "key", CAST(sum("weight") AS DOUBLE PRECISION) AS "value" FROM (SELECT "unit", max("weight") AS "weight" FROM ${f} GROUP BY "unit") AS once`,
    ];
  });
  const rows = await prisma.$queryRaw<Row[]>`WITH ${Prisma.join(ctes, ", ")} ${Prisma.join(sums, " UNION ALL ")}`;
  const byKey = new Map<string, Values>();
  const total = zero();
  for (const r of rows) {
    const value = Math.round(Number(r.value ?? 0) * 10) / 10;
    if (r.key === TOTAL) {
      total[r.kpi as KpiKey] = value;
      continue;
    }
    const key = r.key ?? "";
    const v = byKey.get(key) ?? zero();
    v[r.kpi as KpiKey] = value;
    byKey.set(key, v);
  }
  return { byKey, total };
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
  const [{ byKey: rows, total }, { byKey: prevRows, total: previousTotal }] = await Promise.all([figures(input.groupBy, current), figures(input.groupBy, previous)]);
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
  return { rows: out, total, previousTotal };
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
