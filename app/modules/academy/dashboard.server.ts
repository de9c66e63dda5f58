import { prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { academyRowSelect, academyScope, teamScope } from "./scope.server";

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

/** Upcoming workshop sessions of the academies the user may see. */
export function upcomingSessions(user: SessionUser, now: Date, take = 5) {
  return prisma.workshopSession.findMany({
    where: { endsAt: { gte: now }, academy: academyScope(user) },
    orderBy: { startsAt: "asc" },
    take,
    select: sessionSelect,
  });
}

/** Every visible academy with its region, counts and next session: the coordinator's overview. */
export async function academyOverview(user: SessionUser, now: Date) {
  const academies = await prisma.academy.findMany({
    where: academyScope(user),
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

export async function coordinatorStats(user: SessionUser, fiscalYear: number) {
  const scope = { ...academyScope(user), fiscalYear };
  const [byStatus, teams, participants] = await Promise.all([
    prisma.academy.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    prisma.team.count({ where: { academy: scope } }),
    prisma.teamMember.findMany({
      where: { team: { academy: scope } },
      distinct: ["userId"],
      select: { userId: true },
    }),
  ]);
  return {
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Record<string, number>,
    teams,
    participants: participants.length,
  };
}

/** The participant's teams with members and the academy's upcoming sessions. */
export function myTeams(user: SessionUser, now: Date) {
  return prisma.team.findMany({
    where: { AND: [teamScope(user), { members: { some: { userId: user.id } } }] },
    orderBy: { academy: { fiscalYear: "desc" } },
    select: {
      id: true,
      name: true,
      themeTitle: true,
      problemStatement: true,
      lead: { select: { displayName: true } },
      municipalities: { select: { municipality: { select: { name: true } } } },
      members: {
        orderBy: { user: { kana: "asc" } },
        select: { id: true, department: true, teamRole: true, user: { select: { displayName: true } } },
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
}
