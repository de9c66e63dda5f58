import { preLearningMaterialSql } from "~/modules/material/prelearning-rule.server";
import { takingPartSql } from "~/modules/academy/scope.server";
import { dbNumber } from "~/utils/raw-read";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { instant, joinInOrder, jsonNumberAt, tokyoMonth } from "~/utils/sql.server";
import { keptRead } from "~/utils/read-cache.server";
import { SKILL_ITEMS } from "~/modules/survey/items";
import { OUTCOME_STATUSES } from "~/modules/outcome/rules";

// The figures behind the coordinator dashboard's charts for one fiscal year, every one counted
// by the database: one statement with a row per bar (kind, key, two numbers) and one pass over
// the year's survey answers.

const Row = z.object({
  kind: z.string(),
  key: z.string().nullable(),
  a: dbNumber.nullable(),
  b: dbNumber.nullable(),
});

export interface DashboardCharts {
  /** April..March of the fiscal year: sessions planned and held per month (Tokyo) */
  sessionsByMonth: { month: string; planned: number; held: number }[];
  /** attendance records of held sessions per session number: attended (present or late) / recorded */
  attendance: { sequence: number; recorded: number; attended: number; rate: number }[];
  /** participants who finished every released pre-learning material */
  preLearning: { participants: number; completed: number; rate: number };
  /** mean self-assessment before and after, per skill */
  skills: { item: string; pre: number | null; post: number | null }[];
  /** the latest follow-up per team of the year's academies, by status */
  outcomes: { status: string; teams: number }[];
}

/** The year's academies (not archived), as SQL. */
const yearAcademies = (fiscalYear: number) => Prisma.sql`SELECT "id" FROM "Academy" WHERE "fiscalYear" = ${fiscalYear} AND "status" <> 'archived'`;

/**
 * The charts of a fiscal year. Each chart is kept until a table it counts is written (at most a
 * minute: "held" moves with the clock), so an attendance recorded recounts the attendance chart
 * only, not the year's survey answers.
 */
