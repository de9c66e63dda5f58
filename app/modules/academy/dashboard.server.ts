import { takingPartSql } from "~/modules/academy/scope.server";
import { TAKING_PART, academiesWhere } from "~/modules/account/permissions";
import { jsonArrayAgg, jsonObject, instant } from "~/utils/sql.server";
import { z } from "zod";
import { jsonArray, jsonObjectOrNull } from "~/utils/raw-read";
import { teamSummaryColumns, teamSummaryFields, toTeamSummary } from "~/modules/team/team-summary.server";
import { academyScalarSelect, decorateAcademies } from "./academy-rows.server";
import { prisma, Prisma } from "~/utils/db.server";
import { fiscalYearOf } from "~/utils/dates";
import type { SessionUser } from "~/utils/session.server";
import { academyScope, academyScopeSql } from "./scope.server";
import { sessionRowFields } from "~/modules/schedule/session-row";

const UpcomingRow = z.object({
  id: z.string(),
  ...sessionRowFields,
  academyId: z.string(),
  academyName: z.string(),
  regionName: z.string(),
});

/** Upcoming workshop sessions of the academies the user may see (optionally only some of them); one raw statement. */
export async function upcomingSessions(user: SessionUser, now: Date, take = 5, academyIds?: string[]) {
  const scope = academyIds ? Prisma.sql`ws."academyId" IN (${Prisma.join([...academyIds, ""])})` : academyScopeSql(user, Prisma.sql`ws."academyId"`);
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT ws."id", ws."sequence", ws."title", ws."startsAt", ws."endsAt", ws."venueName", ws."venueAddress", ws."onlineUrl",
           a."id" AS "academyId", a."name" AS "academyName", r."name" AS "regionName"
    FROM "WorkshopSession" ws JOIN "Academy" a ON a."id" = ws."academyId" JOIN "Region" r ON r."id" = a."regionId"
    WHERE ws."endsAt" >= ${instant(now)} AND ${scope}
    ORDER BY ws."startsAt", ws."id" LIMIT ${take}`;
  return rows.map((row) => {
    const { academyId, academyName, regionName, ...session } = UpcomingRow.parse(row);
    return { ...session, academy: { id: academyId, name: academyName, region: { name: regionName } } };
  });
}

export const OVERVIEW_SIZE = 30;

/**
 * The academies of this fiscal year and later (newest first, at most OVERVIEW_SIZE) with region,
 * counts and next session: the first screen's overview; the full list is paginated on /academies.
 */
export async function academyOverview(user: SessionUser, now: Date, academyIds?: string[]) {
  const academies = await prisma.academy.findMany({
    where: { AND: [academyIds ? { id: { in: academyIds } } : academyScope(user), { fiscalYear: { gte: fiscalYearOf(now) } }] },
    take: OVERVIEW_SIZE,
    orderBy: [{ fiscalYear: "desc" }, { region: { kana: "asc" } }],
    select: academyScalarSelect,
  });
  const decorations = await decorateAcademies(academies.map((a) => a.id), now);
  return academies.flatMap((a) => {
    const d = decorations.get(a.id);
    return d ? [{ ...a, region: d.region, _count: d._count, nextSession: d.nextSession }] : [];
  });
}

/** Figures of one fiscal year across every academy (programme coordinators only). */
const StatsRow = z.object({ byStatus: jsonArray(z.object({ status: z.string(), n: z.coerce.number() })), teams: z.coerce.number(), participants: z.coerce.number() });

/** Figures of one fiscal year (academies by status, teams, distinct participants), counted by the database in one statement. */
export async function coordinatorStats(user: SessionUser, fiscalYear: number) {
  const scope = academyScopeSql(user, Prisma.sql`a."id"`);
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'status', x."status", 'n', x."n"`))} FROM (SELECT a."status", count(*) AS "n" FROM "Academy" a WHERE a."fiscalYear" = ${fiscalYear} AND ${scope} GROUP BY a."status") x) AS "byStatus",
           (SELECT count(*) FROM "Team" t JOIN "Academy" a ON a."id" = t."academyId" WHERE a."fiscalYear" = ${fiscalYear} AND ${scope}) AS "teams",
           -- distinct people, however many academies they joined this year
           (SELECT COUNT(DISTINCT e."userId") FROM "Enrollment" e JOIN "Academy" a ON a."id" = e."academyId"
             WHERE e."role" = 'participant' AND ${takingPartSql("e")} AND a."fiscalYear" = ${fiscalYear} AND ${scope}) AS "participants"`;
  const stats = StatsRow.parse(rows[0]);
  return {
    byStatus: Object.fromEntries(stats.byStatus.map((s) => [s.status, s.n])) as Record<string, number>,
    teams: stats.teams,
    participants: stats.participants,
  };
}

const NextSession = z.object(sessionRowFields);

const MyTeamRow = z.object({
  ...teamSummaryFields,
  problemStatement: z.string(),
  members: jsonArray(z.object({ id: z.string(), teamRole: z.string(), department: z.string(), displayName: z.string() })),
  academyId: z.string(),
  academyName: z.string(),
  fiscalYear: z.coerce.number(),
  status: z.string(),
  nextSession: jsonObjectOrNull(NextSession),
});

/** The participant's teams with members and the academy's next session, in one statement (decision 0008). */
export async function myTeams(user: SessionUser, now: Date) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT t."id", t."name", t."themeTitle", t."problemStatement", ${teamSummaryColumns},
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', x."id", 'teamRole', x."teamRole", 'department', x."department", 'displayName', x."displayName"`))} FROM
              (SELECT tmb."id", tmb."teamRole", e."department", u."displayName" FROM "TeamMember" tmb JOIN "Enrollment" e ON e."id" = tmb."enrollmentId"
                 JOIN "User" u ON u."id" = e."userId" WHERE tmb."teamId" = t."id" ORDER BY u."kana", u."id") x) AS "members",
           a."id" AS "academyId", a."name" AS "academyName", a."fiscalYear", a."status",
           (SELECT ${jsonObject(Prisma.sql`'sequence', n."sequence", 'title', n."title", 'startsAt', n."startsAt", 'endsAt', n."endsAt",
                               'venueName', n."venueName", 'venueAddress', n."venueAddress", 'onlineUrl', n."onlineUrl"`)}
              FROM "WorkshopSession" n WHERE n."academyId" = a."id" AND n."endsAt" >= ${instant(now)}
              ORDER BY n."startsAt" LIMIT 1) AS "nextSession"
    FROM "Team" t JOIN "Academy" a ON a."id" = t."academyId"
    WHERE EXISTS (SELECT 1 FROM "TeamMember" mine JOIN "Enrollment" me ON me."id" = mine."enrollmentId"
                   WHERE mine."teamId" = t."id" AND me."userId" = ${user.id} AND ${takingPartSql("me")})
    ORDER BY a."fiscalYear" DESC, t."id"`;
  return rows.map((row) => {
    const t = MyTeamRow.parse(row);
    return {
      ...toTeamSummary(t),
      problemStatement: t.problemStatement,
      members: t.members.map((m) => ({ id: m.id, teamRole: m.teamRole, department: m.department, user: { displayName: m.displayName } })),
      academy: { id: t.academyId, name: t.academyName, fiscalYear: t.fiscalYear, status: t.status, sessions: t.nextSession ? [t.nextSession] : [] },
    };
  });
}

/**
 * Where a person lands after sign-in: a participant (and nothing else) with one team in an
 * academy still under way goes straight to that team's workspace; everyone else, and a
 * participant of several teams (who chooses there), to the dashboard.
 */
export async function homePath(user: SessionUser) {
  if (user.permissions.length > 0 || user.enrollments.length === 0 || academiesWhere(user, "workInTeam").length < user.enrollments.length) return "/dashboard";
  const teams = await prisma.team.findMany({
    where: {
      academy: { status: { notIn: ["finished", "archived"] } },
      members: { some: { enrollment: { userId: user.id, status: TAKING_PART } } },
    },
    take: 2,
    select: { id: true, academyId: true },
  });
  return teams.length === 1 ? `/academies/${teams[0]!.academyId}/teams/${teams[0]!.id}` : "/dashboard";
}
