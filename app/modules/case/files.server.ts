import type { NodeOnDiskFile } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { ensureStoredFile, openStoredFile, storeUpload } from "~/modules/files/stored-file.server";
import { originalName } from "~/utils/upload.server";
import { fail, type Result } from "~/utils/result";

// Slides (or a report) attached to a case: PDF or PowerPoint, checked by content, kept through the
// stored-file interface and public with the case. Adding or removing one changes what the public
// page shows, so, like an edit, it takes both approvals back (decision 0013).

export const CASE_FILE_KINDS = ["pdf", "pptx"] as const;
export const CASE_FILE_MAX_BYTES = 30 * 1024 * 1024;
export const CASE_FILES_MAX = 5;

const UNAPPROVED = { teamApprovedAt: null, teamApprovedById: null, coordinatorApprovedAt: null, coordinatorApprovedById: null, publishedAt: null };

export async function addCaseFile(actorId: string, teamId: string, file: NodeOnDiskFile): Promise<Result> {
  const row = await prisma.case.findUnique({ where: { teamId }, select: { id: true, _count: { select: { files: true } } } });
  if (!row) return fail("case.error.noCase");
  if (row._count.files >= CASE_FILES_MAX) return fail("case.error.tooManyFiles");
  const stored = await storeUpload(file.getFilePath(), originalName(file), CASE_FILE_KINDS);
  if (!stored.ok) return stored;
  return prisma.$transaction(async (tx) => {
    // counted again inside the write: two uploads at once cannot both take the last place
    if ((await tx.caseFile.count({ where: { caseId: row.id } })) >= CASE_FILES_MAX) return fail("case.error.tooManyFiles");
    const blob = await ensureStoredFile(tx, stored.blob, actorId);
    const added = await tx.caseFile.create({ data: { caseId: row.id, storedFileId: blob.id, fileName: stored.blob.originalName }, select: { id: true } });
    await tx.case.update({ where: { id: row.id }, data: UNAPPROVED });
    await recordAudit({ actorId, action: "case.file_add", entityType: "team", entityId: teamId, after: { caseId: row.id, fileId: added.id, fileName: stored.blob.originalName } }, tx);
    return { ok: true as const };
  });
}

export async function removeCaseFile(actorId: string, teamId: string, fileId: string): Promise<Result> {
  const file = await prisma.caseFile.findFirst({ where: { id: fileId, case: { teamId } }, select: { id: true, caseId: true, fileName: true } });
  if (!file) return fail("case.error.noSuchFile");
  await prisma.$transaction(async (tx) => {
    await tx.caseFile.delete({ where: { id: file.id } });
    await tx.case.update({ where: { id: file.caseId }, data: UNAPPROVED });
    await recordAudit({ actorId, action: "case.file_remove", entityType: "team", entityId: teamId, before: { caseId: file.caseId, fileName: file.fileName } }, tx);
  });
  return { ok: true };
}

/** A case's file with what decides who may download it: the case's publication and its team. */
export async function findCaseFile(caseId: string, fileId: string) {
  const file = await prisma.caseFile.findFirst({
    where: { id: fileId, caseId },
    select: { fileName: true, case: { select: { publishedAt: true, team: { select: { id: true, academyId: true } } } }, storedFile: { select: { storageKey: true, mimeType: true, size: true } } },
  });
  if (!file) return null;
  return {
    name: file.fileName,
    mimeType: file.storedFile.mimeType,
    size: file.storedFile.size,
    published: file.case.publishedAt !== null,
    team: file.case.team,
    open: () => openStoredFile(file.storedFile.storageKey),
  };
}
