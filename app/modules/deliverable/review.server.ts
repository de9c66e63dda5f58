import { academiesWhere } from "~/modules/account/permissions";
import { prisma, Prisma } from "~/utils/db.server";
import { fail, type Result } from "~/utils/result";
import { recordAudit } from "~/modules/audit/audit.server";
import { deliverQueued, type QueuedMail } from "~/modules/mail/mailer.server";
import { notify } from "~/modules/notification/notification.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { rubricFor } from "~/modules/stage/stages";
import type { AppLocale } from "~/utils/dates";
import { z } from "zod";
import { memberIds, reviewerIds, stageLink, type StageRef } from "./deliverable.server";
import type { TeamRef } from "./path.server";
import { teamDeadline } from "./deadline";
import { academyStageDueDates } from "./due-dates.server";
import { instantValue } from "~/utils/sql.server";
import type { QueueOrder } from "./queue-order";

// The facilitator's side: accept or send back a submission, comment, extend a deadline; the
// review queue across the academies one reviews in.

/** May this person decide on this team's submissions? The assigned facilitator, else any reviewer of the academy; coordinators always. */
export function mayDecide(context: AcademyContext, team: Pick<TeamRef, "facilitatorId">) {
  if (!context.can.review) return false;
  if (context.can.manageAcademy) return true;
  return team.facilitatorId === null || team.facilitatorId === context.user.id;
}

/** May this person write in the thread? Reviewers and the team's own members. */
export function mayComment(context: AcademyContext, team: TeamRef) {
  return context.can.review || team.isMember;
}

export type Decision = "accept" | "request_revision";

export interface ReviewInput {
  decision: Decision | "comment";
  body: string;
  /** the version the reviewer looked at; a newer one since means the decision waits */
  versionNumber: number | null;
  scores: Record<string, number>;
  locale: AppLocale;
}

export async function review(context: AcademyContext, team: TeamRef, stage: StageRef, input: ReviewInput, now = new Date()): Promise<Result> {
  const actorId = context.user.id;
  const deliverable = await prisma.deliverable.findUnique({
    where: { teamId_stageId: { teamId: team.id, stageId: stage.id } },
    select: { id: true, status: true, latestVersion: true },
  });
  const deciding = input.decision !== "comment";
  if (deciding) {
    if (!mayDecide(context, team)) return fail("review.error.notAssigned");
    if (!deliverable || deliverable.status !== "submitted") return fail("review.error.notWaiting");
    if (input.versionNumber !== deliverable.latestVersion) return fail("review.error.newerVersion");
    if (input.decision === "request_revision" && !input.body) return fail("review.error.commentRequired", { body: "review.error.commentRequired" });
  } else {
    if (!mayComment(context, team)) return fail("review.error.notAllowed");
    if (!input.body) return fail("validation.required", { body: "validation.required" });
  }
  const criteria = rubricFor(stage.key);
  const scores = Object.fromEntries(Object.entries(input.scores).filter(([k, v]) => criteria.includes(k) && Number.isInteger(v) && v >= 1 && v <= 4));
  let mail: QueuedMail[] = [];
  try {
  await prisma.$transaction(async (tx) => {
    const row = deliverable ?? (await tx.deliverable.upsert({ where: { teamId_stageId: { teamId: team.id, stageId: stage.id } }, create: { teamId: team.id, stageId: stage.id }, update: {}, select: { id: true, status: true, latestVersion: true } }));
    if (deciding) {
      // Only the reviewer who finds it still waiting decides (a double click or two reviewers at once: one wins).
      const { count } = await tx.deliverable.updateMany({
        where: { id: row.id, status: "submitted", latestVersion: input.versionNumber ?? -1 },
        data: { status: input.decision === "accept" ? "accepted" : "revision_requested", decidedAt: now },
      });
      if (count === 0) throw new StaleDecision();
    }
    const kind = input.decision === "accept" ? "accepted" : input.decision === "request_revision" ? "revision_requested" : "comment";
    await tx.reviewComment.create({
      data: {
        deliverableId: row.id,
        versionNumber: row.latestVersion > 0 ? row.latestVersion : null,
        authorId: actorId,
        kind,
        body: input.body,
        scores: deciding && Object.keys(scores).length > 0 ? JSON.stringify(scores) : null,
      },
    });
    await recordAudit({ actorId, action: deciding ? "team.review" : "team.comment", entityType: "team", entityId: team.id, after: { stageId: stage.id, kind, version: row.latestVersion, scores } }, tx);
    const members = await memberIds(tx, team.id);
    const reviewers = context.can.review ? [] : await reviewerIds(tx, team);
    // Acted on: a decision settles the submission for every reviewer who was told of it (its
    // "submission" notices are read); a comment settles the commenter's own notices of the stage.
    const told = deciding ? [...new Set([...(await reviewerIds(tx, team)), actorId])] : [actorId];
    await tx.notification.updateMany({
      where: { userId: { in: told }, readAt: null, link: stageLink(team.academyId, team.id, stage.id), ...(deciding ? { kind: "submission" } : {}) },
      data: { readAt: now },
    });
    mail = await notify(
      tx,
      {
        userIds: (context.can.review ? members : reviewers).filter((id) => id !== actorId),
        kind: deciding ? "review_result" : "comment",
        messageKey: kind === "accepted" ? "accepted" : kind === "revision_requested" ? "revisionRequested" : "commented",
        params: { team: team.name, stage: stage.title, stageKey: stage.key, name: context.user.displayName },
        link: stageLink(team.academyId, team.id, stage.id),
        quote: input.body ? { name: context.user.displayName, text: input.body } : undefined,
      },
      input.locale,
    );
  });
  } catch (error) {
    if (error instanceof StaleDecision) return fail("review.error.newerVersion");
    throw error;
  }
  await deliverQueued(mail);
  return { ok: true };
}

