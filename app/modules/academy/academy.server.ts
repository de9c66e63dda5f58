import { TAKING_PART, enrollmentCan, takesPart } from "~/modules/account/permissions";
import { academyScalarSelect, decorateAcademies } from "./academy-rows.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { fromTokyoInputs } from "~/utils/dates";
import { recordAudit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/utils/session.server";
import { academyScope } from "./scope.server";
import { canTransition } from "./status";
import { fail, fieldFailure, type Result } from "~/utils/result";
import type { AcademyCreateInput, AcademyFilter, AcademyUpdateInput, StaffInviteInput } from "./schemas";
import { findOrCreatePerson } from "~/modules/team/team.server";
import { checkDoubleBooking, checkNotInPast, checkSessionTiming, hasErrors, redactForeignAcademies, type ScheduleIssue } from "~/modules/schedule/rules";
import { overlappingSessions, type ScheduleViewer } from "~/modules/schedule/session.server";
import { attachCurriculum, recomputeReleases } from "~/modules/material/release.server";
import { createDefaultStages } from "~/modules/stage/stage.server";

export const DEFAULT_SESSION_COUNT = 4;
const DAY = 24 * 60 * 60 * 1000;

export type AcademyResult = Result<
  { id: string },
  {
    issues?: (ScheduleIssue & { sequence: number })[];
    needsAcknowledgement?: boolean;
    /** names of staff the save would take off the academy, awaiting confirmation */
    removedStaff?: string[];
  }
>;

/**
 * Who can be picked as staff: programme coordinators and anyone on the staff of some academy.
 * Read from the (indexed) enrollments and role holders, not by testing 24,000 people.
 */
export async function staffCandidates() {
  const [staff, coordinators] = await Promise.all([
    prisma.enrollment.findMany({ where: { role: { in: ["coordinator", "facilitator"] } }, distinct: ["userId"], select: { userId: true } }),
    prisma.userRole.findMany({ where: { role: { name: "programme_coordinator" } }, select: { userId: true } }),
  ]);
  const ids = [...new Set([...staff, ...coordinators].map((r) => r.userId))];
  return prisma.user.findMany({ where: { id: { in: ids }, disabledAt: null }, orderBy: { kana: "asc" }, select: { id: true, displayName: true } });
}

/** Staff must be people who exist and may sign in (the picker offers the staff pool; new staff are added by e-mail). */
async function checkStaff(input: { facilitatorIds: string[]; coordinatorIds: string[] }): Promise<Record<string, string> | null> {
  for (const [field, ids] of [["facilitatorIds", input.facilitatorIds], ["coordinatorIds", input.coordinatorIds]] as const) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) continue;
    const count = await prisma.user.count({ where: { id: { in: unique }, disabledAt: null } });
    if (count !== unique.length) return { [field]: "academy.validation.staff" };
  }
  return null;
}

/** One role per person: someone picked as both coordinator and facilitator is the coordinator. */
function staffRows(input: { facilitatorIds: string[]; coordinatorIds: string[] }) {
  const coordinators = [...new Set(input.coordinatorIds)];
  return [
    ...coordinators.map((userId) => ({ userId, role: "coordinator" })),
    ...[...new Set(input.facilitatorIds)].filter((id) => !coordinators.includes(id)).map((userId) => ({ userId, role: "facilitator" })),
  ];
}

/**
 * Make the academy's staff enrollments match the picked people: new staff are enrolled
 * (active, with their current municipality and department), staff no longer picked are
 * withdrawn (their history stays), a participant picked as staff changes role.
 */
