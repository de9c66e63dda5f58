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
import { createDeliverableOnce, ensureDeliverable, type StageRef } from "./deliverable.server";
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

/** What happened to one file of an upload: refused (with why, and everything the scan found), or fine. */
export interface FileOutcome {
  fileName: string;
  /** null: the file itself was fine */
  reason: string | null;
  scan?: ScanResult;
}

/**
 * Check, scan and keep uploaded files, all or none: one refused file (My Number anywhere, a
 * wrong type, an unreadable table) refuses the upload, and the answer says what happened to
 * every file, with everything the scan found in a refused table (not the My Number alone). A
 * file already attached with the same content and name (a second click, the same file chosen
 * again) is not added twice.
 */
export async function attachFiles(
  actorId: string,
  team: TeamRef,
  stage: StageRef,
  files: NodeOnDiskFile[],
): Promise<Result<{ attached: { fileName: string; scan: ScanResult | null }[]; repeated: string[] }, { failure?: AttachFailure; outcomes?: FileOutcome[] }>> {
  if (!takesFiles(stage.deliverable)) return fail("deliverable.error.noFiles");
  const deliverable = await prisma.deliverable.findUnique({ where: { teamId_stageId: { teamId: team.id, stageId: stage.id } }, select: { status: true } });
  if (deliverable?.status === "accepted") return fail("deliverable.error.accepted");
  const checked: { upload: CheckedUpload; scan: ScanResult | null }[] = [];
  const outcomes: (FileOutcome & { finding?: Finding })[] = [];
  for (const file of files) {
    const name = originalName(file);
    const result = await checkUpload(file.getFilePath(), name, DELIVERABLE_FILE_KINDS);
    if (!result.ok) {
      outcomes.push({ fileName: name, reason: result.reason });
      continue;
    }
    const kind = result.upload.kind;
    let scan: ScanResult | null = null;
    if (kind === "csv" || kind === "xlsx") {
      try {
        scan = await scanTable(file.getFilePath(), kind);
      } catch {
        outcomes.push({ fileName: name, reason: "upload.unreadableTable" });
        continue;
      }
      if (scan.status === "refused") {
        outcomes.push({ fileName: name, reason: "privacy.myNumberRefused", scan, finding: scan.findings.find((f) => f.kind === "my_number") });
        continue;
      }
    }
    outcomes.push({ fileName: name, reason: null });
    checked.push({ upload: result.upload, scan });
  }
  const refused = outcomes.find((o) => o.reason !== null);
  if (refused) {
    const reason = refused.reason!;
    return {
      ...fail(reason, { file: reason }),
      failure: { reason, fileName: refused.fileName, finding: refused.finding },
      outcomes: outcomes.map(({ finding: _finding, ...o }) => o),
    };
  }
  const blobs: { blob: StoredBlob; scan: ScanResult | null }[] = [];
  for (const item of checked) blobs.push({ blob: await putUpload(item.upload), scan: item.scan });
  const repeated: string[] = [];
  await createDeliverableOnce(team.id, stage.id);
  const added = await prisma.$transaction(async (tx) => {
    const row = await ensureDeliverable(tx, team.id, stage.id);
    // on PostgreSQL the update waits for another upload to the same deliverable to commit (a double click)
    await tx.deliverable.updateMany({ where: { id: row.id }, data: { latestVersion: { increment: 0 } } });
    const kept: typeof blobs = [];
    for (const item of blobs) {
      const stored = await ensureStoredFile(tx, item.blob, actorId);
      const same = await tx.deliverableFile.count({ where: { deliverableId: row.id, storedFileId: stored.id, fileName: item.blob.originalName, removedAt: null } });
      if (same > 0 || kept.some((k) => k.blob.sha256 === item.blob.sha256 && k.blob.originalName === item.blob.originalName)) {
        repeated.push(item.blob.originalName);
        continue;
      }
      await tx.deliverableFile.create({
        data: {
          deliverableId: row.id,
          storedFileId: stored.id,
          fileName: item.blob.originalName,
          uploadedById: actorId,
          scanStatus: item.scan ? (item.scan.status === "clean" ? "clean" : "needs_confirmation") : "not_scanned",
          scan: item.scan ? JSON.stringify(item.scan) : null,
        },
      });
      kept.push(item);
    }
    if (kept.length > 0) {
      await recordAudit(
        {
          actorId,
          action: "team.file_attach",
          entityType: "team",
          entityId: team.id,
          after: { stageId: stage.id, files: kept.map(({ blob, scan }) => ({ fileName: blob.originalName, sha256: blob.sha256, size: blob.size, scan: scan?.status ?? null })) },
        },
        tx,
      );
    }
    return kept;
  });
  return { ok: true, attached: added.map(({ blob, scan }) => ({ fileName: blob.originalName, scan })), repeated };
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
