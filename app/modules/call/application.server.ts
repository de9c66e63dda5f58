import { z } from "zod";
import { prisma, type Db } from "~/utils/db.server";
import { ensureStoredFile, type StoredBlob } from "~/modules/files/stored-file.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { resolveMunicipalityCodes } from "~/modules/municipality/municipality.server";
import { callQuestions, unansweredRequired, writeAnswers } from "./questions.server";
import { fail, fieldFailure, type Result } from "~/utils/result";
import { applicationProblems, type ApplicationInput } from "./schemas";

// A government's application, the applicant's side: a draft saved as often as they like, then
// submitted, or withdrawn, before the deadline. Nothing is accepted after it; the draft stays.
// An applicant sees only their own applications.

export const applicationSelect = {
  id: true,
  callId: true,
  trackId: true,
  status: true,
  decision: true,
  leadMunicipalityCode: true,
  contactName: true,
  contactDepartment: true,
  contactPhone: true,
  problem: true,
  dataHeld: true,
  dataDepartment: true,
  staffCount: true,
  consentPublication: true,
  submittedAt: true,
  withdrawnAt: true,
  applicantId: true,
  municipalities: { select: { municipality: { select: { code: true, name: true, prefecture: { select: { name: true } } } } } },
  files: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, questionId: true, storedFile: { select: { size: true } } } },
  answers: { select: { questionId: true, value: true } },
  call: { select: { id: true, title: true, fiscalYear: true, deadlineAt: true, publishedAt: true, tracks: { orderBy: { position: "asc" }, select: { id: true, label: true, kind: true } } } },
} as const;

/** The applicant's own application, or null (someone else's looks the same as none). */
export function ownApplication(userId: string, applicationId: string) {
  return prisma.application.findFirst({ where: { id: applicationId.slice(0, 64), applicantId: userId }, select: applicationSelect });
}

const MyApplicationRow = z.object({
  id: z.string(),
  status: z.string(),
  decision: z.string().nullable(),
  submittedAt: z.coerce.date().nullable(),
  callTitle: z.string(),
  deadlineAt: z.coerce.date(),
  resultsPublishedAt: z.coerce.date().nullable(),
  trackLabel: z.string(),
});