async function syncStaff(tx: Prisma.TransactionClient, academyId: string, rows: { userId: string; role: string }[]) {
  const existing = await tx.enrollment.findMany({ where: { academyId }, select: { id: true, userId: true, role: true, status: true } });
  const picked = new Map(rows.map((r) => [r.userId, r.role]));
  for (const e of existing) {
    const role = picked.get(e.userId);
    if (role && (e.role !== role || !takesPart(e))) {
      await tx.enrollment.update({ where: { id: e.id }, data: { role, status: "active" } });
    } else if (!role && ["coordinator", "facilitator"].includes(e.role) && takesPart(e)) {
      await tx.enrollment.update({ where: { id: e.id }, data: { status: "withdrawn" } });
    }
  }
  const known = new Set(existing.map((e) => e.userId));
  const fresh = rows.filter((r) => !known.has(r.userId));
  if (fresh.length === 0) return;
  const people = await tx.user.findMany({ where: { id: { in: fresh.map((r) => r.userId) } }, select: { id: true, municipalityCode: true, department: true } });
  await tx.enrollment.createMany({
    data: people.map((p) => ({ academyId, userId: p.id, role: picked.get(p.id)!, status: "active", municipalityCode: p.municipalityCode, department: p.department })),
  });
}

/**
 * A new academy gets four workshop sessions, `intervalDays` apart from the first date, with
 * the assigned facilitators; the coordinator then adjusts each one on the schedule page.
 */
export async function createAcademy(actorId: string, input: AcademyCreateInput, viewer: ScheduleViewer, now = new Date()): Promise<AcademyResult> {
  const region = await prisma.region.findUnique({ where: { id: input.regionId }, select: { id: true, archivedAt: true } });
  if (!region || region.archivedAt) return fieldFailure("regionId", "academy.validation.region");
  const duplicate = await prisma.academy.findUnique({
    where: { regionId_fiscalYear: { regionId: input.regionId, fiscalYear: input.fiscalYear } },
    select: { id: true },
  });
  if (duplicate) return fieldFailure("fiscalYear", "academy.validation.duplicate");
  const staffError = await checkStaff(input);
  if (staffError) return fail("academy.validation.staff", staffError);

  const firstStart = fromTokyoInputs(input.firstSessionDate, input.startTime);
  const firstEnd = fromTokyoInputs(input.firstSessionDate, input.endTime);
  // The generated sessions pass the same rules as a session saved by hand (decision 0005):
  // errors block; warnings (a holiday, a weekend, a date already past) block the first save.
  const issues = await defaultScheduleIssues(input, firstStart, firstEnd, viewer, now);
  if (hasErrors(issues)) return { ...fieldFailure("firstSessionDate", "academy.validation.doubleBooked"), issues };
  if (issues.length > 0 && input.acknowledgeWarnings !== "yes") return { ...fail("schedule.checkWarnings"), issues, needsAcknowledgement: true };
  const academy = await prisma.$transaction(async (tx) => {
    const created = await tx.academy.create({
      data: {
        regionId: input.regionId,
        fiscalYear: input.fiscalYear,
        name: input.name,
        description: input.description,
        preLearningStartsAt: input.preLearningStartDate ? fromTokyoInputs(input.preLearningStartDate, "09:00") : null,
        sessions: {
          create: Array.from({ length: DEFAULT_SESSION_COUNT }, (_, i) => ({
            sequence: i + 1,
            startsAt: new Date(firstStart.getTime() + i * input.intervalDays * DAY),
            endsAt: new Date(firstEnd.getTime() + i * input.intervalDays * DAY),
            facilitators: { create: [...new Set(input.facilitatorIds)].map((userId) => ({ userId })) },
          })),
        },
      },
      select: { id: true },
    });
    await syncStaff(tx, created.id, staffRows(input));
    await createDefaultStages(tx, created.id);
    // The shipped curriculum is released stage by stage by default; coordinators adjust it.
    await attachCurriculum(actorId, created.id, tx);
    await recordAudit(
      {
        actorId,
        action: "academy.create",
        entityType: "academy",
        entityId: created.id,
        after: { name: input.name, fiscalYear: input.fiscalYear, regionId: input.regionId, staff: staffRows(input) },
      },
      tx,
    );
    return created;
  });
  return { ok: true, id: academy.id };
}

