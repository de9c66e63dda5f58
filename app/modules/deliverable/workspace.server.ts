import { prisma } from "~/utils/db.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { lastHomework, nextDue, teamPath, type TeamRef } from "./path.server";
import { stageMaterials } from "./stage-page.server";

/**
 * The team workspace (the participant's home): the path with where the team stands, what to
 * do next, the homework from the last session, the current stage's materials and the latest
 * feedback. Seven statements whatever the data size.
 */
export async function teamWorkspace(context: AcademyContext, team: TeamRef, now: Date) {
  const path = await teamPath(team, now);
  const current = path.stages[path.currentIndex] ?? null;
  const [materials, feedback, worksheets] = await Promise.all([
    current ? stageMaterials(context, current.id, now) : Promise.resolve([]),
    prisma.reviewComment.findMany({
      where: { deliverable: { teamId: team.id } },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, kind: true, body: true, createdAt: true, versionNumber: true, deliverable: { select: { stageId: true } } },
    }),
    prisma.datasetWorksheet.count({ where: { teamId: team.id } }),
  ]);
  const homework = lastHomework(path.sessions, now);
  return {
    stages: path.stages,
    currentIndex: path.currentIndex,
    next: nextDue(path.stages),
    homework: homework ? { sequence: homework.sequence, title: homework.title, text: homework.homework } : null,
    materials,
    feedback: feedback.map((f) => ({ id: f.id, kind: f.kind, body: f.body, createdAt: f.createdAt, versionNumber: f.versionNumber, stageId: f.deliverable.stageId })),
    worksheets,
  };
}
