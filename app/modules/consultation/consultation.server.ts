import { containsText, jsonArrayAgg, jsonObject } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";
import { recordAudit } from "~/modules/audit/audit.server";
import { deliverQueued, queueMail, type QueuedMail } from "~/modules/mail/mailer.server";
import { resolveMunicipalityCodes } from "~/modules/municipality/municipality.server";
import { checkConsultationClashes, checkDoubleBooking, checkNotInPast, checkSessionTiming, hasErrors, type ScheduleIssue } from "~/modules/schedule/rules";
import { overlappingSessions } from "~/modules/schedule/session.server";
import { overlappingConsultations } from "~/modules/schedule/consultation-bookings.server";
import { serverT } from "~/utils/i18n.server";
import { env } from "~/utils/env.server";
import { fiscalYearOf, formatDateTime, formatTime, fromTokyoInputs, toTokyoDateInput, type AppLocale } from "~/utils/dates";
import { fail, fieldFailure, type Result } from "~/utils/result";
import type { SessionUser } from "~/utils/session.server";
import { type ActionStatus, type ConsultationFilter, type RequestInput, type ScheduleInput } from "./schemas";

// Expert consultations (相談会): a government asks a question in a topic category, the
// coordinator finds experts and a time (the session rules for clashes apply both ways), the
// meeting is held and its advice recorded (論点, 助言, follow-up actions with owner and due date),
// and months later everyone involved records where things stand.
// Who sees one: programme coordinators, its requester and its experts. See decision 0014.

export const CONSULTATIONS_PAGE_SIZE = 50;
/** A form sent again within this time with the same content is the same submission. */
const REPEAT_WINDOW_MS = 10 * 60_000;

type Viewer = Pick<SessionUser, "id" | "permissions">;

export const isConsultationCoordinator = (user: Viewer) => user.permissions.includes("manage:consultation:any");

function visibleTo(user: Viewer): Prisma.ConsultationWhereInput {
  if (isConsultationCoordinator(user)) return {};
  return { OR: [{ requesterId: user.id }, { experts: { some: { expert: { userId: user.id } } } }] };
}

const ListRow = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  fiscalYear: z.coerce.number(),
  startsAt: z.coerce.date().nullable(),
  endsAt: z.coerce.date().nullable(),
  mode: z.string().nullable(),
  createdAt: z.coerce.date(),
  municipalityName: z.string(),
  prefectureName: z.string(),
  topicLabel: z.string(),
  topicLabelEn: z.string(),
  experts: jsonArray(z.string()),
  openActions: z.coerce.number(),
  overdueActions: z.coerce.number(),
  total: z.coerce.number(),
});

/**
 * One page of the consultations a person may see, newest meeting first (not yet scheduled on
 * top), with the government, topic, experts and open / overdue actions: one statement, raw
 * because Prisma would send one per relation (decision 0008).
 */