/** The applicant's applications, newest first (at most 100), with call and track: one raw statement (on every dashboard). */
export async function myApplications(userId: string) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT ap."id", ap."status", ap."decision", ap."submittedAt", c."title" AS "callTitle", c."deadlineAt", c."resultsPublishedAt", tr."label" AS "trackLabel"
    FROM "Application" ap JOIN "Call" c ON c."id" = ap."callId" JOIN "CallTrack" tr ON tr."id" = ap."trackId"
    WHERE ap."applicantId" = ${userId} ORDER BY ap."createdAt" DESC, ap."id" DESC LIMIT 100`;
  return rows.map((row) => {
    const { callTitle, deadlineAt, resultsPublishedAt, trackLabel, ...application } = MyApplicationRow.parse(row);
    return { ...application, call: { title: callTitle, deadlineAt, resultsPublishedAt }, track: { label: trackLabel } };
  });
}

/**
 * Start (or reopen) the applicant's draft for a track of an open call, with the government they
 * named. One draft per applicant and track: starting again returns it.
 */
export async function startApplication(userId: string, callId: string, trackId: string, leadCode: string | null, now = new Date()): Promise<Result<{ id: string }, { params?: Record<string, string> }>> {
  const track = await prisma.callTrack.findFirst({ where: { id: trackId, callId, call: { publishedAt: { not: null } } }, select: { id: true, call: { select: { deadlineAt: true } } } });
  if (!track) return fail("call.error.noSuchTrack");
  if (now >= track.call.deadlineAt) return fail("call.error.closed");
  const existing = await prisma.application.findFirst({ where: { applicantId: userId, trackId, status: { in: ["draft", "submitted"] } }, select: { id: true } });
  if (existing) return { ok: true, id: existing.id };
  // One application per government and track: a colleague's draft or submission is found now,
  // when the second person starts, not after they have written theirs.
  const government = leadCode ?? (await prisma.user.findUnique({ where: { id: userId }, select: { municipalityCode: true } }))?.municipalityCode ?? null;
  if (government) {
    const other = await prisma.application.findFirst({
      where: { trackId, status: { in: ["draft", "submitted"] }, applicantId: { not: userId }, municipalities: { some: { municipalityCode: government } } },
      select: { status: true, applicant: { select: { displayName: true } }, municipalities: { where: { municipalityCode: government }, select: { municipality: { select: { name: true } } } } },
    });
    if (other) {
      return { ...fail("call.error.governmentHasApplication"), params: { government: other.municipalities[0]?.municipality.name ?? "", person: other.applicant.displayName, state: other.status } };
    }
  }
  const created = await prisma.$transaction(async (tx) => {
    const app = await tx.application.create({
      data: {
        callId,
        trackId,
        applicantId: userId,
        // the applicant's own government, filled in (they may change it)
        leadMunicipalityCode: government,
        municipalities: government ? { create: [{ municipalityCode: government }] } : undefined,
      },
      select: { id: true },
    });
    await recordAudit({ actorId: userId, action: "application.start", entityType: "application", entityId: app.id, after: { callId, trackId, leadCode: government } }, tx);
    return app;
  });
  return { ok: true, id: created.id };
}

type SaveFailure = Result<object, { params?: Record<string, string | number> }>;

/** Save the draft, or submit it (intent "submit"): every check runs inside the write, so two submissions at once cannot both take the last place. */
export async function saveApplication(
  userId: string,
  applicationId: string,
  input: ApplicationInput,
  submit: boolean,
  now = new Date(),
  /** answers to the call's own questions (answersFrom), already checked one by one */
  answers: Map<string, string> = new Map(),
): Promise<SaveFailure> {
  const app = await prisma.application.findFirst({ where: { id: applicationId, applicantId: userId }, select: { id: true, status: true, callId: true, call: { select: { deadlineAt: true } } } });
  if (!app) return fail("call.error.noSuchApplication");
  if (app.status !== "draft") return fail("call.error.notDraft");
  if (now >= app.call.deadlineAt) return fail("call.error.closed");
  const track = await prisma.callTrack.findFirst({ where: { id: input.trackId, callId: app.callId }, select: { id: true, label: true, maxApplications: true } });
  if (!track) return fieldFailure("trackId", "call.error.noSuchTrack");
  const codes = await resolveMunicipalityCodes(input.municipalityCodes);
  if (!codes.ok) return { ...fieldFailure("municipalityCodes", codes.error), params: codes.params };
  const staffCount = input.staffCount === "" ? null : input.staffCount;
  if (submit) {
    const problems = applicationProblems({ ...input, staffCount, municipalityCount: codes.codes.length });
    if (Object.keys(problems).length > 0) {
      // What was typed is kept as the draft: a reload, or another day, finds it.
      const kept = await saveApplication(userId, applicationId, input, false, now, answers);
      return kept.ok ? fail("call.error.incomplete", problems) : kept;
    }
  }
  const outcome = await prisma.$transaction(async (tx): Promise<SaveFailure> => {
    if (submit) {
      // the call's required questions, files included
      const missing = await unansweredRequired(tx, app.id, await callQuestions(app.callId, tx), answers);
      if (Object.keys(missing).length > 0) return fail("call.error.incomplete", missing);
      if (track.maxApplications !== null) {
        const taken = await tx.application.count({ where: { trackId: track.id, status: "submitted" } });
        if (taken >= track.maxApplications) return fail("call.error.trackFull");
      }
      const clash = await tx.application.findFirst({
        where: { trackId: track.id, status: "submitted", id: { not: app.id }, municipalities: { some: { municipalityCode: { in: codes.codes } } } },
        select: { municipalities: { where: { municipalityCode: { in: codes.codes } }, select: { municipality: { select: { name: true } } }, take: 1 } },
      });
      if (clash) return { ...fieldFailure("municipalityCodes", "call.error.alreadyApplied"), params: { name: clash.municipalities[0]?.municipality.name ?? "" } };
    }
    await tx.applicationMunicipality.deleteMany({ where: { applicationId: app.id } });
    const { count } = await tx.application.updateMany({
      where: { id: app.id, status: "draft" },
      data: {
        trackId: track.id,
        leadMunicipalityCode: codes.codes[0] ?? null,
        contactName: input.contactName,
        contactDepartment: input.contactDepartment,
        contactPhone: input.contactPhone,
        problem: input.problem,
        dataHeld: input.dataHeld,
        dataDepartment: input.dataDepartment,
        staffCount,
        consentPublication: input.consentPublication,
        ...(submit ? { status: "submitted", submittedAt: now } : {}),
      },
    });
    if (count === 0) return fail("call.error.notDraft");
    if (codes.codes.length) await tx.applicationMunicipality.createMany({ data: codes.codes.map((municipalityCode) => ({ applicationId: app.id, municipalityCode })) });
    await writeAnswers(tx, app.id, answers);
    await recordAudit({ actorId: userId, action: submit ? "application.submit" : "application.save", entityType: "application", entityId: app.id, after: { trackId: track.id, municipalities: codes.codes } }, tx);
    return { ok: true };
  });
  if (submit && !outcome.ok) {
    // refused (the track filled up, the government applied meanwhile): what was typed stays as the draft
    const kept = await saveApplication(userId, applicationId, input, false, now, answers);
    if (!kept.ok) return kept;
  }
  return outcome;
}

/** Withdraw before the deadline (a draft or a submitted application); final. */
export async function withdrawApplication(userId: string, applicationId: string, now = new Date()): Promise<Result> {
  const app = await prisma.application.findFirst({ where: { id: applicationId, applicantId: userId }, select: { id: true, status: true, call: { select: { deadlineAt: true } } } });
  if (!app) return fail("call.error.noSuchApplication");
  if (now >= app.call.deadlineAt) return fail("call.error.closed");
  const { count } = await prisma.application.updateMany({ where: { id: app.id, status: { in: ["draft", "submitted"] } }, data: { status: "withdrawn", withdrawnAt: now } });
  if (count === 0) return fail("call.error.notDraft");
  await recordAudit({ actorId: userId, action: "application.withdraw", entityType: "application", entityId: app.id });
  return { ok: true };
}

export const APPLICATION_FILES_MAX = 10;

/** Why an application cannot take one more file now (not a draft, past the deadline, full), or null. */
async function refuseApplicationFile(db: Db, userId: string, applicationId: string, now: Date): Promise<Result | null> {
  const app = await db.application.findFirst({ where: { id: applicationId, applicantId: userId, status: "draft" }, select: { call: { select: { deadlineAt: true } }, _count: { select: { files: true } } } });
  if (!app) return fail("call.error.notDraft");
  if (now >= app.call.deadlineAt) return fail("call.error.closed");
  if (app._count.files >= APPLICATION_FILES_MAX) return fail("call.error.tooManyFiles");
  return null;
}

/**
 * Attach a file: everything that can refuse it is asked before its bytes are stored (`store` runs
 * only then), and asked again in the transaction that writes the row, so two uploads at once cannot
 * both take the last place. Nothing is written when it is refused.
 */
export async function addApplicationFile(
  userId: string,
  applicationId: string,
  store: () => Promise<Result<{ blob: StoredBlob }>>,
  now = new Date(),
  /** the call's file question the file answers, or null */
  questionId: string | null = null,
): Promise<Result> {
  const refused = await refuseApplicationFile(prisma, userId, applicationId, now);
  if (refused) return refused;
  if (questionId && (await prisma.callQuestion.count({ where: { id: questionId, kind: "file", call: { applications: { some: { id: applicationId } } } } })) === 0) {
    return fail("call.question.error.unknown");
  }
  const stored = await store();
  if (!stored.ok) return stored;
  const { blob } = stored;
  return prisma.$transaction(async (tx) => {
    const late = await refuseApplicationFile(tx, userId, applicationId, now);
    if (late) return late;
    const row = await ensureStoredFile(tx, blob, userId);
    await tx.applicationFile.create({ data: { applicationId, storedFileId: row.id, fileName: blob.originalName, questionId } });
    await recordAudit({ actorId: userId, action: "application.file_add", entityType: "application", entityId: applicationId, after: { fileName: blob.originalName } }, tx);
    return { ok: true as const };
  });
}

export async function removeApplicationFile(userId: string, applicationId: string, fileId: string): Promise<Result> {
  const { count } = await prisma.applicationFile.deleteMany({ where: { id: fileId, application: { id: applicationId, applicantId: userId, status: "draft" } } });
  return count > 0 ? { ok: true } : fail("call.error.notDraft");
}
