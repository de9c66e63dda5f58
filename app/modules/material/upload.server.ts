import crypto from "node:crypto";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_createFileUploadHandler as createFileUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  NodeOnDiskFile,
} from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { storage } from "~/modules/files/storage.server";
import { ensureStoredFile, storeUpload, type StoredBlob } from "~/modules/files/stored-file.server";
import type { FileKind } from "~/modules/files/file-type.server";
import type { MaterialMeta } from "./schemas";

import { MAX_MATERIAL_BYTES } from "./schemas";

export type MaterialUpload =
  | { ok: true; formData: FormData; file: NodeOnDiskFile | null }
  | { ok: false; error: string };

/** Stream a multipart upload to a temporary file on disk (never the whole file in memory). */
export async function receiveUpload(request: Request): Promise<MaterialUpload> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_MATERIAL_BYTES + 1024 * 1024) return { ok: false, error: "upload.tooLarge" };
  const directory = storage().tmpDir();
  try {
    const formData = await parseMultipartFormData(
      request,
      composeUploadHandlers(
        createFileUploadHandler({
          directory,
          maxPartSize: MAX_MATERIAL_BYTES,
          // The browser's file name rides in the temporary name (encoded), so nothing it
          // contains can reach the file system as a path.
          file: ({ filename }) => `${crypto.randomUUID()}.${Buffer.from(filename.slice(0, 120)).toString("base64url")}.upload`,
          avoidFileConflicts: false,
        }),
        createMemoryUploadHandler({ maxPartSize: 64 * 1024 }),
      ),
    );
    const file = formData.get("file");
    if (!(file instanceof NodeOnDiskFile)) return { ok: true, formData, file: null };
    if (file.size === 0) {
      await file.remove();
      return { ok: true, formData, file: null };
    }
    return { ok: true, formData, file };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, error: "upload.tooLarge" };
    return { ok: false, error: "upload.invalid" };
  }
}

export async function discard(file: NodeOnDiskFile | null) {
  if (file) await file.remove().catch(() => undefined);
}

/** The name the browser gave the file (see receiveUpload). */
export function originalName(file: NodeOnDiskFile): string {
  const encoded = file.name.split(".")[1] ?? "";
  return Buffer.from(encoded, "base64url").toString("utf8");
}

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
