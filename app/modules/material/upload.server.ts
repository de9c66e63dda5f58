import crypto from "node:crypto";
import type { NodeOnDiskFile } from "@remix-run/node";
import { originalName } from "~/utils/upload.server";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { ensureStoredFile, storeUpload, type StoredBlob } from "~/modules/files/stored-file.server";
import type { FileKind } from "~/modules/files/file-type.server";
import type { MaterialMeta } from "./schemas";

/** Kinds a catalogue material file may be. */
export const MATERIAL_FILE_KINDS: readonly FileKind[] = ["pdf", "pptx", "xlsx", "docx"];

/** Check the upload's bytes against its name, then move it into storage. */
export async function acceptFile(file: NodeOnDiskFile) {
  return storeUpload(file.getFilePath(), originalName(file), MATERIAL_FILE_KINDS);
}

function toMeta(meta: MaterialMeta) {
  const { stage, ...rest } = meta;
  return { ...rest, stageKey: stage === "general" ? null : stage };
}

export async function createUploadedMaterial(actorId: string, meta: MaterialMeta, content: { kind: "file"; blob: StoredBlob } | { kind: "link"; url: string }) {
  const material = await prisma.$transaction(async (tx) => {
    const created = await tx.material.create({
      data: { key: `upload-${crypto.randomUUID()}`, origin: "upload", kind: content.kind, ...toMeta(meta) },
      select: { id: true },
    });
    if (content.kind === "file") {
      const file = await ensureStoredFile(tx, content.blob, actorId);
      await tx.materialVersion.create({ data: { materialId: created.id, number: 1, storedFileId: file.id, fileName: content.blob.originalName, uploadedById: actorId } });
    } else {
      await tx.materialVersion.create({ data: { materialId: created.id, number: 1, url: content.url, uploadedById: actorId } });
    }
    const after = content.kind === "file" ? { ...meta, fileName: content.blob.originalName, sha256: content.blob.sha256, size: content.blob.size } : { ...meta, url: content.url };
    await recordAudit({ actorId, action: "material.create", entityType: "material", entityId: created.id, after }, tx);
    return created;
  });
  return material.id;
}

export async function addVersion(actorId: string, materialId: string, blob: StoredBlob) {
  return prisma.$transaction(async (tx) => {
    const last = await tx.materialVersion.findFirst({ where: { materialId }, orderBy: { number: "desc" }, select: { number: true } });
    const file = await ensureStoredFile(tx, blob, actorId);
    const version = await tx.materialVersion.create({
      data: { materialId, number: (last?.number ?? 0) + 1, storedFileId: file.id, fileName: blob.originalName, uploadedById: actorId },
    });
    await recordAudit(
      { actorId, action: "material.version_add", entityType: "material", entityId: materialId, after: { number: version.number, fileName: blob.originalName, sha256: blob.sha256, size: blob.size } },
      tx,
    );
    return version;
  });
}

export async function updateMeta(actorId: string, materialId: string, meta: MaterialMeta) {
  const before = await prisma.material.findUnique({ where: { id: materialId } });
  if (!before) return false;
  await prisma.$transaction(async (tx) => {
    await tx.material.update({ where: { id: materialId }, data: toMeta(meta) });
    await recordAudit({ actorId, action: "material.update", entityType: "material", entityId: materialId, before, after: meta }, tx);
  });
  return true;
}

export async function setVersionRetired(actorId: string, materialId: string, versionId: string, retired: boolean) {
  const { count } = await prisma.materialVersion.updateMany({ where: { id: versionId, materialId }, data: { retiredAt: retired ? new Date() : null } });
  if (count > 0) await recordAudit({ actorId, action: retired ? "material.version_retire" : "material.version_restore", entityType: "material", entityId: materialId, after: { versionId } });
  return count > 0;
}
