import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { stageDueDates } from "./deadline";

// Each stage's due date for a set of academies (the academies' ids as an SQL list or sub-query),
// computed by the one rule of deadline.ts; two statements whatever the number of academies.

const StageRow = z.object({ id: z.string(), academyId: z.string(), dueAt: z.coerce.date().nullable(), cutoffAt: z.coerce.date().nullable(), sessionStartsAt: z.coerce.date().nullable() });
const SessionRow = z.object({ academyId: z.string(), startsAt: z.coerce.date() });

export async function academyStageDueDates(academyIds: Prisma.Sql): Promise<Map<string, Date | null>> {
  const [stageRows, sessionRows] = await Promise.all([
    prisma.$queryRaw<unknown[]>`
      SELECT s."id", s."academyId", s."dueAt", s."cutoffAt", ws."startsAt" AS "sessionStartsAt"
      FROM "Stage" s LEFT JOIN "WorkshopSession" ws ON ws."id" = s."sessionId"
      WHERE s."academyId" IN (${academyIds}) ORDER BY s."academyId", s."position", s."id"`,
    prisma.$queryRaw<unknown[]>`SELECT "academyId", "startsAt" FROM "WorkshopSession" WHERE "academyId" IN (${academyIds})`,
  ]);
  const sessions = new Map<string, Date[]>();
  for (const r of sessionRows) {
    const s = SessionRow.parse(r);
    sessions.set(s.academyId, [...(sessions.get(s.academyId) ?? []), s.startsAt]);
  }
  const byAcademy = new Map<string, z.output<typeof StageRow>[]>();
  for (const r of stageRows) {
    const s = StageRow.parse(r);
    const list = byAcademy.get(s.academyId);
    if (list) list.push(s);
    else byAcademy.set(s.academyId, [s]);
  }
  const due = new Map<string, Date | null>();
  for (const [academyId, stages] of byAcademy) for (const [id, at] of stageDueDates(stages, sessions.get(academyId) ?? [])) due.set(id, at);
  return due;
}
