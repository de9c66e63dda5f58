import { z } from "zod";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { fromTokyoInputs } from "~/utils/dates";
import { openStoredFile } from "~/modules/files/stored-file.server";
import { fail, type Result } from "~/utils/result";
import type { CallInput } from "./schemas";

// Calls for applications (募集), the coordinator's side and the public page. A call opens when
// published and closes at its deadline (Tokyo time); its result list (names of the selected
// governments only) appears once the coordinator publishes it. See docs/decisions/0013.

/** The programme's usual tracks and selection criteria; the coordinator edits them per call. */
export const DEFAULT_TRACKS = [
  { kind: "consultation", labelKey: "call.default.trackConsultation", places: 10 },
  { kind: "academy", labelKey: "call.default.trackAcademy", places: 4 },
] as const;
export const DEFAULT_CRITERIA = ["call.default.criterionClarity", "call.default.criterionData", "call.default.criterionCommitment", "call.default.criterionBalance"] as const;

export type CallPhase = "draft" | "open" | "closed";

export function callPhase(call: { publishedAt: Date | null; deadlineAt: Date }, now: Date): CallPhase {
  if (!call.publishedAt) return "draft";
  return now < call.deadlineAt ? "open" : "closed";
}

export async function createCall(actorId: string, input: CallInput, t: (key: string) => string) {
  const call = await prisma.$transaction(async (tx) => {
    const created = await tx.call.create({
      data: {
        fiscalYear: input.fiscalYear,
        title: input.title,
        description: input.description,
        deadlineAt: fromTokyoInputs(input.deadlineDate, input.deadlineTime),
        createdById: actorId,
        tracks: { create: DEFAULT_TRACKS.map((tr, position) => ({ kind: tr.kind, label: t(tr.labelKey), places: tr.places, position })) },
        criteria: { create: DEFAULT_CRITERIA.map((key, position) => ({ label: t(key), position })) },
      },
      select: { id: true },
    });
    await recordAudit({ actorId, action: "call.create", entityType: "call", entityId: created.id, after: input }, tx);
    return created;
  });
  return call.id;
}

/** What deserves a second look before a deadline is saved: it has passed, or it comes sooner while governments are drafting. */
export type DeadlineWarning = { code: "deadlinePast" } | { code: "deadlineEarlier"; drafts: number };

export async function deadlineWarnings(deadlineAt: Date, before: { id: string; deadlineAt: Date } | null, now = new Date()): Promise<DeadlineWarning[]> {
  const warnings: DeadlineWarning[] = [];
  const moved = !before || before.deadlineAt.getTime() !== deadlineAt.getTime();
  if (moved && deadlineAt.getTime() <= now.getTime()) warnings.push({ code: "deadlinePast" });
  if (before && deadlineAt.getTime() < before.deadlineAt.getTime()) {
    const drafts = await prisma.application.count({ where: { callId: before.id, status: "draft" } });
    if (drafts > 0) warnings.push({ code: "deadlineEarlier", drafts });
  }
  return warnings;
}

export async function updateCall(actorId: string, callId: string, input: CallInput): Promise<Result<object, { warnings: DeadlineWarning[] }>> {
  const deadlineAt = fromTokyoInputs(input.deadlineDate, input.deadlineTime);
  const current = await prisma.call.findUniqueOrThrow({ where: { id: callId }, select: { id: true, deadlineAt: true } });
  const warnings = await deadlineWarnings(deadlineAt, current);
  if (warnings.length > 0 && input.acknowledgeWarnings !== "yes") return { ...fail("call.checkWarnings"), warnings };
  await prisma.$transaction(async (tx) => {
    const before = await tx.call.findUniqueOrThrow({ where: { id: callId }, select: { title: true, deadlineAt: true, fiscalYear: true } });
    await tx.call.update({ where: { id: callId }, data: { fiscalYear: input.fiscalYear, title: input.title, description: input.description, deadlineAt } });
    const { acknowledgeWarnings: _ack, ...after } = input;
    await recordAudit({ actorId, action: "call.update", entityType: "call", entityId: callId, before, after }, tx);
  });
  return { ok: true };
}

export async function setPublished(actorId: string, callId: string, what: "call" | "results", on: boolean) {
  const field = what === "call" ? "publishedAt" : "resultsPublishedAt";
  await prisma.$transaction(async (tx) => {
    await tx.call.update({ where: { id: callId }, data: { [field]: on ? new Date() : null } });
    await recordAudit({ actorId, action: `call.${what === "call" ? "publish" : "publish_results"}`, entityType: "call", entityId: callId, after: { on } }, tx);
  });
}

