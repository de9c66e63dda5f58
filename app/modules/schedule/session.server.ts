import { TAKING_PART } from "~/modules/account/permissions";
import { jsonArrayAgg, jsonObject, instant } from "~/utils/sql.server";
import { z } from "zod";
import { jsonArray } from "~/utils/raw-read";
import { prisma, Prisma } from "~/utils/db.server";
import { fromTokyoInputs } from "~/utils/dates";
import { recordAudit } from "~/modules/audit/audit.server";
import { overlappingConsultations } from "./consultation-bookings.server";
import { defaultSessionRole } from "~/modules/facilitator/levels";
import {
  checkConsultationClashes,
  checkDoubleBooking,
  checkSessionOrder,
  checkSessionTiming,
  checkNotInPast,
  hasErrors,
  MAX_HOURS,
  redactForeignAcademies,
  type BookedSession,
  type ScheduleIssue,
  type SessionTiming,
} from "./rules";
import type { SessionInput } from "./schemas";
import { fail, fieldFailure, type Result } from "~/utils/result";
import { recomputeReleases } from "~/modules/material/release.server";

interface Draft {
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  facilitatorIds: string[];
}

const BookedRow = z.object({
  id: z.string(),
  sequence: z.coerce.number(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  venueName: z.string(),
  academyId: z.string(),
  academyName: z.string(),
  facilitators: jsonArray(z.object({ id: z.string(), name: z.string() })),
});

/** Instants as Prisma stores them in SQLite, so text comparison orders them. */

/**
 * Sessions of every academy overlapping a time span (optionally without one session), with
 * their academy and facilitators: one raw statement (Prisma would send four; decision 0008).
 */
export async function overlappingSessions(span: { startsAt: Date; endsAt: Date } | { startsAt: Date; endsAt: Date }[], excludeId?: string): Promise<(BookedSession & { id: string })[]> {
  const spans = Array.isArray(span) ? span : [span];
  if (spans.length === 0) return [];
  // Sessions last at most MAX_HOURS, so each start also has a lower bound and the startsAt
  // index bounds the scan on both sides; several spans (an academy's sessions) in one statement.
  const windows = spans.map(
    (s) =>
      Prisma.sql`(ws."startsAt" < ${instant(s.endsAt)} AND ws."startsAt" > ${instant(new Date(s.startsAt.getTime() - MAX_HOURS * 3600_000))} AND ws."endsAt" > ${instant(s.startsAt)})`,
  );
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT ws."id", ws."sequence", ws."startsAt", ws."endsAt", ws."venueName", a."id" AS "academyId", a."name" AS "academyName",
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', u."id", 'name', u."displayName"`))}
              FROM "SessionFacilitator" sf JOIN "User" u ON u."id" = sf."userId" WHERE sf."sessionId" = ws."id") AS "facilitators"
    FROM "WorkshopSession" ws JOIN "Academy" a ON a."id" = ws."academyId"
    WHERE (${Prisma.join(windows, " OR ")}) AND ws."id" <> ${excludeId ?? ""}`;
  return rows.map((row) => BookedRow.parse(row));
}

/** Every rule for one session: its own timing, its place among the academy's sessions, clashes. */
export async function evaluateSession(academyId: string, draft: Draft, excludeId?: string): Promise<ScheduleIssue[]> {
  const siblings = await prisma.workshopSession.findMany({
    where: { academyId, id: excludeId ? { not: excludeId } : undefined },
    select: { sequence: true, startsAt: true, endsAt: true },
  });
  return [
    ...checkSessionTiming(draft),
    ...checkSessionOrder(draft, siblings),
    ...checkDoubleBooking(draft, await overlappingSessions(draft, excludeId)),
    ...checkConsultationClashes({ ...draft, personIds: draft.facilitatorIds }, await overlappingConsultations(draft)),
  ];
}

/** Warnings and errors of every session of an academy as it stands (the sessions the page already loaded). */
export async function academyScheduleIssues(
  sessions: { id: string; sequence: number; startsAt: Date; endsAt: Date; venueName: string; facilitators: { userId: string }[] }[],
): Promise<Record<string, ScheduleIssue[]>> {
  const timings: SessionTiming[] = sessions;
  const result: Record<string, ScheduleIssue[]> = {};
  if (sessions.length === 0) return result;
  // One statement for all the academy's sessions; each session then checks against the others.
  const booked = await overlappingSessions(sessions);
  for (const s of sessions) {
    const draft = { ...s, facilitatorIds: s.facilitators.map((f) => f.userId) };
    result[s.id] = [
      ...checkSessionTiming(s),
      ...checkSessionOrder(s, timings),
      ...checkDoubleBooking(draft, booked.filter((b) => b.id !== s.id)),
    ];
  }
  return result;
}

function toDraft(sequence: number, input: SessionInput): Draft & { data: Record<string, unknown> } {
  const startsAt = fromTokyoInputs(input.date, input.startTime);
  const endsAt = fromTokyoInputs(input.date, input.endTime);
  return {
    sequence,
    startsAt,
    endsAt,
    venueName: input.venueName,
    facilitatorIds: [...new Set(input.facilitatorIds)],
    data: {
      kind: input.kind,
      title: input.title,
      startsAt,
      endsAt,
      venueName: input.venueName,
      venueAddress: input.venueAddress,
      venueCapacity: input.venueCapacity,
      onlineUrl: input.onlineUrl,
      agenda: input.agenda,
      homework: input.homework,
    },
  };
}

export type SaveSessionResult = Result<{ id: string; issues: ScheduleIssue[] }, { issues: ScheduleIssue[]; needsAcknowledgement: boolean }>;

async function checkFacilitators(academyId: string, ids: string[]) {
  if (ids.length === 0) return true;
  const count = await prisma.enrollment.count({
    where: { academyId, role: { in: ["facilitator", "coordinator"] }, status: TAKING_PART, userId: { in: ids } },
  });
  return count === ids.length;
}

/**
 * Errors block. Warnings block the first save so the person sees them, and pass once they
 * tick "save anyway" (acknowledgeWarnings).
 */
/** Who is saving: clashes with academies they may not open are reported without names. */
export interface ScheduleViewer {
  canSee(academyId: string): boolean;
}

/**
 * The rules for saving a session; warnings need the person's acknowledgement. A date in the past
 * is asked about when a session is created there or moved there (`previousStart` differs), not
 * when a past session's agenda or homework is edited.
 */
async function decide(academyId: string, draft: Draft, input: SessionInput, viewer: ScheduleViewer, excludeId?: string, previousStart: Date | null = null) {
  if (!(await checkFacilitators(academyId, draft.facilitatorIds))) {
    return { ...fieldFailure("facilitatorIds", "schedule.validation.facilitator"), issues: [], needsAcknowledgement: false };
  }
  const issues = redactForeignAcademies(
    [...(await evaluateSession(academyId, draft, excludeId)), ...(previousStart?.getTime() !== draft.startsAt.getTime() ? checkNotInPast(draft, new Date()) : [])],
    (id) => viewer.canSee(id),
  );
  if (hasErrors(issues)) return { ...fail("schedule.blocked"), issues, needsAcknowledgement: false };
  if (issues.length > 0 && input.acknowledgeWarnings !== "yes") {
    return { ...fail("schedule.checkWarnings"), issues, needsAcknowledgement: true };
  }
  return { ok: true as const, issues };
}

/** One session of the academy with its facilitators, for the edit form. */
export function getSession(academyId: string, sessionId: string) {
  return prisma.workshopSession.findFirst({
    where: { id: sessionId, academyId },
    include: { facilitators: { select: { userId: true } } },
  });
}

export async function createSession(actorId: string, academyId: string, input: SessionInput, viewer: ScheduleViewer): Promise<SaveSessionResult> {
  const last = await prisma.workshopSession.findFirst({ where: { academyId }, orderBy: { sequence: "desc" }, select: { sequence: true } });
  const draft = toDraft((last?.sequence ?? 0) + 1, input);
  const verdict = await decide(academyId, draft, input, viewer, undefined, null);
  if (!verdict.ok) return verdict;
  const created = await prisma.$transaction(async (tx) => {
    const session = await tx.workshopSession.create({
      data: {
        ...(draft.data as object),
        academyId,
        sequence: draft.sequence,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        facilitators: { create: await sessionRoles(tx, academyId, draft.facilitatorIds, new Map()) },
      },
      select: { id: true },
    });
    await recordAudit({ actorId, action: "session.create", entityType: "session", entityId: session.id, after: { ...draft.data, facilitatorIds: draft.facilitatorIds } }, tx);
    await recomputeReleases(tx, academyId);
    return session;
  });
  return { ok: true, id: created.id, issues: verdict.issues };
}

export async function updateSession(actorId: string, academyId: string, sessionId: string, input: SessionInput, viewer: ScheduleViewer): Promise<SaveSessionResult | null> {
  const before = await prisma.workshopSession.findFirst({
    where: { id: sessionId, academyId },
    include: { facilitators: { select: { userId: true, role: true } } },
  });
  if (!before) return null;
  const draft = toDraft(before.sequence, input);
  const verdict = await decide(before.academyId, draft, input, viewer, sessionId, before.startsAt);
  if (!verdict.ok) return verdict;
  await prisma.$transaction(async (tx) => {
    const roles = await sessionRoles(tx, before.academyId, draft.facilitatorIds, new Map(before.facilitators.map((f) => [f.userId, f.role])));
    await tx.sessionFacilitator.deleteMany({ where: { sessionId } });
    await tx.workshopSession.update({
      where: { id: sessionId },
      data: { ...(draft.data as object), facilitators: { create: roles } },
    });
    const { facilitators, ...rest } = before;
    await recordAudit(
      {
        actorId,
        action: "session.update",
        entityType: "session",
        entityId: sessionId,
        before: { ...rest, facilitatorIds: facilitators.map((f) => f.userId) },
        after: { ...draft.data, facilitatorIds: draft.facilitatorIds },
      },
      tx,
    );
    // Releases "n days before this session" move with it.
    await recomputeReleases(tx, before.academyId);
  });
  return { ok: true, id: sessionId, issues: verdict.issues };
}

/**
 * The part each facilitator takes: the one they had in this session, or, when newly added, as
 * far as their training has come (a trainee observer observes; see app/modules/facilitator).
 */
async function sessionRoles(tx: Prisma.TransactionClient, academyId: string, userIds: string[], kept: Map<string, string>) {
  const levels = new Map(
    (await tx.enrollment.findMany({ where: { academyId, userId: { in: userIds } }, select: { userId: true, trainingLevel: true } })).map((e) => [e.userId, e.trainingLevel]),
  );
  return userIds.map((userId) => ({ userId, role: kept.get(userId) ?? defaultSessionRole(levels.get(userId)) }));
}

/** Remove a session and close the gap in the numbering (第1回..第n回 stay consecutive). */
export async function deleteSession(actorId: string, academyId: string, sessionId: string) {
  const session = await prisma.workshopSession.findFirst({ where: { id: sessionId, academyId } });
  if (!session) return null;
  await prisma.$transaction(async (tx) => {
    await tx.workshopSession.delete({ where: { id: sessionId } });
    const later = await tx.workshopSession.findMany({
      where: { academyId: session.academyId, sequence: { gt: session.sequence } },
      orderBy: { sequence: "asc" },
      select: { id: true, sequence: true },
    });
    for (const s of later) await tx.workshopSession.update({ where: { id: s.id }, data: { sequence: s.sequence - 1 } });
    await recordAudit({ actorId, action: "session.delete", entityType: "session", entityId: sessionId, before: session }, tx);
    await recomputeReleases(tx, session.academyId);
  });
  return { sequence: session.sequence };
}