/** Every rule for the generated sessions: timing, a date in the past, clashes with other academies. */
async function defaultScheduleIssues(input: AcademyCreateInput, firstStart: Date, firstEnd: Date, viewer: ScheduleViewer, now: Date) {
  const issues: (ScheduleIssue & { sequence: number })[] = [];
  for (let i = 0; i < DEFAULT_SESSION_COUNT; i++) {
    const draft = {
      sequence: i + 1,
      startsAt: new Date(firstStart.getTime() + i * input.intervalDays * DAY),
      endsAt: new Date(firstEnd.getTime() + i * input.intervalDays * DAY),
      venueName: "",
      facilitatorIds: input.facilitatorIds,
    };
    const found = [
      ...checkSessionTiming(draft),
      ...checkNotInPast(draft, now),
      ...redactForeignAcademies(checkDoubleBooking(draft, await overlappingSessions(draft)), (id) => viewer.canSee(id)),
    ];
    for (const issue of found) issues.push({ ...issue, sequence: i + 1 });
  }
  return issues;
}

export async function updateAcademy(actorId: string, id: string, input: AcademyUpdateInput): Promise<AcademyResult | null> {
  const before = await prisma.academy.findUnique({
    where: { id },
    select: {
      name: true,
      description: true,
      preLearningStartsAt: true,
      enrollments: {
        where: { role: { in: ["coordinator", "facilitator"] }, status: TAKING_PART },
        select: { userId: true, role: true, user: { select: { displayName: true } } },
      },
    },
  });
  if (!before) return null;
  const staffError = await checkStaff(input);
  if (staffError) return fail("academy.validation.staff", staffError);
  // Taking someone off the staff ends their access to the academy: ask first.
  const picked = new Set(staffRows(input).map((r) => r.userId));
  const removed = before.enrollments.filter((e) => !picked.has(e.userId)).map((e) => e.user.displayName);
  if (removed.length > 0 && input.confirmStaffRemoval !== "yes") return { ...fail("academy.confirmStaffRemoval"), removedStaff: removed };
  const after = {
    name: input.name,
    description: input.description,
    preLearningStartsAt: input.preLearningStartDate ? fromTokyoInputs(input.preLearningStartDate, "09:00") : null,
  };
  await prisma.$transaction(async (tx) => {
    await tx.academy.update({ where: { id }, data: after });
    await syncStaff(tx, id, staffRows(input));
    const { enrollments, ...rest } = before;
    const staffBefore = enrollments.map((e) => ({ userId: e.userId, role: e.role }));
    await recordAudit(
      { actorId, action: "academy.update", entityType: "academy", entityId: id, before: { ...rest, staff: staffBefore }, after: { ...after, staff: staffRows(input) } },
      tx,
    );
    // Pre-learning material follows the pre-learning start.
    await recomputeReleases(tx, id);
  });
  return { ok: true, id };
}

export async function changeAcademyStatus(actorId: string, id: string, status: string) {
  const academy = await prisma.academy.findUnique({ where: { id }, select: { status: true } });
  if (!academy) return null;
  if (!canTransition(academy.status, status)) return fail("academy.validation.transition");
  await prisma.$transaction(async (tx) => {
    await tx.academy.update({ where: { id }, data: { status } });
    await recordAudit(
      { actorId, action: "academy.status", entityType: "academy", entityId: id, before: { status: academy.status }, after: { status } },
      tx,
    );
  });
  return { ok: true as const };
}

export const ACADEMIES_PAGE_SIZE = 50;

/** One page of the academies the user may see, with the total counted by the database. */
export async function listAcademies(user: SessionUser, filter: AcademyFilter, page = 1) {
  const where: Prisma.AcademyWhereInput = {
    AND: [
      academyScope(user),
      filter.fiscalYear ? { fiscalYear: filter.fiscalYear } : {},
      filter.status ? { status: filter.status } : {},
      filter.regionId ? { regionId: filter.regionId } : {},
      filter.prefecture ? { region: { members: { some: { municipality: { prefectureCode: filter.prefecture } } } } } : {},
    ],
  };
  const [total, academies] = await Promise.all([
    prisma.academy.count({ where }),
    prisma.academy.findMany({
      where,
      orderBy: [{ fiscalYear: "desc" }, { region: { kana: "asc" } }, { id: "asc" }],
      skip: (page - 1) * ACADEMIES_PAGE_SIZE,
      take: ACADEMIES_PAGE_SIZE,
      select: academyScalarSelect,
    }),
  ]);
  const decorations = await decorateAcademies(academies.map((a) => a.id));
  const rows = academies.flatMap((a) => {
    const d = decorations.get(a.id);
    return d ? [{ ...a, region: d.region, _count: d._count, sessions: d.sessions }] : [];
  });
  return { total, pages: Math.max(1, Math.ceil(total / ACADEMIES_PAGE_SIZE)), academies: rows };
}