export async function addTrack(actorId: string, callId: string, input: { kind: string; label: string; places: number; maxApplications: number | "" }) {
  await prisma.$transaction(async (tx) => {
    const last = await tx.callTrack.aggregate({ where: { callId }, _max: { position: true } });
    await tx.callTrack.create({ data: { callId, kind: input.kind, label: input.label, places: input.places, maxApplications: input.maxApplications === "" ? null : input.maxApplications, position: (last._max.position ?? -1) + 1 } });
    await recordAudit({ actorId, action: "call.track_add", entityType: "call", entityId: callId, after: input }, tx);
  });
}

export async function updateTrack(actorId: string, callId: string, trackId: string, input: { kind: string; label: string; places: number; maxApplications: number | "" }): Promise<Result> {
  const { count } = await prisma.callTrack.updateMany({ where: { id: trackId, callId }, data: { kind: input.kind, label: input.label, places: input.places, maxApplications: input.maxApplications === "" ? null : input.maxApplications } });
  if (count === 0) return fail("call.error.noSuchTrack");
  await recordAudit({ actorId, action: "call.track_update", entityType: "call", entityId: callId, after: { trackId, ...input } });
  return { ok: true };
}

/** A track with applications stays (they would lose their track); an empty one goes. */
export async function removeTrack(actorId: string, callId: string, trackId: string): Promise<Result> {
  const used = await prisma.application.count({ where: { trackId, callId } });
  if (used > 0) return fail("call.error.trackInUse");
  const { count } = await prisma.callTrack.deleteMany({ where: { id: trackId, callId } });
  if (count === 0) return fail("call.error.noSuchTrack");
  await recordAudit({ actorId, action: "call.track_remove", entityType: "call", entityId: callId, after: { trackId } });
  return { ok: true };
}

export async function addCriterion(actorId: string, callId: string, input: { label: string; weight: number }) {
  const last = await prisma.callCriterion.aggregate({ where: { callId }, _max: { position: true } });
  await prisma.callCriterion.create({ data: { callId, label: input.label, weight: input.weight, position: (last._max.position ?? -1) + 1 } });
  await recordAudit({ actorId, action: "call.criterion_add", entityType: "call", entityId: callId, after: input });
}

export async function removeCriterion(actorId: string, callId: string, criterionId: string): Promise<Result> {
  const scored = await prisma.applicationScore.count({ where: { criterionId } });
  if (scored > 0) return fail("call.error.criterionScored");
  const { count } = await prisma.callCriterion.deleteMany({ where: { id: criterionId, callId } });
  if (count === 0) return fail("call.error.noSuchCriterion");
  await recordAudit({ actorId, action: "call.criterion_remove", entityType: "call", entityId: callId, after: { criterionId } });
  return { ok: true };
}

export async function addReviewer(actorId: string, callId: string, email: string): Promise<Result> {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, disabledAt: true } });
  if (!user || user.disabledAt) return fail("call.error.noSuchUser", { reviewerEmail: "call.error.noSuchUser" });
  await prisma.callReviewer.upsert({ where: { callId_userId: { callId, userId: user.id } }, create: { callId, userId: user.id }, update: {} });
  await recordAudit({ actorId, action: "call.reviewer_add", entityType: "call", entityId: callId, after: { userId: user.id } });
  return { ok: true };
}

export async function removeReviewer(actorId: string, callId: string, userId: string) {
  const { count } = await prisma.callReviewer.deleteMany({ where: { callId, userId } });
  if (count > 0) await recordAudit({ actorId, action: "call.reviewer_remove", entityType: "call", entityId: callId, after: { userId } });
}

export async function addDocument(actorId: string, callId: string, storedFileId: string, fileName: string) {
  await prisma.$transaction(async (tx) => {
    await tx.callDocument.create({ data: { callId, storedFileId, fileName } });
    await recordAudit({ actorId, action: "call.document_add", entityType: "call", entityId: callId, after: { fileName } }, tx);
  });
}

export async function removeDocument(actorId: string, callId: string, documentId: string) {
  const { count } = await prisma.callDocument.deleteMany({ where: { id: documentId, callId } });
  if (count > 0) await recordAudit({ actorId, action: "call.document_remove", entityType: "call", entityId: callId, after: { documentId } });
}