export async function listConsultations(user: Viewer, filter: ConsultationFilter) {
  const page = filter.page ?? 1;
  const today = toTokyoDateInput(new Date());
  const where: Prisma.Sql[] = [];
  if (!isConsultationCoordinator(user)) where.push(visibleSql(user));
  if (filter.status) where.push(Prisma.sql`c."status" = ${filter.status}`);
  if (filter.topic) where.push(Prisma.sql`c."topicId" = ${filter.topic}`);
  if (filter.fy) where.push(Prisma.sql`c."fiscalYear" = ${filter.fy}`);
  const q = filter.q?.trim();
  if (q) {
    where.push(Prisma.sql`(${containsText(Prisma.sql`c."title"`, q)} OR ${containsText(Prisma.sql`m."name"`, q)} OR ${containsText(Prisma.sql`c."question"`, q)})`);
  }
  const whereSql = where.length ? Prisma.join(where, " AND ") : Prisma.sql`TRUE`;
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT c."id", c."title", c."status", c."fiscalYear", c."startsAt", c."endsAt", c."mode", c."createdAt",
           m."name" AS "municipalityName", pf."name" AS "prefectureName", tp."label" AS "topicLabel", tp."labelEn" AS "topicLabelEn",
           (SELECT ${jsonArrayAgg(Prisma.sql`u."displayName"`)} FROM "ConsultationExpert" ce JOIN "Expert" x ON x."id" = ce."expertId" JOIN "User" u ON u."id" = x."userId" WHERE ce."consultationId" = c."id") AS "experts",
           (SELECT count(*) FROM "ConsultationAction" ca WHERE ca."consultationId" = c."id" AND ca."status" IN ('open', 'in_progress')) AS "openActions",
           (SELECT count(*) FROM "ConsultationAction" ca WHERE ca."consultationId" = c."id" AND ca."status" IN ('open', 'in_progress') AND ca."dueOn" < ${today}) AS "overdueActions",
           count(*) OVER () AS "total"
    FROM "Consultation" c
      JOIN "Municipality" m ON m."code" = c."municipalityCode"
      JOIN "Prefecture" pf ON pf."code" = m."prefectureCode"
      JOIN "ConsultationTopic" tp ON tp."id" = c."topicId"
    WHERE ${whereSql}
    ORDER BY c."startsAt" IS NOT NULL, c."startsAt" DESC, c."createdAt" DESC
    LIMIT ${CONSULTATIONS_PAGE_SIZE} OFFSET ${(page - 1) * CONSULTATIONS_PAGE_SIZE}`;
  const parsed = rows.map((r) => ListRow.parse(r));
  // a page past the end has no row to carry the total: count once more
  const total =
    parsed[0]?.total ??
    (page > 1
      ? Number(((await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS "n" FROM "Consultation" c JOIN "Municipality" m ON m."code" = c."municipalityCode" WHERE ${whereSql}`)[0]?.n) ?? 0)
      : 0);
  const consultations = parsed.map(({ total: _total, municipalityName, prefectureName, topicLabel, topicLabelEn, ...c }) => ({
    ...c,
    municipality: { name: municipalityName, prefecture: { name: prefectureName } },
    topic: { label: topicLabel, labelEn: topicLabelEn },
  }));
  return { consultations, total, page, pages: Math.max(1, Math.ceil(total / CONSULTATIONS_PAGE_SIZE)) };
}

