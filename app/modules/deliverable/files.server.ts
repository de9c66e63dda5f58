import type { NodeOnDiskFile } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { fail, type Result } from "~/utils/result";
import { originalName } from "~/utils/upload.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { checkUpload, ensureStoredFile, openStoredFile, putUpload, type CheckedUpload, type StoredBlob } from "~/modules/files/stored-file.server";
import type { FileKind } from "~/modules/files/file-type.server";
import { scanTable, type Finding, type ScanResult } from "~/modules/privacy/scan.server";
import { takesFiles } from "~/modules/stage/stages";
import { ensureDeliverable, type StageRef } from "./deliverable.server";
import type { TeamRef } from "./path.server";

// Files a team attaches to a stage. Each is checked by its bytes, Office files for zip bombs,
// tables (CSV, XLSX) scanned for personal information; only when every file of the request
// passes are the blobs stored and the rows written, in one transaction (a failure leaves
// nothing behind but temporary files, which are removed, or an unreferenced blob the sweep removes).

export const DELIVERABLE_FILE_KINDS: readonly FileKind[] = ["pdf", "pptx", "xlsx", "docx", "csv", "png", "jpg"];
/** Files one request may carry; the form says so too. */
export const MAX_FILES_PER_UPLOAD = 10;

export function maxDeliverableFileBytes() {
  return env().deliverableMaxFileBytes;
}

export type AttachFailure = { reason: string; fileName: string; finding?: Finding };

/** Check, scan and keep uploaded files. My Number anywhere refuses the whole upload with its place. */
export async function attachFiles(actorId: string, team: TeamRef, stage: StageRef, files: NodeOnDiskFile[]): Promise<Result<{ attached: { fileName: string; scan: ScanResult | null }[] }, { failure?: AttachFailure }>> {
  if (!takesFiles(stage.deliverable)) return fail("deliverable.error.noFiles");
  const deliverable = await prisma.deliverable.findUnique({ where: { teamId_stageId: { teamId: team.id, stageId: stage.id } }, select: { status: true } });
  if (deliverable?.status === "accepted") return fail("deliverable.error.accepted");
  const checked: { upload: CheckedUpload; scan: ScanResult | null }[] = [];
  for (const file of files) {
    const name = originalName(file);
    const result = await checkUpload(file.getFilePath(), name, DELIVERABLE_FILE_KINDS);
    if (!result.ok) return { ...fail(result.reason, { file: result.reason }), failure: { reason: result.reason, fileName: name } };
    const kind = result.upload.kind;
    let scan: ScanResult | null = null;
    if (kind === "csv" || kind === "xlsx") {
      try {
        scan = await scanTable(file.getFilePath(), kind);
      } catch {
        return { ...fail("upload.unreadableTable", { file: "upload.unreadableTable" }), failure: { reason: "upload.unreadableTable", fileName: name } };
      }
      if (scan.status === "refused") {
        const finding = scan.findings.find((f) => f.kind === "my_number");
        return { ...fail("privacy.myNumberRefused", { file: "privacy.myNumberRefused" }), failure: { reason: "privacy.myNumberRefused", fileName: name, finding } };
      }
    }
    checked.push({ upload: result.upload, scan });
  }
  const blobs: { blob: StoredBlob; scan: ScanResult | null }[] = [];
  for (const item of checked) blobs.push({ blob: await putUpload(item.upload), scan: item.scan });
  await prisma.$transaction(async (tx) => {
    const row = await ensureDeliverable(tx, team.id, stage.id);
    for (const { blob, scan } of blobs) {
      const stored = await ensureStoredFile(tx, blob, actorId);
      await tx.deliverableFile.create({
        data: {
          deliverableId: row.id,
          storedFileId: stored.id,
          fileName: blob.originalName,
          uploadedById: actorId,
          scanStatus: scan ? (scan.status === "clean" ? "clean" : "needs_confirmation") : "not_scanned",
          scan: scan ? JSON.stringify(scan) : null,
        },
      });
    }
    await recordAudit(
      {
        actorId,
        action: "team.file_attach",
        entityType: "team",
        entityId: team.id,
        after: { stageId: stage.id, files: blobs.map(({ blob, scan }) => ({ fileName: blob.originalName, sha256: blob.sha256, size: blob.size, scan: scan?.status ?? null })) },
      },
      tx,
    );
  });
  return { ok: true, attached: blobs.map(({ blob, scan }) => ({ fileName: blob.originalName, scan })) };
}

async function draftFile(team: TeamRef, stage: StageRef, fileId: string) {
  if (!fileId || fileId.length > 64) return null;
  return prisma.deliverableFile.findFirst({
    where: { id: fileId, removedAt: null, deliverable: { teamId: team.id, stageId: stage.id } },
    select: { id: true, fileName: true, scanStatus: true, deliverable: { select: { status: true } } },
  });
}

/** The uploader confirms a file the scan flagged, with the reason the data may be used. */
export async function confirmScan(actorId: string, team: TeamRef, stage: StageRef, fileId: string, reason: string, now = new Date()): Promise<Result | null> {
  const file = await draftFile(team, stage, fileId);
  if (!file) return null;
  if (file.scanStatus !== "needs_confirmation") return fail("privacy.nothingToConfirm");
  await prisma.$transaction(async (tx) => {
    await tx.deliverableFile.update({ where: { id: file.id }, data: { scanStatus: "confirmed", confirmReason: reason, confirmedById: actorId, confirmedAt: now } });
    await recordAudit({ actorId, action: "team.file_confirm", entityType: "team", entityId: team.id, after: { stageId: stage.id, fileName: file.fileName, reason } }, tx);
  });
  return { ok: true };
}

/** Take a file out of the draft; versions that included it keep it. */
export async function removeFile(actorId: string, team: TeamRef, stage: StageRef, fileId: string, now = new Date()): Promise<Result<{ fileName: string }> | null> {
  const file = await draftFile(team, stage, fileId);
  if (!file) return null;
  if (file.deliverable.status === "accepted") return fail("deliverable.error.accepted");
  await prisma.$transaction(async (tx) => {
    await tx.deliverableFile.update({ where: { id: file.id }, data: { removedAt: now } });
    await recordAudit({ actorId, action: "team.file_remove", entityType: "team", entityId: team.id, after: { stageId: stage.id, fileName: file.fileName } }, tx);
  });
  return { ok: true, fileName: file.fileName };
}

/** A file of one of the team's deliverables (any version), for download. */
export async function teamFile(teamId: string, fileId: string) {
  if (!fileId || fileId.length > 64) return null;
  const file = await prisma.deliverableFile.findFirst({
    where: { id: fileId, deliverable: { teamId } },
    select: { fileName: true, storedFile: { select: { storageKey: true, mimeType: true, size: true, sha256: true } } },
  });
  if (!file) return null;
  return { ...file, open: () => openStoredFile(file.storedFile.storageKey) };
}

export function readScan(json: string | null): ScanResult | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as ScanResult;
  } catch {
    return null;
  }
}
