import { releasedPreLearning } from "~/modules/material/prelearning-rule.server";
import { takingPartSql } from "~/modules/academy/scope.server";
import { TAKING_PART } from "~/modules/account/permissions";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { fail, type Result } from "~/utils/result";
import { attendanceOpen, countsAsAttended, hasCompleted, type AttendanceStatus, type CompletionRule } from "./rules";

// Attendance per session per person, and who counts as trained (研修履修) under the academy's rule.
// Lists are one raw statement each (decision 0008); a session has at most a few hundred people.

const RosterRow = z.object({
  enrollmentId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  kana: z.string(),
  teamName: z.string().nullable(),
  status: z.string().nullable(),
  note: z.string().nullable(),
});
export type AttendanceRow = z.infer<typeof RosterRow>;

/** The participants of the session's academy, by team, with what was recorded for this session. */
export async function sessionAttendance(academyId: string, sessionId: string): Promise<AttendanceRow[]> {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT e."id" AS "enrollmentId", u."id" AS "userId", u."displayName", u."kana",
           (SELECT min(t."name") FROM "TeamMember" tm JOIN "Team" t ON t."id" = tm."teamId" WHERE tm."enrollmentId" = e."id") AS "teamName",
           a."status", a."note"
    FROM "Enrollment" e
    JOIN "User" u ON u."id" = e."userId"
    LEFT JOIN "Attendance" a ON a."enrollmentId" = e."id" AND a."sessionId" = ${sessionId}
    WHERE e."academyId" = ${academyId} AND e."role" = 'participant' AND ${takingPartSql("e")}
    ORDER BY "teamName" NULLS LAST, u."kana", u."displayName", e."id"`;
  return rows.map((r) => RosterRow.parse(r));
}

export interface MarkInput {
  enrollmentId: string;
  status: AttendanceStatus;
  note?: string;
}

/** Record (or change) one person's attendance; the change is audited. Idempotent: the same tap twice changes nothing. */
export async function markAttendance(actorId: string, academyId: string, sessionId: string, input: MarkInput, now = new Date()): Promise<Result> {
  const session = await prisma.workshopSession.findFirst({ where: { id: sessionId, academyId }, select: { id: true, sequence: true, startsAt: true } });
  if (!session) return fail("attendance.unknownSession");
  if (!attendanceOpen(session.startsAt, now)) return fail("attendance.notYet");
  const enrollment = await prisma.enrollment.findFirst({
    where: { id: input.enrollmentId, academyId, role: "participant", status: TAKING_PART },
    select: { id: true, user: { select: { displayName: true } } },
  });
  if (!enrollment) return fail("attendance.notInAcademy");
  await prisma.$transaction(async (tx) => {
    const before = await tx.attendance.findUnique({ where: { sessionId_enrollmentId: { sessionId, enrollmentId: enrollment.id } } });
    const note = input.note ?? before?.note ?? "";
    if (before && before.status === input.status && before.note === note) return;
    await tx.attendance.upsert({
      where: { sessionId_enrollmentId: { sessionId, enrollmentId: enrollment.id } },
      create: { sessionId, enrollmentId: enrollment.id, status: input.status, note, recordedById: actorId },
      update: { status: input.status, note, recordedById: actorId },
    });
    await recordAudit(
      {
        actorId,
        action: before ? "attendance.update" : "attendance.record",
        entityType: "session",
        entityId: sessionId,
        before: before ? { person: enrollment.user.displayName, status: before.status, note: before.note } : undefined,
        after: { person: enrollment.user.displayName, status: input.status, note },
      },
      tx,
    );
  });
  return { ok: true };
}

/** Everyone not yet marked becomes present (the facilitator then taps the exceptions). */
export async function markRestPresent(actorId: string, academyId: string, sessionId: string, now = new Date()): Promise<Result<{ count: number }>> {
  const session = await prisma.workshopSession.findFirst({ where: { id: sessionId, academyId }, select: { id: true, startsAt: true } });
  if (!session) return fail("attendance.unknownSession");
  if (!attendanceOpen(session.startsAt, now)) return fail("attendance.notYet");
  const count = await prisma.$transaction(async (tx) => {
    const unmarked = await tx.enrollment.findMany({
      where: { academyId, role: "participant", status: TAKING_PART, attendances: { none: { sessionId } } },
      select: { id: true },
    });
    if (unmarked.length === 0) return 0;
    await tx.attendance.createMany({ data: unmarked.map((e) => ({ sessionId, enrollmentId: e.id, status: "present", recordedById: actorId })) });
    await recordAudit({ actorId, action: "attendance.record_rest", entityType: "session", entityId: sessionId, after: { status: "present", count: unmarked.length } }, tx);
    return unmarked.length;
  });
  return { ok: true, count };
}

const ProgressRow = z.object({
  enrollmentId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  teamName: z.string().nullable(),
  attended: z.coerce.number(),
  preLearningDone: z.coerce.number(),
});

/**
 * Every participant of an academy with sessions attended and pre-learning done, and whether they
 * count as trained under the academy's rule. Three statements whatever the size.
 */
export async function academyCompletion(academyId: string, now = new Date()) {
  const academy = await prisma.academy.findUniqueOrThrow({
    where: { id: academyId },
    select: { completionMinSessions: true, completionPreLearning: true, _count: { select: { sessions: true } } },
  });
  const released = await prisma.academyMaterial.findMany({
    where: { academyId, ...releasedPreLearning(now) },
    select: { materialId: true },
  });
  const ids = released.map((r) => r.materialId);
  const inReleased = ids.length > 0 ? Prisma.sql`AND p."materialId" IN (${Prisma.join(ids)})` : Prisma.sql`AND FALSE`;
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT e."id" AS "enrollmentId", u."id" AS "userId", u."displayName",
           (SELECT min(t."name") FROM "TeamMember" tm JOIN "Team" t ON t."id" = tm."teamId" WHERE tm."enrollmentId" = e."id") AS "teamName",
           (SELECT count(*) FROM "Attendance" a WHERE a."enrollmentId" = e."id" AND a."status" IN ('present', 'late')) AS "attended",
           (SELECT count(*) FROM "PreLearningCompletion" p WHERE p."userId" = e."userId" AND p."academyId" = e."academyId" ${inReleased}) AS "preLearningDone"
    FROM "Enrollment" e JOIN "User" u ON u."id" = e."userId"
    WHERE e."academyId" = ${academyId} AND e."role" = 'participant' AND ${takingPartSql("e")}
    ORDER BY "teamName" NULLS LAST, u."kana", u."displayName", e."id"`;
  const rule: CompletionRule = { minSessions: academy.completionMinSessions, preLearning: academy.completionPreLearning };
  const people = rows.map((r) => {
    const row = ProgressRow.parse(r);
    const progress = { attended: row.attended, preLearningDone: row.preLearningDone, preLearningTotal: ids.length };
    return { ...row, preLearningTotal: ids.length, completed: hasCompleted(progress, rule) };
  });
  return { rule, sessionCount: academy._count.sessions, people, completed: people.filter((p) => p.completed).length };
}

/** Attendance counts of one session (for the room page's summary). */
export function summarise(rows: { status: string | null }[]) {
  const counts = { present: 0, late: 0, absent: 0, excused: 0, unmarked: 0, attended: 0 };
  for (const r of rows) {
    if (r.status === null) counts.unmarked += 1;
    else if (r.status in counts) counts[r.status as AttendanceStatus] += 1;
    if (r.status && countsAsAttended(r.status)) counts.attended += 1;
  }
  return counts;
}

/** The coordinator changes the academy's completion rule (audited). */
export async function setCompletionRule(actorId: string, academyId: string, rule: CompletionRule) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.academy.findUniqueOrThrow({ where: { id: academyId }, select: { completionMinSessions: true, completionPreLearning: true } });
    const after = { completionMinSessions: rule.minSessions, completionPreLearning: rule.preLearning };
    await tx.academy.update({ where: { id: academyId }, data: after });
    await recordAudit({ actorId, action: "academy.completion_rule", entityType: "academy", entityId: academyId, before, after }, tx);
  });
}