/** Counts per status for the coordinator's overview (one statement). */
export async function consultationCounts(fiscalYear?: number) {
  const rows = await prisma.consultation.groupBy({ by: ["status"], where: { fiscalYear }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>;
}

/** SQL twin of visibleTo on a consultation row `c` (the list, the page; scope.property.test.ts ties them). */
function visibleSql(user: Viewer): Prisma.Sql {
  if (isConsultationCoordinator(user)) return Prisma.sql`TRUE`;
  return Prisma.sql`(c."requesterId" = ${user.id} OR EXISTS (SELECT 1 FROM "ConsultationExpert" ce JOIN "Expert" x ON x."id" = ce."expertId" WHERE ce."consultationId" = c."id" AND x."userId" = ${user.id}))`;
}

const date = z.coerce.date();
const DetailRow = z.object({
  id: z.string(),
  fiscalYear: z.coerce.number(),
  title: z.string(),
  question: z.string(),
  background: z.string(),
  status: z.string(),
  closingReason: z.string(),
  mode: z.string().nullable(),
  startsAt: date.nullable(),
  endsAt: date.nullable(),
  venueName: z.string(),
  venueAddress: z.string(),
  onlineUrl: z.string(),
  issues: z.string(),
  advice: z.string(),
  recordedAt: date.nullable(),
  createdAt: date,
  applicationId: z.string().nullable(),
  requesterId: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  prefectureName: z.string(),
  requesterName: z.string(),
  requesterEmail: z.string(),
  requesterDepartment: z.string(),
  topicId: z.string(),
  topicLabel: z.string(),
  topicLabelEn: z.string(),
  experts: jsonArray(z.object({ id: z.string(), userId: z.string(), kind: z.string(), affiliation: z.string(), displayName: z.string() })),
  actions: jsonArray(z.object({ id: z.string(), description: z.string(), owner: z.string(), dueOn: z.string(), status: z.string(), updatedAt: date })),
  followUps: jsonArray(z.object({ id: z.string(), note: z.string(), createdAt: date, author: z.string().nullable() })),
});

/** One consultation with what its viewer may do, or null when they may not see it (one raw statement, decision 0008). */
export async function getConsultation(user: Viewer, id: string, now = new Date()) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT c."id", c."fiscalYear", c."title", c."question", c."background", c."status", c."closingReason", c."mode", c."startsAt", c."endsAt",
           c."venueName", c."venueAddress", c."onlineUrl", c."issues", c."advice", c."recordedAt", c."createdAt", c."applicationId", c."requesterId",
           m."code" AS "municipalityCode", m."name" AS "municipalityName", pf."name" AS "prefectureName",
           ru."displayName" AS "requesterName", ru."email" AS "requesterEmail", ru."department" AS "requesterDepartment",
           tp."id" AS "topicId", tp."label" AS "topicLabel", tp."labelEn" AS "topicLabelEn",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', x."id", 'userId', x."userId", 'kind', x."kind", 'affiliation', x."affiliation", 'displayName', x."displayName"`))}
         FROM (SELECT ex."id", ex."userId", ex."kind", ex."affiliation", eu."displayName" FROM "ConsultationExpert" ce JOIN "Expert" ex ON ex."id" = ce."expertId"
                 JOIN "User" eu ON eu."id" = ex."userId" WHERE ce."consultationId" = c."id" ORDER BY eu."kana", ex."id") x) AS "experts",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', a."id", 'description', a."description", 'owner', a."owner", 'dueOn', a."dueOn", 'status', a."status", 'updatedAt', a."updatedAt"`))}
         FROM (SELECT * FROM "ConsultationAction" WHERE "consultationId" = c."id" ORDER BY "dueOn", "createdAt", "id") a) AS "actions",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', f."id", 'note', f."note", 'createdAt', f."createdAt", 'author', f."author"`))}
         FROM (SELECT fu."id", fu."note", fu."createdAt", au."displayName" AS "author" FROM "ConsultationFollowUp" fu LEFT JOIN "User" au ON au."id" = fu."authorId"
                WHERE fu."consultationId" = c."id" ORDER BY fu."createdAt" DESC, fu."id" DESC) f) AS "followUps"
    FROM "Consultation" c JOIN "Municipality" m ON m."code" = c."municipalityCode" JOIN "Prefecture" pf ON pf."code" = m."prefectureCode"
      JOIN "User" ru ON ru."id" = c."requesterId" JOIN "ConsultationTopic" tp ON tp."id" = c."topicId"
    WHERE c."id" = ${id.slice(0, 64)} AND ${visibleSql(user)}`;
  if (rows.length === 0) return null;
  const { municipalityCode, municipalityName, prefectureName, requesterName, requesterEmail, requesterDepartment, topicId, topicLabel, topicLabelEn, ...row } = DetailRow.parse(rows[0]);
  const c = {
    ...row,
    municipality: { code: municipalityCode, name: municipalityName, prefecture: { name: prefectureName } },
    requester: { displayName: requesterName, email: requesterEmail, department: requesterDepartment },
    topic: { id: topicId, label: topicLabel, labelEn: topicLabelEn },
    experts: row.experts.map(({ displayName, ...expert }) => ({ expert: { ...expert, user: { displayName } } })),
    followUps: row.followUps.map(({ author, ...f }) => ({ ...f, author: author === null ? null : { displayName: author } })),
  };
  const coordinator = isConsultationCoordinator(user);
  const expert = c.experts.some((e) => e.expert.userId === user.id);
  const requester = c.requesterId === user.id;
  const started = c.startsAt !== null && c.startsAt.getTime() <= now.getTime();
  const can = {
    schedule: coordinator && (c.status === "requested" || c.status === "scheduled"),
    close: coordinator && (c.status === "requested" || c.status === "scheduled"),
    withdraw: requester && c.status === "requested",
    record: (coordinator || expert) && (c.status === "scheduled" || c.status === "held") && started,
    manageActions: (coordinator || expert) && c.status === "held",
    followUp: c.status === "held",
    seeContact: coordinator || expert,
  };
  return { ...c, can, roles: { coordinator, expert, requester } };
}
export type ConsultationView = NonNullable<Awaited<ReturnType<typeof getConsultation>>>;

/** A government asks for a consultation. */
export async function requestConsultation(user: Viewer, input: RequestInput, now = new Date()): Promise<Result<{ id: string }, { params?: Record<string, string | number> }>> {
  const resolved = await resolveMunicipalityCodes([input.municipalityCode]);
  if (!resolved.ok) return { ...fieldFailure("municipalityCode", resolved.error), params: resolved.params };
  const topic = await prisma.consultationTopic.findFirst({ where: { id: input.topicId, archivedAt: null }, select: { id: true } });
  if (!topic) return fieldFailure("topicId", "consultation.error.noSuchTopic");
  const c = await prisma.$transaction(async (tx) => {
    // the same request sent twice (a double click, a resent form) is one request
    const same = await tx.consultation.findFirst({
      where: { requesterId: user.id, title: input.title, question: input.question, status: "requested", createdAt: { gt: new Date(now.getTime() - REPEAT_WINDOW_MS) } },
      select: { id: true },
    });
    if (same) return same;
    const created = await tx.consultation.create({
      data: { fiscalYear: fiscalYearOf(now), municipalityCode: resolved.codes[0]!, requesterId: user.id, topicId: topic.id, title: input.title, question: input.question, background: input.background },
      select: { id: true },
    });
    await recordAudit({ actorId: user.id, action: "consultation.request", entityType: "consultation", entityId: created.id, after: { ...input, municipalityCode: resolved.codes[0] } }, tx);
    return created;
  });
  return { ok: true, id: c.id };
}

/** The rules a meeting must follow: its length, weekday and holiday, and no clash with a session or another consultation. */
async function meetingIssues(meeting: { startsAt: Date; endsAt: Date; venueName: string; personIds: string[] }, excludeId: string) {
  const timing = checkSessionTiming(meeting).filter((i) => !["shorterThanRecommended", "longerThanRecommended"].includes(i.code));
  const sessions = checkDoubleBooking({ ...meeting, facilitatorIds: meeting.personIds }, await overlappingSessions(meeting));
  const consultations = checkConsultationClashes(meeting, await overlappingConsultations(meeting, excludeId));
  return [...timing, ...sessions, ...consultations];
}

export type ScheduleResult = Result<{ issues: ScheduleIssue[] }, { issues: ScheduleIssue[]; needsAcknowledgement: boolean }>;

/**
 * Set (or move) the meeting: experts, time, online or at a venue. Errors block; warnings (a
 * weekend, a holiday) block the first save until acknowledged. Requester and experts are mailed.
 */
export async function scheduleConsultation(actorId: string, id: string, input: ScheduleInput): Promise<ScheduleResult> {
  const c = await prisma.consultation.findUnique({ where: { id }, select: { id: true, status: true, startsAt: true, endsAt: true, mode: true, venueName: true, onlineUrl: true, experts: { select: { expertId: true } } } });
  if (!c || (c.status !== "requested" && c.status !== "scheduled")) return { ...fail("consultation.error.notSchedulable"), issues: [], needsAcknowledgement: false };
  const expertIds = [...new Set(input.expertIds)];
  const experts = await prisma.expert.findMany({ where: { id: { in: expertIds }, OR: [{ retiredAt: null }, { consultations: { some: { consultationId: id } } }] }, select: { id: true, userId: true } });
  if (experts.length !== expertIds.length) return { ...fieldFailure("expertIds", "consultation.error.noSuchExpert"), issues: [], needsAcknowledgement: false };
  const startsAt = fromTokyoInputs(input.date, input.startTime);
  const endsAt = fromTokyoInputs(input.date, input.endTime);
  const venueName = input.mode === "venue" ? input.venueName : "";
  // A meeting set (or moved) into the past is asked about: its mail would tell people to come to it.
  const moved = c.startsAt?.getTime() !== startsAt.getTime();
  const issues = [...(await meetingIssues({ startsAt, endsAt, venueName, personIds: experts.map((e) => e.userId) }, id)), ...(moved ? checkNotInPast({ startsAt }, new Date()) : [])];
  if (hasErrors(issues)) return { ...fail("consultation.error.clash"), issues, needsAcknowledgement: false };
  if (issues.length > 0 && input.acknowledgeWarnings !== "yes") return { ...fail("schedule.checkWarnings"), issues, needsAcknowledgement: true };
  const unchanged =
    c.status === "scheduled" &&
    c.startsAt?.getTime() === startsAt.getTime() &&
    c.endsAt?.getTime() === endsAt.getTime() &&
    c.mode === input.mode &&
    c.venueName === venueName &&
    c.onlineUrl === (input.mode === "online" ? input.onlineUrl : "") &&
    c.experts.length === expertIds.length &&
    c.experts.every((e) => expertIds.includes(e.expertId));
  // pressing the button twice changes nothing and mails nobody twice
  if (unchanged) return { ok: true, issues };
  const data = {
    status: "scheduled",
    mode: input.mode,
    startsAt,
    endsAt,
    venueName,
    venueAddress: input.mode === "venue" ? input.venueAddress : "",
    onlineUrl: input.mode === "online" ? input.onlineUrl : "",
  };
  const mails = await prisma.$transaction(async (tx) => {
    await tx.consultation.update({ where: { id }, data: { ...data, experts: { deleteMany: {}, create: expertIds.map((expertId) => ({ expertId })) } } });
    await recordAudit(
      {
        actorId,
        action: "consultation.schedule",
        entityType: "consultation",
        entityId: id,
        before: { status: c.status, startsAt: c.startsAt, endsAt: c.endsAt, mode: c.mode, venueName: c.venueName, expertIds: c.experts.map((e) => e.expertId) },
        after: { ...data, onlineUrl: undefined, expertIds },
      },
      tx,
    );
    return queueMeetingMails(tx, id, c.status === "scheduled" ? "rescheduled" : "scheduled");
  });
  await deliverQueued(mails);
  return { ok: true, issues };
}

/** Mail the requester and the experts, each in their own language. */
async function queueMeetingMails(tx: Prisma.TransactionClient, id: string, kind: "scheduled" | "rescheduled" | "closed" | "recorded") {
  const c = await tx.consultation.findUniqueOrThrow({
    where: { id },
    select: {
      title: true,
      startsAt: true,
      endsAt: true,
      mode: true,
      venueName: true,
      venueAddress: true,
      onlineUrl: true,
      closingReason: true,
      requester: { select: { email: true, displayName: true, locale: true } },
      experts: { select: { expert: { select: { user: { select: { email: true, displayName: true, locale: true } } } } } },
    },
  });
  const people = kind === "scheduled" || kind === "rescheduled" ? [c.requester, ...c.experts.map((e) => e.expert.user)] : [c.requester];
  const link = `${env().appUrl}/consultations/${id}`;
  const queued: QueuedMail[] = [];
  for (const person of people) {
    const locale: AppLocale = person.locale === "en" ? "en" : "ja";
    const t = serverT(locale);
    const when = c.startsAt && c.endsAt ? `${formatDateTime(c.startsAt, locale)}–${formatTime(c.endsAt)}` : "";
    const place = c.mode === "online" ? t("consultation.mail.online", { url: c.onlineUrl }) : [c.venueName, c.venueAddress].filter(Boolean).join(" ");
    queued.push(
      await queueMail(tx, {
        to: person.email,
        subject: t(`consultation.mail.${kind}Subject`, { title: c.title }),
        text: t(`consultation.mail.${kind}Body`, { name: person.displayName, title: c.title, when, place, reason: c.closingReason, link }),
      }),
    );
  }
  return queued;
}

/** Decline a request or cancel a meeting (coordinator), or withdraw one's own request. */
export async function closeConsultation(user: Viewer, id: string, reason: string): Promise<Result> {
  const coordinator = isConsultationCoordinator(user);
  const c = await prisma.consultation.findFirst({ where: { AND: [{ id }, visibleTo(user)] }, select: { status: true, requesterId: true } });
  if (!c) return fail("consultation.error.notFound");
  const allowed = coordinator ? c.status === "requested" || c.status === "scheduled" : c.requesterId === user.id && c.status === "requested";
  if (!allowed) return fail("consultation.error.notClosable");
  const status = coordinator && c.status === "requested" ? "declined" : "cancelled";
  const mails = await prisma.$transaction(async (tx) => {
    const { count } = await tx.consultation.updateMany({ where: { id, status: c.status }, data: { status, closingReason: reason } });
    if (count === 0) return [];
    await recordAudit({ actorId: user.id, action: `consultation.${status === "declined" ? "decline" : "cancel"}`, entityType: "consultation", entityId: id, before: { status: c.status }, after: { status, reason } }, tx);
    return coordinator ? queueMeetingMails(tx, id, "closed") : [];
  });
  await deliverQueued(mails);
  return { ok: true };
}

/** The advice record (論点, 助言): by a coordinator or one of its experts once the meeting has begun. */
export async function recordAdvice(user: Viewer, id: string, input: { issues: string; advice: string }, now = new Date()): Promise<Result> {
  const c = await getConsultation(user, id, now);
  if (!c) return fail("consultation.error.notFound");
  if (!(c.roles.coordinator || c.roles.expert) || !(c.status === "scheduled" || c.status === "held")) return fail("consultation.error.notRecordable");
  if (!c.can.record) return fail("consultation.error.notYetHeld");
  const mails = await prisma.$transaction(async (tx) => {
    await tx.consultation.update({ where: { id }, data: { status: "held", issues: input.issues, advice: input.advice, recordedAt: now, recordedById: user.id } });
    await recordAudit({ actorId: user.id, action: "consultation.record", entityType: "consultation", entityId: id, before: { status: c.status, issues: c.issues, advice: c.advice }, after: { status: "held", ...input } }, tx);
    return c.status === "scheduled" ? queueMeetingMails(tx, id, "recorded") : [];
  });
  await deliverQueued(mails);
  return { ok: true };
}

export async function addAction(user: Viewer, id: string, input: { description: string; owner: string; dueOn: string }): Promise<Result> {
  const c = await getConsultation(user, id);
  if (!c?.can.manageActions) return fail("consultation.error.notHeld");
  if (c.actions.some((a) => a.description === input.description && a.owner === input.owner && a.dueOn === input.dueOn)) return { ok: true };
  await prisma.$transaction(async (tx) => {
    const action = await tx.consultationAction.create({ data: { consultationId: id, ...input }, select: { id: true } });
    await recordAudit({ actorId: user.id, action: "consultation.action_add", entityType: "consultation", entityId: id, after: { actionId: action.id, ...input } }, tx);
  });
  return { ok: true };
}

export async function removeAction(user: Viewer, id: string, actionId: string): Promise<Result> {
  const c = await getConsultation(user, id);
  if (!c?.can.manageActions) return fail("consultation.error.notHeld");
  const action = c.actions.find((a) => a.id === actionId);
  if (!action) return fail("consultation.error.noSuchAction");
  await prisma.$transaction(async (tx) => {
    await tx.consultationAction.deleteMany({ where: { id: actionId, consultationId: id } });
    await recordAudit({ actorId: user.id, action: "consultation.action_remove", entityType: "consultation", entityId: id, before: action }, tx);
  });
  return { ok: true };
}

/** Where an action stands: anyone who sees the consultation (the government reports its own progress). */
export async function setActionStatus(user: Viewer, id: string, actionId: string, status: ActionStatus): Promise<Result> {
  const c = await getConsultation(user, id);
  if (!c?.can.followUp) return fail("consultation.error.notHeld");
  const action = c.actions.find((a) => a.id === actionId);
  if (!action) return fail("consultation.error.noSuchAction");
  if (action.status === status) return { ok: true };
  await prisma.$transaction(async (tx) => {
    await tx.consultationAction.update({ where: { id: actionId }, data: { status } });
    await recordAudit({ actorId: user.id, action: "consultation.action_status", entityType: "consultation", entityId: id, before: { actionId, status: action.status }, after: { actionId, status } }, tx);
  });
  return { ok: true };
}

export async function addFollowUp(user: Viewer, id: string, note: string): Promise<Result> {
  const c = await getConsultation(user, id);
  if (!c?.can.followUp) return fail("consultation.error.notHeld");
  if (c.followUps.some((f) => f.note === note && f.createdAt.getTime() > Date.now() - REPEAT_WINDOW_MS)) return { ok: true };
  await prisma.$transaction(async (tx) => {
    const row = await tx.consultationFollowUp.create({ data: { consultationId: id, authorId: user.id, note }, select: { id: true } });
    await recordAudit({ actorId: user.id, action: "consultation.follow_up", entityType: "consultation", entityId: id, after: { followUpId: row.id, note } }, tx);
  });
  return { ok: true };
}

/**
 * A selected application of a consultation track becomes a request in the chosen category,
 * asked by the applicant for the lead government, in the call's fiscal year. Once per application.
 */
export async function consultationFromApplication(actorId: string, callId: string, applicationId: string, topicId: string): Promise<Result<{ id: string }>> {
  const app = await prisma.application.findFirst({
    where: { id: applicationId, callId, status: "submitted", decision: "selected", track: { kind: "consultation" }, leadMunicipalityCode: { not: null } },
    select: { id: true, applicantId: true, leadMunicipalityCode: true, problem: true, dataHeld: true, dataDepartment: true, call: { select: { fiscalYear: true } } },
  });
  if (!app) return fail("call.error.notEligible");
  const topic = await prisma.consultationTopic.findFirst({ where: { id: topicId, archivedAt: null }, select: { id: true } });
  if (!topic) return fieldFailure("topicId", "consultation.error.noSuchTopic");
  try {
    const c = await prisma.$transaction(async (tx) => {
      const created = await tx.consultation.create({
        data: {
          fiscalYear: app.call.fiscalYear,
          municipalityCode: app.leadMunicipalityCode!,
          requesterId: app.applicantId,
          topicId: topic.id,
          applicationId: app.id,
          title: app.problem.split(/\r?\n/)[0]!.slice(0, 120) || "—",
          question: app.problem,
          background: [app.dataHeld, app.dataDepartment].filter(Boolean).join("\n"),
        },
        select: { id: true },
      });
      await recordAudit({ actorId, action: "application.consultation", entityType: "application", entityId: app.id, after: { consultationId: created.id, topicId } }, tx);
      return created;
    });
    return { ok: true, id: c.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return fail("call.error.notEligible");
    throw error;
  }
}

/** The consultation made from an application, if any. */
export async function consultationOfApplication(applicationId: string) {
  return prisma.consultation.findUnique({ where: { applicationId }, select: { id: true } });
}

/** The government a person most likely asks for: their own, or the one of their latest enrollment. */
export async function ownGovernment(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      municipality: { select: { code: true, name: true } },
      enrollments: { where: { municipalityCode: { not: null } }, orderBy: { createdAt: "desc" }, take: 1, select: { municipality: { select: { code: true, name: true } } } },
    },
  });
  return user?.municipality ?? user?.enrollments[0]?.municipality ?? null;
}

/**
 * For a person's dashboard: the consultations they asked for or advise in that are still going
 * (requested, scheduled, or held with actions open), soonest meeting first; at most five.
 */
export async function myConsultations(userId: string) {
  const rows = await prisma.consultation.findMany({
    where: {
      OR: [{ requesterId: userId }, { experts: { some: { expert: { userId } } } }],
      AND: [{ OR: [{ status: { in: ["requested", "scheduled"] } }, { status: "held", actions: { some: { status: { in: ["open", "in_progress"] } } } }] }],
    },
    orderBy: [{ startsAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
    take: 5,
    select: { id: true, title: true, status: true, startsAt: true, endsAt: true, requesterId: true, _count: { select: { actions: { where: { status: { in: ["open", "in_progress"] } } } } } },
  });
  return rows.map(({ _count, requesterId, ...c }) => ({ ...c, openActions: _count.actions, asExpert: requesterId !== userId }));
}
