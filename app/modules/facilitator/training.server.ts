import { TAKING_PART } from "~/modules/account/permissions";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { checkConsultationClashes, checkDoubleBooking, type ScheduleIssue } from "~/modules/schedule/rules";
import { overlappingSessions } from "~/modules/schedule/session.server";
import { overlappingConsultations } from "~/modules/schedule/consultation-bookings.server";
import { fail, type Result } from "~/utils/result";
import { SESSION_ROLES, type SessionRole, type TrainingLevel } from "./levels";

// An academy's facilitators and their growth: who is in training and how far, and who took
// which part in each session. Coordinators change it; the academy's staff read it.

const STAFF_ROLES = ["facilitator", "coordinator"];

export async function academyFacilitation(academyId: string) {
  const [staff, sessions] = await Promise.all([
    prisma.enrollment.findMany({
      where: { academyId, status: TAKING_PART, OR: [{ role: { in: STAFF_ROLES } }, { trainingLevel: { not: null } }] },
      orderBy: [{ role: "asc" }, { user: { kana: "asc" } }],
      select: { id: true, role: true, trainingLevel: true, trainingLevelAt: true, user: { select: { id: true, displayName: true, department: true, municipality: { select: { name: true } } } } },
    }),
    prisma.workshopSession.findMany({
      where: { academyId },
      orderBy: { sequence: "asc" },
      select: { id: true, sequence: true, title: true, startsAt: true, endsAt: true, facilitators: { select: { userId: true, role: true } } },
    }),
  ]);
  return { staff, sessions };
}

/** Mark someone of the academy's staff as in training (or no longer), with the date it changed. */
export async function setTrainingLevel(actorId: string, academyId: string, enrollmentId: string, level: TrainingLevel | null): Promise<Result> {
  const enrollment = await prisma.enrollment.findFirst({ where: { id: enrollmentId, academyId, role: { in: STAFF_ROLES }, status: TAKING_PART }, select: { id: true, userId: true, trainingLevel: true } });
  if (!enrollment) return fail("facilitator.error.notStaff");
  if (enrollment.trainingLevel === level) return { ok: true };
  await prisma.$transaction(async (tx) => {
    await tx.enrollment.update({ where: { id: enrollment.id }, data: { trainingLevel: level, trainingLevelAt: level ? new Date() : null } });
    await recordAudit({ actorId, action: "academy.training_level", entityType: "academy", entityId: academyId, before: { userId: enrollment.userId, trainingLevel: enrollment.trainingLevel }, after: { userId: enrollment.userId, trainingLevel: level } }, tx);
  });
  return { ok: true };
}

export type AssignmentResult = Result<object, { issues?: (ScheduleIssue & { sequence: number })[] }>;

/**
 * Save who took which part in every session (`role.<sessionId>.<userId>` = lead | co_facilitator |
 * observer | ""). Someone added to a session must be free then (no other session, no consultation).
 */
export async function saveAssignments(actorId: string, academyId: string, cells: Record<string, string>): Promise<AssignmentResult> {
  const { staff, sessions } = await academyFacilitation(academyId);
  const staffIds = new Set(staff.map((s) => s.user.id));
  const names = new Map(staff.map((s) => [s.user.id, s.user.displayName]));
  const wanted = new Map<string, Map<string, SessionRole>>();
  for (const [key, value] of Object.entries(cells)) {
    const [, sessionId, userId] = key.split(".");
    if (!sessionId || !userId || !sessions.some((s) => s.id === sessionId) || !staffIds.has(userId)) return fail("facilitator.error.unknownCell");
    if (value === "") continue;
    if (!(SESSION_ROLES as readonly string[]).includes(value)) return fail("facilitator.error.unknownRole");
    const row = wanted.get(sessionId) ?? new Map<string, SessionRole>();
    row.set(userId, value as SessionRole);
    wanted.set(sessionId, row);
  }
  const changes: { sessionId: string; sequence: number; added: string[]; removed: string[]; changed: { userId: string; role: SessionRole }[] }[] = [];
  for (const s of sessions) {
    const now = wanted.get(s.id) ?? new Map<string, SessionRole>();
    const was = new Map(s.facilitators.map((f) => [f.userId, f.role]));
    // people outside the grid (e.g. removed from the staff since) keep their place
    for (const [userId, role] of was) if (!staffIds.has(userId)) now.set(userId, role as SessionRole);
    const added = [...now.keys()].filter((u) => !was.has(u));
    const removed = [...was.keys()].filter((u) => !now.has(u));
    const changed = [...now.entries()].filter(([u, r]) => was.has(u) && was.get(u) !== r).map(([userId, role]) => ({ userId, role }));
    if (added.length || removed.length || changed.length) changes.push({ sessionId: s.id, sequence: s.sequence, added, removed, changed });
    wanted.set(s.id, now);
  }
  if (changes.length === 0) return { ok: true };
  const withAdded = changes.filter((c) => c.added.length > 0).map((c) => sessions.find((s) => s.id === c.sessionId)!);
  const booked = await overlappingSessions(withAdded);
  const issues: (ScheduleIssue & { sequence: number })[] = [];
  for (const c of changes.filter((x) => x.added.length > 0)) {
    const s = sessions.find((x) => x.id === c.sessionId)!;
    const meeting = { startsAt: s.startsAt, endsAt: s.endsAt, venueName: "" };
    issues.push(
      ...checkDoubleBooking({ ...meeting, facilitatorIds: c.added }, booked.filter((b) => b.id !== s.id)).map((i) => ({ ...i, sequence: s.sequence })),
      ...checkConsultationClashes({ ...meeting, personIds: c.added }, await overlappingConsultations(s)).map((i) => ({ ...i, sequence: s.sequence })),
    );
  }
  if (issues.length > 0) return { ...fail("facilitator.error.clash"), issues };
  await prisma.$transaction(async (tx) => {
    for (const c of changes) {
      const row = wanted.get(c.sessionId)!;
      if (c.removed.length) await tx.sessionFacilitator.deleteMany({ where: { sessionId: c.sessionId, userId: { in: c.removed } } });
      for (const userId of c.added) await tx.sessionFacilitator.create({ data: { sessionId: c.sessionId, userId, role: row.get(userId)! } });
      for (const { userId, role } of c.changed) await tx.sessionFacilitator.update({ where: { sessionId_userId: { sessionId: c.sessionId, userId } }, data: { role } });
    }
    await recordAudit(
      {
        actorId,
        action: "academy.session_roles",
        entityType: "academy",
        entityId: academyId,
        after: { changes: changes.map((c) => ({ sequence: c.sequence, added: c.added.map((u) => names.get(u) ?? u), removed: c.removed.map((u) => names.get(u) ?? u), changed: c.changed.map((x) => ({ name: names.get(x.userId) ?? x.userId, role: x.role })) })) },
      },
      tx,
    );
  });
  return { ok: true };
}
