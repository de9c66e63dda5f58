import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { storedDate } from "~/utils/raw-read";
import { SKILL_ITEMS } from "~/modules/survey/items";
import { OUTCOME_STATUSES } from "~/modules/outcome/rules";

// The figures behind the coordinator dashboard's charts for one fiscal year, every one counted
// by the database in a single statement (a row per bar: kind, key, two numbers).

const Row = z.object({
  kind: z.string(),
  key: z.string().nullable(),
  a: z.union([z.number(), z.bigint(), z.null()]).transform((v) => (v === null ? null : Number(v))),
  b: z.union([z.number(), z.bigint(), z.null()]).transform((v) => (v === null ? null : Number(v))),
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

export async function dashboardCharts(fiscalYear: number, now: Date): Promise<DashboardCharts> {
  const n = storedDate(now);
  const prelearning = Prisma.sql`JOIN "Material" mt ON mt."id" = am."materialId" AND mt."stageKey" = 'prelearning' AND mt."audience" = 'participant'`;
  const skills = SKILL_ITEMS.map(
    (item) => Prisma.sql`SELECT 'skill', ${item},
      avg(CASE WHEN r."kind" = 'skills_pre' THEN json_extract(r."answers", ${`$.${item}`}) END),
      avg(CASE WHEN r."kind" = 'skills_post' THEN json_extract(r."answers", ${`$.${item}`}) END)
      FROM "SurveyResponse" r WHERE r."academyId" IN ya AND r."kind" IN ('skills_pre', 'skills_post')`,
  );
  const rows = await prisma.$queryRaw<unknown[]>`
    WITH ya AS (SELECT "id" FROM "Academy" WHERE "fiscalYear" = ${fiscalYear} AND "status" <> 'archived')
    SELECT 'month' AS "kind", strftime('%Y-%m', ws."startsAt", '+9 hours') AS "key", count(*) AS "a", sum(ws."endsAt" <= ${n}) AS "b"
      FROM "WorkshopSession" ws WHERE ws."academyId" IN ya GROUP BY 2
    UNION ALL
    SELECT 'attendance', CAST(ws."sequence" AS TEXT), count(*), sum(at."status" IN ('present', 'late'))
      FROM "Attendance" at JOIN "WorkshopSession" ws ON ws."id" = at."sessionId"
      WHERE ws."academyId" IN ya AND ws."endsAt" <= ${n} GROUP BY ws."sequence"
    UNION ALL
    SELECT 'prelearning', 'all', count(*), sum("done" >= "total") FROM (
      SELECT (SELECT count(*) FROM "AcademyMaterial" am ${prelearning} WHERE am."academyId" = e."academyId" AND am."releaseAt" <= ${n}) AS "total",
             (SELECT count(*) FROM "PreLearningCompletion" p JOIN "AcademyMaterial" am ON am."academyId" = p."academyId" AND am."materialId" = p."materialId" ${prelearning}
               WHERE p."userId" = e."userId" AND p."academyId" = e."academyId" AND am."releaseAt" <= ${n}) AS "done"
      FROM "Enrollment" e WHERE e."academyId" IN ya AND e."role" = 'participant' AND e."status" <> 'withdrawn') WHERE "total" > 0
    UNION ALL
    SELECT 'outcome', o."status", count(*), 0 FROM "ProposalOutcome" o JOIN "Team" t ON t."id" = o."teamId"
      WHERE t."academyId" IN ya AND o."monthsAfter" = (SELECT max(o2."monthsAfter") FROM "ProposalOutcome" o2 WHERE o2."teamId" = o."teamId")
      GROUP BY o."status"
    UNION ALL
    ${Prisma.join(skills, " UNION ALL ")}`;
  const parsed = rows.map((r) => Row.parse(r));
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
  const skillRows = of("skill").map((r) => ({ item: r.key ?? "", pre: round(r.a), post: round(r.b) }));
  const outcomeCounts = new Map(of("outcome").map((r) => [r.key, r.a ?? 0]));
  const outcomes = OUTCOME_STATUSES.map((status) => ({ status, teams: outcomeCounts.get(status) ?? 0 }));
  return { sessionsByMonth, attendance, preLearning, skills: skillRows, outcomes };
}
