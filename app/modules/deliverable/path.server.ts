import { prisma } from "~/utils/db.server";
import { teamScopeIn } from "~/modules/academy/scope.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { handsIn, stageStates, type DeliverableStatus, type StageState } from "./progress";
import { stageDueDates, teamDeadline, type TeamDeadline } from "./deadline";

// A team's path: its stages with due dates (the team's extensions applied), deliverable status
// and where the team stands. Four statements whatever the size of the academy.

export interface TeamRef {
  id: string;
  name: string;
  themeTitle: string;
  academyId: string;
  facilitatorId: string | null;
  /** the signed-in person is a member of this team (may edit and submit its work) */
  isMember: boolean;
}

/** The team if the context may see it (else null: the route answers 404). */
export async function findTeam(context: AcademyContext, teamId: string): Promise<TeamRef | null> {
  if (!teamId || teamId.length > 64) return null;
  const team = await prisma.team.findFirst({
    where: { AND: [{ id: teamId }, teamScopeIn(context)] },
    select: {
      id: true,
      name: true,
      themeTitle: true,
      academyId: true,
      facilitatorId: true,
      members: { where: { enrollmentId: context.enrollment?.id ?? "" }, select: { id: true } },
    },
  });
  if (!team) return null;
  const { members, ...rest } = team;
  return { ...rest, isMember: members.length > 0 && context.enrollment?.role === "participant" };
}

export interface PathStage {
  id: string;
  key: string;
  title: string;
  position: number;
  deliverable: string;
  session: { id: string; sequence: number; startsAt: Date } | null;
  deadline: TeamDeadline;
  status: DeliverableStatus | null;
  latestVersion: number;
  submittedAt: Date | null;
  state: StageState;
}

export async function teamPath(team: { id: string; academyId: string }, now: Date) {
  const [stages, sessions, deliverables, extensions] = await Promise.all([
    prisma.stage.findMany({
      where: { academyId: team.academyId },
      orderBy: { position: "asc" },
      select: { id: true, key: true, title: true, position: true, deliverable: true, dueAt: true, cutoffAt: true, session: { select: { id: true, sequence: true, startsAt: true } } },
    }),
    prisma.workshopSession.findMany({
      where: { academyId: team.academyId },
      orderBy: { startsAt: "asc" },
      select: { id: true, sequence: true, title: true, kind: true, startsAt: true, endsAt: true, homework: true },
    }),
    prisma.deliverable.findMany({ where: { teamId: team.id }, select: { stageId: true, status: true, latestVersion: true, submittedAt: true } }),
    prisma.stageExtension.findMany({ where: { teamId: team.id }, select: { stageId: true, dueAt: true, reason: true } }),
  ]);
  const dueDates = stageDueDates(
    stages.map((s) => ({ id: s.id, dueAt: s.dueAt, cutoffAt: s.cutoffAt, sessionStartsAt: s.session?.startsAt ?? null })),
    sessions.map((s) => s.startsAt),
  );
  const byStage = new Map(deliverables.map((d) => [d.stageId, d]));
  const extensionOf = new Map(extensions.map((e) => [e.stageId, e]));
  const rows = stages.map((s) => {
    const d = byStage.get(s.id);
    return {
      id: s.id,
      key: s.key,
      title: s.title,
      position: s.position,
      deliverable: s.deliverable,
      session: s.session,
      deadline: teamDeadline(dueDates.get(s.id) ?? null, s.cutoffAt, extensionOf.get(s.id)?.dueAt),
      status: (d?.status ?? null) as DeliverableStatus | null,
      latestVersion: d?.latestVersion ?? 0,
      submittedAt: d?.submittedAt ?? null,
    };
  });
  const { states, currentIndex } = stageStates(rows, now);
  const path: PathStage[] = rows.map((r, i) => ({ ...r, state: states[i]! }));
  return { stages: path, currentIndex, sessions, extensions: extensionOf };
}

/** The next thing the team has to hand in: the first stage not handed in or sent back, in path order. */
export function nextDue(stages: readonly PathStage[]) {
  return stages.find((s) => handsIn(s.deliverable) && (s.status === null || s.status === "draft" || s.status === "revision_requested")) ?? null;
}

/** Homework set at the last session held (the most recent one that has started and has homework). */
export function lastHomework(sessions: readonly { sequence: number; title: string; startsAt: Date; homework: string }[], now: Date) {
  return [...sessions].reverse().find((s) => s.startsAt <= now && s.homework.trim() !== "") ?? null;
}
