import { prisma } from "~/utils/db.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { lastHomework, nextDue, teamPath, type TeamRef } from "./path.server";
import { stageMaterials } from "./stage-page.server";

/**
 * The team workspace (the participant's home): the path with where the team stands, what to
 * do next, the homework from the last session, the current stage's materials and the latest
 * feedback, the open actions from retrospectives. Up to ten statements whatever the data size.
 */
export async function teamWorkspace(context: AcademyContext, team: TeamRef, now: Date) {
  const path = await teamPath(team, now);
  const current = path.stages[path.currentIndex] ?? null;
  const [materials, feedback, worksheets, actions, retros] = await Promise.all([
    current ? stageMaterials(context, current.id, now) : Promise.resolve([]),
    prisma.reviewComment.findMany({
      where: { deliverable: { teamId: team.id } },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, kind: true, body: true, createdAt: true, versionNumber: true, deliverable: { select: { stageId: true } } },
    }),
    prisma.datasetWorksheet.count({ where: { teamId: team.id } }),
    // actions decided in retrospectives that are still open (reviewed at the next board)
    prisma.retroAction.findMany({
      where: { teamId: team.id, status: "open" },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 20,
      select: { id: true, text: true, dueAt: true, ownerId: true, retroId: true, stageId: true },
    }),
    prisma.retrospective.findMany({
      where: { teamId: team.id },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, title: true, phase: true, createdAt: true, session: { select: { sequence: true } } },
    }),
  ]);
  const owners = actions.some((a) => a.ownerId)
    ? new Map((await prisma.user.findMany({ where: { id: { in: actions.flatMap((a) => (a.ownerId ? [a.ownerId] : [])) } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]))
    : new Map<string, string>();
  const homework = lastHomework(path.sessions, now);
  return {
    stages: path.stages,
    currentIndex: path.currentIndex,
    next: nextDue(path.stages),
    homework: homework ? { sequence: homework.sequence, title: homework.title, text: homework.homework } : null,
    materials,
    feedback: feedback.map((f) => ({ id: f.id, kind: f.kind, body: f.body, createdAt: f.createdAt, versionNumber: f.versionNumber, stageId: f.deliverable.stageId })),
    worksheets,
    actions: actions.map((a) => ({ id: a.id, text: a.text, dueAt: a.dueAt, retroId: a.retroId, stageId: a.stageId, owner: a.ownerId ? (owners.get(a.ownerId) ?? null) : null })),
    retros: retros.map((r) => ({ id: r.id, title: r.title, phase: r.phase, createdAt: r.createdAt, sequence: r.session?.sequence ?? null })),
  };
}