class StaleDecision extends Error {}

/** Give a team a later due date for a stage (and leave to submit until then, past the cut-off). */
export async function grantExtension(actorId: string, team: TeamRef, stage: StageRef, dueAt: Date, reason: string) {
  await prisma.$transaction(async (tx) => {
    await tx.stageExtension.upsert({
      where: { teamId_stageId: { teamId: team.id, stageId: stage.id } },
      create: { teamId: team.id, stageId: stage.id, dueAt, reason, grantedById: actorId },
      update: { dueAt, reason, grantedById: actorId },
    });
    await recordAudit({ actorId, action: "team.extension", entityType: "team", entityId: team.id, after: { stageId: stage.id, dueAt: dueAt.toISOString(), reason } }, tx);
  });
}

export async function revokeExtension(actorId: string, team: TeamRef, stage: StageRef) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.stageExtension.deleteMany({ where: { teamId: team.id, stageId: stage.id } });
    if (count > 0) await recordAudit({ actorId, action: "team.extension_revoke", entityType: "team", entityId: team.id, after: { stageId: stage.id } }, tx);
  });
}

export const REVIEW_PAGE_SIZE = 25;

const QueueRow = z.object({
  deliverableId: z.string(),
  status: z.string(),
  latestVersion: z.coerce.number(),
  submittedAt: z.coerce.date().nullable(),
  teamId: z.string(),
  teamName: z.string(),
  stageId: z.string(),
  stageKey: z.string(),
  stageTitle: z.string(),
  extensionDueAt: z.coerce.date().nullable(),
  academyId: z.string(),
  academyName: z.string(),
  late: z.coerce.number(),
  scanFlags: z.coerce.number(),
});

export interface QueueScope {
  /** academies where every team's submissions are the user's to see (coordinators); "all" for a programme coordinator */
  everyTeam: readonly string[] | "all";
  /** academies where the user reviews the teams assigned to them or to nobody (facilitators) */
  assigned: readonly string[];
}

/** Which academies' submissions a user reviews, from their enrollments and permissions. */
export function queueScope(user: { permissions: readonly string[]; enrollments: readonly { academyId: string; role: string; status: string }[] }): QueueScope | null {
  if (user.permissions.includes("review:deliverable:any")) return { everyTeam: "all", assigned: [] };
  // every team where one manages the teams (coordinators); assigned teams where one only reviews (facilitators)
  const everyTeam = academiesWhere(user, "manageTeams");
  const assigned = academiesWhere(user, "review").filter((id) => !everyTeam.includes(id));
  return everyTeam.length + assigned.length > 0 ? { everyTeam, assigned } : null;
}

/** What the queue reads (a queue kept by the dashboard is forgotten when one of these is written). */
export const REVIEW_QUEUE_TABLES = ["Deliverable", "DeliverableVersion", "DeliverableFile", "Stage", "Team", "Academy", "StageExtension", "WorkshopSession"];

const inList = (ids: readonly string[]) => (ids.length ? Prisma.sql`IN (${Prisma.join(ids)})` : Prisma.sql`IN (NULL)`);