export async function dashboardCharts(fiscalYear: number, now: Date): Promise<DashboardCharts> {
  const n = instant(now);
  const ya = yearAcademies(fiscalYear);
  const prelearning = Prisma.sql`JOIN "Material" mt ON mt."id" = am."materialId" AND ${preLearningMaterialSql()}`;
  // one pass over the year's answers: a row per survey kind with the mean of every item
  const means = SKILL_ITEMS.map((item, i) => Prisma.sql`avg(${jsonNumberAt(Prisma.sql`r."answers"`, item)}) AS ${Prisma.raw(`"m${i}"`)}`);
  const chart = (name: string, tables: string[], sql: Prisma.Sql) =>
    keptRead(`dashboard-charts:${fiscalYear}:${name}`, tables, async () => (await prisma.$queryRaw<unknown[]>(sql)).map((r) => Row.parse(r)));
  const [monthRows, attendanceRows, preLearningRows, outcomeRows, skillRows] = await Promise.all([
    chart("months", ["Academy", "WorkshopSession"], Prisma.sql`
      SELECT 'month' AS "kind", ${tokyoMonth(Prisma.sql`ws."startsAt"`)} AS "key", count(*) AS "a", count(*) FILTER (WHERE ws."endsAt" <= ${n}) AS "b"
      FROM "WorkshopSession" ws WHERE ws."academyId" IN (${ya}) GROUP BY 2`),
    chart("attendance", ["Academy", "WorkshopSession", "Attendance"], Prisma.sql`
      SELECT 'attendance' AS "kind", CAST(ws."sequence" AS TEXT) AS "key", count(*) AS "a", count(*) FILTER (WHERE at."status" IN ('present', 'late')) AS "b"
      FROM "Attendance" at JOIN "WorkshopSession" ws ON ws."id" = at."sessionId"
      WHERE ws."academyId" IN (${ya}) AND ws."endsAt" <= ${n} GROUP BY ws."sequence"`),
    // CROSS JOIN keeps SQLite from starting at every participant of every year (20 → 9 ms at national scale)
    chart("prelearning", ["Academy", "AcademyMaterial", "Material", "PreLearningCompletion", "Enrollment"], Prisma.sql`
      WITH released AS (SELECT am."academyId", am."materialId" FROM "AcademyMaterial" am ${prelearning} WHERE am."academyId" IN (${ya}) AND am."releaseAt" <= ${n}),
         needed AS (SELECT "academyId", count(*) AS "total" FROM released GROUP BY "academyId"),
         done AS (SELECT p."userId", p."academyId", count(*) AS "done" FROM "PreLearningCompletion" p
                    JOIN released r ON r."academyId" = p."academyId" AND r."materialId" = p."materialId" GROUP BY p."userId", p."academyId")
      SELECT 'prelearning' AS "kind", 'all' AS "key", count(*) AS "a", count(*) FILTER (WHERE coalesce(d."done", 0) >= nd."total") AS "b"
      FROM needed nd ${joinInOrder()} "Enrollment" e ON e."academyId" = nd."academyId" AND e."role" = 'participant'
      LEFT JOIN done d ON d."userId" = e."userId" AND d."academyId" = e."academyId"
      WHERE ${takingPartSql("e")}`),
    chart("outcomes", ["Academy", "ProposalOutcome", "Team"], Prisma.sql`
      SELECT 'outcome' AS "kind", o."status" AS "key", count(*) AS "a", 0 AS "b" FROM "ProposalOutcome" o JOIN "Team" t ON t."id" = o."teamId"
      WHERE t."academyId" IN (${ya}) AND o."monthsAfter" = (SELECT max(o2."monthsAfter") FROM "ProposalOutcome" o2 WHERE o2."teamId" = o."teamId")
      GROUP BY o."status"`),
    keptRead(`dashboard-charts:${fiscalYear}:skills`, ["Academy", "SurveyResponse"], () =>
      prisma.$queryRaw<Record<string, unknown>[]>`
        SELECT r."kind", ${Prisma.join(means)} FROM "SurveyResponse" r
        WHERE r."academyId" IN (${ya}) AND r."kind" IN ('skills_pre', 'skills_post')
        GROUP BY r."kind"`),
  ]);
  const parsed = [...monthRows, ...attendanceRows, ...preLearningRows, ...outcomeRows];
  const of = (kind: string) => parsed.filter((r) => r.kind === kind);
  const months = new Map(of("month").map((r) => [r.key, r]));
  const sessionsByMonth = Array.from({ length: 12 }, (_, i) => {
    const month = `${i < 9 ? fiscalYear : fiscalYear + 1}-${String(((3 + i) % 12) + 1).padStart(2, "0")}`;
    const m = months.get(month);
    return { month, planned: m?.a ?? 0, held: m?.b ?? 0 };
  });
  const attendance = of("attendance")
    .map((r) => ({ sequence: Number(r.key), recorded: r.a ?? 0, attended: r.b ?? 0, rate: r.a ? (r.b ?? 0) / r.a : 0 }))
    .sort((x, y) => x.sequence - y.sequence);
  const pre = of("prelearning")[0];
  const preLearning = { participants: pre?.a ?? 0, completed: pre?.b ?? 0, rate: pre?.a ? (pre.b ?? 0) / pre.a : 0 };
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  const mean = (kind: string, i: number) => {
    const row = skillRows.find((r) => r.kind === kind);
    const v = row?.[`m${i}`];
    return v === null || v === undefined ? null : round(Number(v));
  };
  const skills = SKILL_ITEMS.map((item, i) => ({ item, pre: mean("skills_pre", i), post: mean("skills_post", i) }));
  const outcomeCounts = new Map(of("outcome").map((r) => [r.key, r.a ?? 0]));
  const outcomes = OUTCOME_STATUSES.map((status) => ({ status, teams: outcomeCounts.get(status) ?? 0 }));
  return { sessionsByMonth, attendance, preLearning, skills, outcomes };
}
