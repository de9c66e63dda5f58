import { TAKING_PART, UNDER_WAY } from "~/modules/account/permissions";
import crypto from "node:crypto";
import { prisma, Prisma } from "~/utils/db.server";
import { fail, type Result } from "~/utils/result";
import { recordAudit } from "~/modules/audit/audit.server";
import { deliverQueued, type QueuedMail } from "~/modules/mail/mailer.server";
import { notify } from "~/modules/notification/notification.server";
import { takesFiles, takesForm } from "~/modules/stage/stages";
import type { AppLocale } from "~/utils/dates";
import { isLate, isPastCutoff, type TeamDeadline } from "./deadline";
import { assignIds, readWork, submissionGaps, workKind, type ProblemDefinitionWork } from "./work";
import type { TeamRef } from "./path.server";
import { readStageDeliverable } from "./stage-deliverable.server";
import { worksheetSnapshot } from "~/modules/dataset/dataset.server";

// One team's work on one stage: the draft, submission as a new version, and what the stage page
// shows. Decisions by reviewers are in review.server.ts, files in files.server.ts.

type Tx = Prisma.TransactionClient;

export interface StageRef {
  id: string;
  key: string;
  title: string;
  deliverable: string;
}

export function stageLink(academyId: string, teamId: string, stageId: string) {
  return `/academies/${academyId}/teams/${teamId}/stages/${stageId}`;
}

export async function findStage(academyId: string, stageId: string): Promise<StageRef | null> {
  if (!stageId || stageId.length > 64) return null;
  return prisma.stage.findFirst({ where: { id: stageId, academyId }, select: { id: true, key: true, title: true, deliverable: true } });
}

/**
 * The deliverable row of a team's stage, created on first use, outside any transaction: two
 * first writes at once (a double click, two members) may both try to create it; the one that
 * loses reads the row the other made. Call it before a transaction that uses ensureDeliverable.
 */
export async function createDeliverableOnce(teamId: string, stageId: string) {
  try {
    return await ensureDeliverable(prisma, teamId, stageId);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return ensureDeliverable(prisma, teamId, stageId);
    throw error;
  }
}

/** The deliverable row of a team's stage, created on first use. */
export async function ensureDeliverable(db: Tx | typeof prisma, teamId: string, stageId: string) {
  return db.deliverable.upsert({
    where: { teamId_stageId: { teamId, stageId } },
    create: { teamId, stageId },
    update: {},
    select: { id: true, status: true, work: true, latestVersion: true },
  });
}

const newItemId = () => crypto.randomBytes(6).toString("base64url");

/** The hypotheses of the team's problem definition (the draft: the living list). */
export async function teamHypotheses(teamId: string, academyId: string) {
  const row = await prisma.deliverable.findFirst({ where: { teamId, stage: { academyId, key: "problem_definition" } }, select: { work: true } });
  if (!row) return [];
  return (readWork("problem_definition", row.work) as ProblemDefinitionWork).hypotheses.filter((h) => h.id && h.text);
}

/** Save the draft of the stage's structured work. An accepted stage is closed. */
export async function saveWork(actorId: string, team: TeamRef, stage: StageRef, work: Record<string, unknown>): Promise<Result> {
  if (!takesForm(stage.deliverable)) return fail("deliverable.error.noForm");
  const withIds = assignIds(work, newItemId);
  await createDeliverableOnce(team.id, stage.id);
  return prisma.$transaction(async (tx) => {
    const deliverable = await ensureDeliverable(tx, team.id, stage.id);
    if (deliverable.status === "accepted") return fail("deliverable.error.accepted");
    // saved again as it is (the draft saving itself, a second click): nothing to write or record
    if (deliverable.work === JSON.stringify(withIds)) return { ok: true as const };
    await tx.deliverable.update({ where: { id: deliverable.id }, data: { work: JSON.stringify(withIds) } });
    await recordAudit({ actorId, action: "team.work_save", entityType: "team", entityId: team.id, after: { stageId: stage.id } }, tx);
    return { ok: true as const };
  });
}

export interface SubmitInput {
  note: string;
  /** the stage's deadline for this team (extension applied) */
  deadline: TeamDeadline;
  locale: AppLocale;
}

/**
 * Hand in what the team has now as a new version: the structured work (with the data-use
 * worksheets for the data stage) and the files attached. Two members submitting at once both
 * get a version: the number comes from an increment inside the write transaction.
 */