/** One academy the user may see, with everything its page shows; null when missing or out of scope. */
export async function getAcademy(user: SessionUser, id: string) {
  const academy = await prisma.academy.findFirst({
    where: { AND: [{ id }, academyScope(user)] },
    select: {
      id: true,
      name: true,
      description: true,
      fiscalYear: true,
      status: true,
      preLearningStartsAt: true,
      region: { select: { id: true, name: true, members: { select: { municipality: { select: { code: true, name: true } } } } } },
      enrollments: {
        where: { role: { in: ["coordinator", "facilitator", "observer"] }, status: TAKING_PART },
        orderBy: { user: { kana: "asc" } },
        select: { role: true, user: { select: { id: true, displayName: true } } },
      },
      sessions: {
        orderBy: { sequence: "asc" },
        select: {
          id: true,
          sequence: true,
          kind: true,
          title: true,
          startsAt: true,
          endsAt: true,
          venueName: true,
          venueAddress: true,
          venueCapacity: true,
          onlineUrl: true,
          agenda: true,
          facilitators: { select: { userId: true } },
        },
      },
    },
  });
  if (!academy) return null;
  // Session facilitators are staff of the academy: their names come with the enrollments.
  const names = new Map(academy.enrollments.map((e) => [e.user.id, e.user.displayName]));
  return {
    ...academy,
    sessions: academy.sessions.map((s) => ({
      ...s,
      facilitators: s.facilitators.map((f) => ({ userId: f.userId, user: { id: f.userId, displayName: names.get(f.userId) ?? "—" } })),
    })),
  };
}

export async function listFiscalYears() {
  const rows = await prisma.academy.findMany({ distinct: ["fiscalYear"], select: { fiscalYear: true }, orderBy: { fiscalYear: "desc" } });
  return rows.map((r) => r.fiscalYear);
}

/**
 * Put someone on the academy's staff by e-mail (a new local facilitator, an observer from the
 * prefecture): their account is created if needed, their enrollment set to the role. Someone
 * already in a team of this academy stays a participant here.
 */
export async function addStaffByEmail(actorId: string, academyId: string, input: StaffInviteInput) {
  return prisma.$transaction(async (tx) => {
    const person = await findOrCreatePerson(tx, { email: input.email, displayName: input.displayName, department: "" });
    const existing = await tx.enrollment.findUnique({
      where: { academyId_userId: { academyId, userId: person.id } },
      select: { id: true, role: true, status: true, _count: { select: { teamMemberships: true } } },
    });
    if (existing && enrollmentCan(existing).workInTeam && existing._count.teamMemberships > 0) {
      return fieldFailure("email", "academy.validation.participantHere");
    }
    if (existing && takesPart(existing) && existing.role === input.role) return fieldFailure("email", "academy.validation.alreadyStaff");
    const status = person.hasPassword ? "active" : "invited";
    if (existing) await tx.enrollment.update({ where: { id: existing.id }, data: { role: input.role, status } });
    else {
      const profile = await tx.user.findUniqueOrThrow({ where: { id: person.id }, select: { municipalityCode: true, department: true } });
      await tx.enrollment.create({ data: { academyId, userId: person.id, role: input.role, status, ...profile } });
    }
    await recordAudit({ actorId, action: "academy.staff_add", entityType: "academy", entityId: academyId, after: { userId: person.id, role: input.role } }, tx);
    return { ok: true as const, userId: person.id };
  });
}