/**
 * Submissions waiting for a decision in the academies the user reviews, the earliest due first
 * (or, asked, the longest waiting first)
 * (each team's due date as its path shows it: deadline.ts, extensions included), one page. Four
 * statements whatever the data size: the stages and sessions of the academies concerned (their
 * due dates are computed by the one rule, stageDueDates), then the page ordered by them.
 */
export async function reviewQueue(user: { id: string }, scope: QueueScope, page: number, orderBy: QueueOrder = "due") {
  const every = scope.everyTeam === "all" ? Prisma.sql`TRUE` : Prisma.sql`s."academyId" ${inList(scope.everyTeam)}`;
  const assigned = Prisma.sql`(s."academyId" ${inList(scope.assigned)} AND (t."facilitatorId" IS NULL OR t."facilitatorId" = ${user.id}))`;
  const where = Prisma.sql`d."status" = 'submitted' AND (${every} OR ${assigned})`;
  const academies = Prisma.sql`SELECT DISTINCT s."academyId" FROM "Deliverable" d JOIN "Stage" s ON s."id" = d."stageId" JOIN "Team" t ON t."id" = d."teamId" WHERE ${where}`;
  const due = await academyStageDueDates(academies);
  const order = due.size > 0
    ? Prisma.sql`CASE s."id" ${Prisma.join([...due].map(([id, at]) => Prisma.sql`WHEN ${id} THEN ${instantValue(at)}`), " ")} END`
    : Prisma.sql`NULL`;
  const offset = (Math.max(1, page) - 1) * REVIEW_PAGE_SIZE;
  // the total comes with the rows (a window count); only a page past the end asks for it on its own
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT count(*) OVER () AS "total", d."id" AS "deliverableId", d."status", d."latestVersion", d."submittedAt",
              t."id" AS "teamId", t."name" AS "teamName", s."id" AS "stageId", s."key" AS "stageKey", s."title" AS "stageTitle",
              x."dueAt" AS "extensionDueAt", a."id" AS "academyId", a."name" AS "academyName",
              (SELECT v."late" FROM "DeliverableVersion" v WHERE v."deliverableId" = d."id" AND v."number" = d."latestVersion") AS "late",
              (SELECT COUNT(*) FROM "DeliverableFile" f WHERE f."deliverableId" = d."id" AND f."removedAt" IS NULL AND f."scanStatus" = 'confirmed') AS "scanFlags"
         FROM "Deliverable" d
         JOIN "Stage" s ON s."id" = d."stageId"
         JOIN "Team" t ON t."id" = d."teamId"
         JOIN "Academy" a ON a."id" = s."academyId"
         LEFT JOIN "StageExtension" x ON x."teamId" = t."id" AND x."stageId" = s."id"
        WHERE ${where}
        ORDER BY ${orderBy === "waiting" ? Prisma.sql`d."submittedAt" ASC, COALESCE(x."dueAt", ${order}, d."submittedAt") ASC` : Prisma.sql`COALESCE(x."dueAt", ${order}, d."submittedAt") ASC, s."position" ASC, d."submittedAt" ASC`}, d."id"
        LIMIT ${REVIEW_PAGE_SIZE} OFFSET ${offset}`;
  const countAll = async () => {
    const count = await prisma.$queryRaw<{ n: number | bigint }[]>`
      SELECT COUNT(*) AS "n" FROM "Deliverable" d JOIN "Stage" s ON s."id" = d."stageId" JOIN "Team" t ON t."id" = d."teamId" WHERE ${where}`;
    return Number(count[0]?.n ?? 0);
  };
  const first = rows[0] as { total?: number | bigint } | undefined;
  const total = first ? Number(first.total ?? 0) : offset === 0 ? 0 : await countAll();
  return {
    rows: rows.map((r) => {
      const row = QueueRow.parse(r);
      return { ...row, dueAt: teamDeadline(due.get(row.stageId) ?? null, null, row.extensionDueAt).dueAt };
    }),
    total,
  };
}

/** The next submission waiting for this reviewer, in the queue's order, other than the one open (or null). */
export async function nextWaiting(user: { id: string; permissions: readonly string[]; enrollments: readonly { academyId: string; role: string; status: string }[] }, exceptDeliverableId: string | null) {
  const scope = queueScope(user);
  if (!scope) return null;
  const { rows } = await reviewQueue(user, scope, 1);
  const row = rows.find((r) => r.deliverableId !== exceptDeliverableId);
  return row ? { url: `/academies/${row.academyId}/teams/${row.teamId}/stages/${row.stageId}`, teamName: row.teamName, stageKey: row.stageKey, stageTitle: row.stageTitle } : null;
}