export async function submit(actorId: string, team: TeamRef, stage: StageRef, input: SubmitInput, now = new Date()): Promise<Result<{ number: number; late: boolean }>> {
  if (!takesForm(stage.deliverable) && !takesFiles(stage.deliverable)) return fail("deliverable.error.nothingToHandIn");
  if (isPastCutoff(input.deadline, now)) return fail("deliverable.error.pastCutoff");
  const current = await prisma.deliverable.findUnique({
    where: { teamId_stageId: { teamId: team.id, stageId: stage.id } },
    select: { id: true, status: true, work: true, files: { where: { removedAt: null }, select: { id: true, scanStatus: true } } },
  });
  if (current?.status === "accepted") return fail("deliverable.error.accepted");
  const work = readWork(stage.key, current?.work ?? "{}");
  if (takesForm(stage.deliverable)) {
    const hypotheses = workKind(stage.key) === "analysis" ? await teamHypotheses(team.id, team.academyId) : [];
    const gaps = submissionGaps(stage.key, work, hypotheses);
    if (Object.keys(gaps).length > 0) return { ...fail("deliverable.error.incomplete", gaps) };
  }
  const files = current?.files ?? [];
  if (takesFiles(stage.deliverable) && files.length === 0) return fail("deliverable.error.noFiles", { file: "deliverable.error.noFiles" });
  if (files.some((f) => f.scanStatus === "needs_confirmation")) return fail("deliverable.error.unconfirmedScan");
  const worksheets = workKind(stage.key) === "data_collection" ? await worksheetSnapshot(team.id) : null;
  if (worksheets && worksheets.length === 0) return fail("deliverable.error.noWorksheets");
  const late = isLate(input.deadline, now);
  let mail: QueuedMail[] = [];
  await createDeliverableOnce(team.id, stage.id);
  const outcome = await prisma.$transaction(async (tx) => {
    const created = await ensureDeliverable(tx, team.id, stage.id);
    // Lock the row (on PostgreSQL an UPDATE waits for another submission of it to commit), then
    // read it again: a double click or a second tab finds the first submission and adds nothing.
    await tx.deliverable.updateMany({ where: { id: created.id }, data: { latestVersion: { increment: 0 } } });
    const deliverable = await tx.deliverable.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, status: true, work: true, latestVersion: true } });
    const fresh = await tx.deliverableFile.findMany({ where: { deliverableId: deliverable.id, removedAt: null }, select: { id: true } });
    const snapshot = worksheets ? { ...readWork(stage.key, deliverable.work), worksheets } : readWork(stage.key, deliverable.work);
    if (deliverable.status === "submitted") {
      const last = await tx.deliverableVersion.findFirst({ where: { deliverableId: deliverable.id }, orderBy: { number: "desc" }, select: { number: true, work: true, files: { select: { fileId: true } } } });
      const sameFiles = last && last.files.length === fresh.length && fresh.every((f) => last.files.some((l) => l.fileId === f.id));
      if (last && sameFiles && last.work === JSON.stringify(snapshot)) return { number: last.number, repeated: true };
    }
    const bumped = await tx.deliverable.update({
      where: { id: deliverable.id },
      data: { latestVersion: { increment: 1 }, status: "submitted", submittedAt: now },
      select: { latestVersion: true },
    });
    const version = await tx.deliverableVersion.create({
      data: { deliverableId: deliverable.id, number: bumped.latestVersion, work: JSON.stringify(snapshot), note: input.note, late, submittedById: actorId },
      select: { id: true },
    });
    if (fresh.length > 0) await tx.deliverableVersionFile.createMany({ data: fresh.map((f) => ({ versionId: version.id, fileId: f.id })) });
    await recordAudit(
      { actorId, action: "team.submit", entityType: "team", entityId: team.id, after: { stageId: stage.id, version: bumped.latestVersion, late, files: fresh.length } },
      tx,
    );
    mail = await notify(
      tx,
      {
        userIds: await reviewerIds(tx, team),
        kind: "submission",
        messageKey: late ? "submittedLate" : "submitted",
        params: { team: team.name, stage: stage.title, stageKey: stage.key, version: String(bumped.latestVersion) },
        link: stageLink(team.academyId, team.id, stage.id),
      },
      input.locale,
    );
    return { number: bumped.latestVersion, repeated: false };
  });
  await deliverQueued(mail);
  return { ok: true, number: outcome.number, late };
}

/** Who reviews this team: its assigned facilitator, else every active facilitator of the academy. */
export async function reviewerIds(db: Tx | typeof prisma, team: { academyId: string; facilitatorId: string | null }) {
  if (team.facilitatorId) return [team.facilitatorId];
  const rows = await db.enrollment.findMany({ where: { academyId: team.academyId, role: "facilitator", status: UNDER_WAY }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** The user ids of a team's members (for notifications). */
export async function memberIds(db: Tx | typeof prisma, teamId: string) {
  const rows = await db.teamMember.findMany({ where: { teamId, enrollment: { status: TAKING_PART } }, select: { enrollment: { select: { userId: true } } } });
  return rows.map((r) => r.enrollment.userId);
}

/** Everything the stage page shows about the team's deliverable (five statements). */
export async function stageWorkspace(team: TeamRef, stage: StageRef) {
  const [row, hypotheses] = await Promise.all([
    readStageDeliverable(team.id, stage.id),
    workKind(stage.key) === "analysis" ? teamHypotheses(team.id, team.academyId) : Promise.resolve([]),
  ]);
  const deliverable = row?.deliverable ?? null;
  return {
    deliverable: deliverable ? { ...deliverable, work: readWork(stage.key, deliverable.work) } : null,
    files: row?.files ?? [],
    versions: (row?.versions ?? []).map((v) => ({ ...v, work: parseJson(v.work) })),
    comments: (row?.comments ?? []).map((c) => ({ ...c, scores: parseScores(c.scores) })),
    hypotheses,
  };
}

function parseJson(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function parseScores(json: string | null): Record<string, number> {
  if (!json) return {};
  return Object.fromEntries(Object.entries(parseJson(json)).filter((e): e is [string, number] => typeof e[1] === "number"));
}
