import { containsText } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import type { PoolFilter } from "./levels";

// The facilitator pool across regions: everyone who has facilitated, co-facilitated or observed a
// session or was in training, with their experience counted in SQL, for a coordinator staffing a
// new academy. One statement per page (decision 0014); paged, so its cost does not grow with the pool.

export const POOL_PAGE_SIZE = 50;

const PoolRow = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  department: z.string(),
  municipality: z.string().nullable(),
  prefecture: z.string().nullable(),
  led: z.coerce.number(),
  coFacilitated: z.coerce.number(),
  observed: z.coerce.number(),
  academies: z.coerce.number(),
  lastYear: z.coerce.number().nullable(),
  level: z.string().nullable(),
  trainings: z.coerce.number(),
  regions: z.string().nullable(),
  total: z.coerce.number(),
});
export type PoolPerson = Omit<z.output<typeof PoolRow>, "total">;

export async function searchPool(filter: PoolFilter): Promise<{ people: PoolPerson[]; total: number; page: number; pages: number }> {
  const page = filter.page ?? 1;
  const conditions: Prisma.Sql[] = [Prisma.sql`u."disabledAt" IS NULL`];
  const q = filter.q;
  if (q) conditions.push(Prisma.sql`(${containsText(Prisma.sql`u."displayName"`, q)} OR ${containsText(Prisma.sql`u."kana"`, q)} OR ${containsText(Prisma.sql`u."department"`, q)} OR ${containsText(Prisma.sql`m."name"`, q)})`);
  if (filter.prefecture) {
    conditions.push(Prisma.sql`(m."prefectureCode" = ${filter.prefecture} OR EXISTS (
      SELECT 1 FROM "SessionFacilitator" sf JOIN "WorkshopSession" ws ON ws."id" = sf."sessionId" JOIN "Academy" a ON a."id" = ws."academyId"
        JOIN "RegionMunicipality" rm ON rm."regionId" = a."regionId" JOIN "Municipality" m2 ON m2."code" = rm."municipalityCode"
      WHERE sf."userId" = u."id" AND m2."prefectureCode" = ${filter.prefecture}))`);
  }
  if (filter.level === "trained") conditions.push(Prisma.sql`s."trainings" > 0`);
  else if (filter.level === "untrained") conditions.push(Prisma.sql`s."trainings" = 0`);
  else if (filter.level) conditions.push(Prisma.sql`s."level" = ${filter.level}`);
  if (filter.minLed) conditions.push(Prisma.sql`s."led" >= ${filter.minLed}`);
  const rows = await prisma.$queryRaw<unknown[]>`
    WITH parts AS (
      SELECT sf."userId",
        count(*) FILTER (WHERE sf."role" = 'lead') AS "led",
        count(*) FILTER (WHERE sf."role" = 'co_facilitator') AS "coFacilitated",
        count(*) FILTER (WHERE sf."role" = 'observer') AS "observed",
        count(DISTINCT ws."academyId") AS "academies",
        max(a."fiscalYear") AS "lastYear"
      FROM "SessionFacilitator" sf JOIN "WorkshopSession" ws ON ws."id" = sf."sessionId" JOIN "Academy" a ON a."id" = ws."academyId"
      GROUP BY sf."userId"
    ),
    training AS (
      SELECT e."userId", count(*) AS "trainings" FROM "Enrollment" e WHERE e."trainingLevel" IS NOT NULL GROUP BY e."userId"
    ),
    people AS (
      SELECT e."userId" FROM "Enrollment" e WHERE e."role" = 'facilitator' OR e."trainingLevel" IS NOT NULL
      UNION SELECT "userId" FROM parts
    ),
    s AS (
      SELECT p."userId", coalesce(pt."led", 0) AS "led", coalesce(pt."coFacilitated", 0) AS "coFacilitated", coalesce(pt."observed", 0) AS "observed",
        coalesce(pt."academies", 0) AS "academies", pt."lastYear", coalesce(tr."trainings", 0) AS "trainings",
        CASE WHEN tr."trainings" IS NULL THEN NULL ELSE
          (SELECT e."trainingLevel" FROM "Enrollment" e JOIN "Academy" a ON a."id" = e."academyId" WHERE e."userId" = p."userId" AND e."trainingLevel" IS NOT NULL
             ORDER BY a."fiscalYear" DESC, e."trainingLevelAt" DESC LIMIT 1) END AS "level"
      FROM people p LEFT JOIN parts pt ON pt."userId" = p."userId" LEFT JOIN training tr ON tr."userId" = p."userId"
    )
    SELECT u."id", u."displayName", u."email", u."department", m."name" AS "municipality", pf."name" AS "prefecture",
           s."led", s."coFacilitated", s."observed", s."academies", s."lastYear", s."level", s."trainings",
           (SELECT string_agg(x."name", '・') FROM (SELECT DISTINCT r."name" FROM "SessionFacilitator" sf JOIN "WorkshopSession" ws ON ws."id" = sf."sessionId"
               JOIN "Academy" a ON a."id" = ws."academyId" JOIN "Region" r ON r."id" = a."regionId" WHERE sf."userId" = u."id" LIMIT 4) x) AS "regions",
           count(*) OVER () AS "total"
    FROM s JOIN "User" u ON u."id" = s."userId"
      LEFT JOIN "Municipality" m ON m."code" = u."municipalityCode"
      LEFT JOIN "Prefecture" pf ON pf."code" = m."prefectureCode"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY s."led" DESC, (s."led" + s."coFacilitated" + s."observed") DESC, u."kana", u."displayName"
    LIMIT ${POOL_PAGE_SIZE} OFFSET ${(page - 1) * POOL_PAGE_SIZE}`;
  const parsed = rows.map((r) => PoolRow.parse(r));
  const total: number = parsed[0]?.total ?? (page > 1 ? await countOnly(filter) : 0);
  return { people: parsed.map(({ total: _total, ...p }) => p), total, page, pages: Math.max(1, Math.ceil(total / POOL_PAGE_SIZE)) };
}

/** A page past the end has no rows to carry the total: count once more without the page. */
async function countOnly(filter: PoolFilter): Promise<number> {
  return (await searchPool({ ...filter, page: 1 })).total;
}

/** One person's history as a facilitator: academies with their training level, sessions with their part. */
export async function facilitatorHistory(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, displayName: true, email: true, department: true, municipality: { select: { name: true, prefecture: { select: { name: true } } } } },
  });
  if (!user) return null;
  const [enrollments, sessions] = await Promise.all([
    prisma.enrollment.findMany({
      where: { userId, OR: [{ role: { in: ["facilitator", "coordinator"] } }, { trainingLevel: { not: null } }] },
      orderBy: [{ academy: { fiscalYear: "desc" } }, { createdAt: "desc" }],
      take: 100,
      select: { id: true, role: true, status: true, trainingLevel: true, trainingLevelAt: true, academy: { select: { id: true, name: true, fiscalYear: true, region: { select: { name: true } } } } },
    }),
    prisma.sessionFacilitator.findMany({
      where: { userId },
      orderBy: { session: { startsAt: "desc" } },
      take: 200,
      select: { role: true, session: { select: { id: true, sequence: true, startsAt: true, endsAt: true, academy: { select: { id: true, name: true } } } } },
    }),
  ]);
  if (enrollments.length === 0 && sessions.length === 0) return null;
  return { user, enrollments, sessions };
}
