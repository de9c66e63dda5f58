import { prisma } from "~/utils/db.server";
import { fiscalYearOf } from "~/utils/dates";
import type { SessionUser } from "~/utils/session.server";
import { academyRowSelect, academyScope } from "./scope.server";

const sessionSelect = {
  id: true,
  sequence: true,
  title: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  onlineUrl: true,
  academy: { select: { id: true, name: true, region: { select: { name: true } } } },
} as const;

/** Upcoming workshop sessions of the academies the user may see (optionally only some of them). */
export function upcomingSessions(user: SessionUser, now: Date, take = 5, academyIds?: string[]) {
  return prisma.workshopSession.findMany({
    where: { endsAt: { gte: now }, academy: academyIds ? { id: { in: academyIds } } : academyScope(user) },
    orderBy: { startsAt: "asc" },
    take,
    select: sessionSelect,
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
    select: {
      ...academyRowSelect,
      sessions: {
        where: { endsAt: { gte: now } },
        orderBy: { startsAt: "asc" },
        take: 1,
        select: { sequence: true, startsAt: true, endsAt: true },
      },
    },
  });
  return academies.map(({ sessions, ...a }) => ({ ...a, nextSession: sessions[0] ?? null }));
}

/** Figures of one fiscal year across every academy (programme coordinators only). */
export async function coordinatorStats(user: SessionUser, fiscalYear: number) {
  const scope = { ...academyScope(user), fiscalYear };
  const [byStatus, teams, participants] = await Promise.all([
    prisma.academy.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    prisma.team.count({ where: { academy: scope } }),
    // Counted by the database: distinct people, however many academies they joined this year.
    prisma.$queryRaw<{ n: bigint | number }[]>`
      SELECT COUNT(DISTINCT e."userId") AS n FROM "Enrollment" e JOIN "Academy" a ON a."id" = e."academyId"
      WHERE e."role" = 'participant' AND e."status" <> 'withdrawn' AND a."fiscalYear" = ${fiscalYear}`,
  ]);
  return {
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Record<string, number>,
    teams,
    participants: Number(participants[0]?.n ?? 0),
  };
}

/** The participant's teams with members and the academy's upcoming sessions. */
export async function myTeams(user: SessionUser, now: Date) {
  const teams = await prisma.team.findMany({
    where: { members: { some: { enrollment: { userId: user.id, status: { not: "withdrawn" } } } } },
    orderBy: { academy: { fiscalYear: "desc" } },
    select: {
      id: true,
      name: true,
      themeTitle: true,
      problemStatement: true,
      lead: { select: { displayName: true } },
      municipalities: { select: { municipality: { select: { name: true } } } },
      members: {
        orderBy: { enrollment: { user: { kana: "asc" } } },
        select: { id: true, teamRole: true, enrollment: { select: { department: true, user: { select: { displayName: true } } } } },
      },
      academy: {
        select: {
          id: true,
          name: true,
          fiscalYear: true,
          status: true,
          sessions: {
            where: { endsAt: { gte: now } },
            orderBy: { startsAt: "asc" },
            take: 1,
            select: { sequence: true, title: true, startsAt: true, endsAt: true, venueName: true, venueAddress: true, onlineUrl: true },
          },
        },
      },
    },
  });
  return teams.map((team) => ({
    ...team,
    members: team.members.map((m) => ({ id: m.id, teamRole: m.teamRole, department: m.enrollment.department, user: m.enrollment.user })),
  }));
}
