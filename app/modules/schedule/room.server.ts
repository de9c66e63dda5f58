import { jsonArrayAgg, jsonObject } from "~/utils/sql.server";
import { SESSION_ROLES, type SessionRole } from "~/modules/facilitator/levels";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";
import { visibleMaterialsSql } from "~/modules/deliverable/stage-materials.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { teamScopeSqlIn } from "~/modules/academy/scope.server";
import { sessionAttendance, summarise } from "~/modules/attendance/attendance.server";
import { sessionRowFields } from "./session-row";

// The session page for the room: what everyone enrolled sees (agenda, venue, the stage's
// materials, the homework for next time, the boards) and, for staff, attendance. Constant statements.

const RoomRow = z.object({
  id: z.string(),
  ...sessionRowFields,
  kind: z.string(),
  agenda: z.string(),
  homework: z.string(),
  facilitators: jsonArray(z.object({ role: z.string(), displayName: z.string() })),
  stages: jsonArray(z.object({ id: z.string(), key: z.string(), title: z.string() })),
  materials: jsonArray(z.object({ materialId: z.string(), releaseAt: z.coerce.date(), title: z.string(), titleEn: z.string(), audience: z.string(), kind: z.string() })),
  retros: jsonArray(z.object({ id: z.string(), title: z.string(), phase: z.string(), teamName: z.string().nullable() })),
});

/**
 * The session with its facilitators and stages, the stages' materials (participants: released
 * participant materials) and the boards the context may see: one raw statement (decision 0008)
 * instead of eight.
 */
async function readRoom(context: AcademyContext, sessionId: string, now: Date) {
  const academyId = context.academy.id;
  const released = visibleMaterialsSql(context, now);
  const teams = teamScopeSqlIn(context) ?? Prisma.sql`FALSE`;
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT ws."id", ws."sequence", ws."kind", ws."title", ws."startsAt", ws."endsAt", ws."venueName", ws."venueAddress", ws."onlineUrl", ws."agenda", ws."homework",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'role', f."role", 'displayName', f."displayName"`))}
         FROM (SELECT sf."role", u."displayName" FROM "SessionFacilitator" sf JOIN "User" u ON u."id" = sf."userId" WHERE sf."sessionId" = ws."id" ORDER BY u."kana", u."id") f) AS "facilitators",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', st."id", 'key', st."key", 'title', st."title"`))}
         FROM (SELECT * FROM "Stage" WHERE "sessionId" = ws."id" ORDER BY "position", "id") st) AS "stages",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'materialId', m."materialId", 'releaseAt', m."releaseAt", 'title', m."title", 'titleEn', m."titleEn", 'audience', m."audience", 'kind', m."kind"`))}
         FROM (SELECT am."materialId", am."releaseAt", mt."title", mt."titleEn", mt."audience", mt."kind"
                 FROM "AcademyMaterial" am JOIN "Material" mt ON mt."id" = am."materialId" JOIN "Stage" sg ON sg."id" = am."stageId"
                WHERE am."academyId" = ${academyId} AND sg."sessionId" = ws."id" ${released}
                ORDER BY mt."audience" DESC, mt."sortOrder", am."id") m) AS "materials",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', b."id", 'title', b."title", 'phase', b."phase", 'teamName', b."teamName"`))}
         FROM (SELECT r."id", r."title", r."phase", t."name" AS "teamName" FROM "Retrospective" r LEFT JOIN "Team" t ON t."id" = r."teamId"
                WHERE r."academyId" = ${academyId} AND r."sessionId" = ws."id" AND (r."teamId" IS NULL OR (${teams}))
                ORDER BY r."createdAt", r."id") b) AS "retros"
    FROM "WorkshopSession" ws WHERE ws."id" = ${sessionId} AND ws."academyId" = ${academyId}`;
  return rows.length === 0 ? null : RoomRow.parse(rows[0]);
}

export async function sessionRoom(context: AcademyContext, sessionId: string, now = new Date()) {
  const academyId = context.academy.id;
  const room = await readRoom(context, sessionId.slice(0, 64), now);
  if (!room) return null;
  const attendance = context.can.runSessions ? await sessionAttendance(academyId, room.id) : null;
  const { materials, retros, facilitators, ...session } = room;
  return {
    session: {
      ...session,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      // the lead first, then co-facilitators, then observers (SESSION_ROLES' order)
      facilitators: facilitators
        .map((f) => ({ name: f.displayName, role: f.role }))
        .sort((a, b) => SESSION_ROLES.indexOf(a.role as SessionRole) - SESSION_ROLES.indexOf(b.role as SessionRole)),
    },
    materials: materials.map((m) => ({ id: m.materialId, title: m.title, titleEn: m.titleEn, audience: m.audience, released: m.releaseAt <= now })),
    retros,
    attendance: attendance ? summarise(attendance) : null,
  };
}