/** Everything the coordinator's call page shows (a fixed number of statements). */
export function callForStaff(callId: string) {
  return prisma.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      fiscalYear: true,
      title: true,
      description: true,
      deadlineAt: true,
      publishedAt: true,
      resultsPublishedAt: true,
      tracks: { orderBy: { position: "asc" }, select: { id: true, kind: true, label: true, places: true, maxApplications: true, _count: { select: { applications: { where: { status: "submitted" } } } } } },
      criteria: { orderBy: { position: "asc" }, select: { id: true, label: true, weight: true, maxScore: true } },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, storedFile: { select: { size: true } } } },
      reviewers: { select: { user: { select: { id: true, displayName: true, email: true } } } },
    },
  });
}

/** Calls a coordinator manages (all) or a reviewer reviews (theirs). */
export function listCallsForStaff(reviewerId: string | null) {
  return prisma.call.findMany({
    where: reviewerId ? { reviewers: { some: { userId: reviewerId } } } : {},
    orderBy: [{ fiscalYear: "desc" }, { deadlineAt: "desc" }],
    take: 100,
    select: { id: true, fiscalYear: true, title: true, deadlineAt: true, publishedAt: true, resultsPublishedAt: true, _count: { select: { applications: { where: { status: "submitted" } } } } },
  });
}

/** The public list: published calls still open, and closed ones of the last two fiscal years. */
export function listPublicCalls(now: Date) {
  return prisma.call.findMany({
    where: { publishedAt: { not: null, lte: now } },
    orderBy: [{ deadlineAt: "desc" }],
    take: 50,
    select: { id: true, fiscalYear: true, title: true, deadlineAt: true, resultsPublishedAt: true, tracks: { orderBy: { position: "asc" }, select: { label: true, places: true } } },
  });
}

const ResultRow = z.object({ trackId: z.string(), lead: z.string().nullable(), others: z.string().nullable() }).transform((r) => ({ trackId: r.trackId, names: [r.lead, r.others].filter(Boolean).join("・") }));

/** A published call for anyone: description, tracks, documents, and the result list when published. */
export async function publicCall(callId: string) {
  const call = await prisma.call.findFirst({
    where: { id: callId, publishedAt: { not: null } },
    select: {
      id: true,
      fiscalYear: true,
      title: true,
      description: true,
      deadlineAt: true,
      resultsPublishedAt: true,
      tracks: { orderBy: { position: "asc" }, select: { id: true, kind: true, label: true, places: true } },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, storedFile: { select: { size: true, extension: true } } } },
    },
  });
  if (!call) return null;
  // 団体名 only: the lead government and the others of a wide-area application, nothing personal
  const results = call.resultsPublishedAt
    ? (
        await prisma.$queryRaw<unknown[]>`
          SELECT ap."trackId", (SELECT string_agg(m."name", '・') FROM (SELECT mu."name" FROM "ApplicationMunicipality" am JOIN "Municipality" mu ON mu."code" = am."municipalityCode"
                 WHERE am."applicationId" = ap."id" AND am."municipalityCode" IS DISTINCT FROM ap."leadMunicipalityCode" ORDER BY am."municipalityCode") m) AS "others",
                 (SELECT mu."name" FROM "Municipality" mu WHERE mu."code" = ap."leadMunicipalityCode") AS "lead"
          FROM "Application" ap WHERE ap."callId" = ${callId} AND ap."decision" = 'selected' AND ap."status" = 'submitted'
          ORDER BY ap."leadMunicipalityCode"`
      ).map((r) => ResultRow.parse(r))
    : [];
  return { ...call, results };
}

/** A document of a published call (a coordinator may also open those of a draft), ready to stream. */
export async function findCallDocument(callId: string, documentId: string, staff: boolean) {
  const doc = await prisma.callDocument.findFirst({
    where: { id: documentId, callId, call: staff ? {} : { publishedAt: { not: null } } },
    select: { fileName: true, storedFile: { select: { storageKey: true, mimeType: true, size: true } } },
  });
  return doc ? { name: doc.fileName, mimeType: doc.storedFile.mimeType, size: doc.storedFile.size, open: () => openStoredFile(doc.storedFile.storageKey) } : null;
}


/** The kinds a call document or an application attachment may be. */
export const CALL_FILE_KINDS = ["pdf", "docx", "xlsx", "pptx"] as const;
