import { jsonArrayAgg, jsonObject } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";
import type { AcademyContext } from "~/modules/academy/context.server";
import { lastHomework, nextSession, teamPath, toDo, type TeamRef } from "./path.server";
import { StageMaterialList, stageMaterialsJson, toStageMaterial } from "./stage-materials.server";

const ExtrasRow = z.object({
  materials: StageMaterialList,
  feedback: jsonArray(z.object({ id: z.string(), kind: z.string(), body: z.string(), createdAt: z.coerce.date(), versionNumber: z.number().nullable(), stageId: z.string() })),
  worksheets: z.coerce.number(),
  actions: jsonArray(
    z.object({ id: z.string(), text: z.string(), dueAt: z.coerce.date().nullable(), retroId: z.string(), stageId: z.string().nullable(), owner: z.string().nullable() }),
  ),
  retros: jsonArray(z.object({ id: z.string(), title: z.string(), phase: z.string(), createdAt: z.coerce.date(), sequence: z.number().nullable() })),
});

/**
 * What the workspace shows beside the path, in one raw statement (decision 0008) instead of
 * seven: the current stage's materials (participants: released participant materials only),
 * the latest feedback, the number of dataset worksheets, the retrospectives' open actions with
 * their owners, the latest boards.
 */
async function workspaceExtras(context: AcademyContext, teamId: string, stageId: string | null, now: Date) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT
      (${stageMaterialsJson(context, stageId ?? "", now)}) AS "materials",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', c."id", 'kind', c."kind", 'body', c."body", 'createdAt', c."createdAt", 'versionNumber', c."versionNumber", 'stageId', c."stageId"`))}
         FROM (SELECT rc."id", rc."kind", rc."body", rc."createdAt", rc."versionNumber", d."stageId" FROM "ReviewComment" rc JOIN "Deliverable" d ON d."id" = rc."deliverableId"
                WHERE d."teamId" = ${teamId} ORDER BY rc."createdAt" DESC, rc."id" DESC LIMIT 5) c) AS "feedback",
      (SELECT count(*) FROM "DatasetWorksheet" dw WHERE dw."teamId" = ${teamId}) AS "worksheets",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', a."id", 'text', a."text", 'dueAt', a."dueAt", 'retroId', a."retroId", 'stageId', a."stageId", 'owner', a."owner"`))}
         FROM (SELECT ra."id", ra."text", ra."dueAt", ra."retroId", ra."stageId", u."displayName" AS "owner" FROM "RetroAction" ra LEFT JOIN "User" u ON u."id" = ra."ownerId"
                WHERE ra."teamId" = ${teamId} AND ra."status" = 'open' ORDER BY ra."dueAt" IS NULL, ra."dueAt", ra."createdAt", ra."id" LIMIT 20) a) AS "actions",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', r."id", 'title', r."title", 'phase', r."phase", 'createdAt', r."createdAt", 'sequence', r."sequence"`))}
         FROM (SELECT rt."id", rt."title", rt."phase", rt."createdAt", ws."sequence" FROM "Retrospective" rt LEFT JOIN "WorkshopSession" ws ON ws."id" = rt."sessionId"
                WHERE rt."teamId" = ${teamId} ORDER BY rt."createdAt" DESC, rt."id" DESC LIMIT 5) r) AS "retros"`;
  return ExtrasRow.parse(rows[0]);
}

/**
 * The team workspace (the participant's home): the path with where the team stands, what to
 * do next, the homework from the last session, the current stage's materials and the latest
 * feedback, the open actions from retrospectives. Two statements whatever the data size.
 */
export async function teamWorkspace(context: AcademyContext, team: TeamRef, now: Date) {
  const path = await teamPath(team, now);
  const current = path.stages[path.currentIndex] ?? null;
  const extras = await workspaceExtras(context, team.id, current?.id ?? null, now);
  const homework = lastHomework(path.sessions, now);
  return {
    stages: path.stages,
    currentIndex: path.currentIndex,
    todo: toDo(path.stages, path.currentIndex),
    nextSession: nextSession(path.sessions, now),
    homework: homework ? { sequence: homework.sequence, title: homework.title, text: homework.homework } : null,
    materials: current ? extras.materials.map(toStageMaterial) : [],
    feedback: extras.feedback,
    worksheets: extras.worksheets,
    actions: extras.actions,
    retros: extras.retros,
  };
}
