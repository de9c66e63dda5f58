import type { NodeOnDiskFile } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { ensureStoredFile, storeUpload } from "~/modules/files/stored-file.server";
import { originalName } from "~/utils/upload.server";
import type { Result } from "~/utils/result";
import { addApplicationFile } from "./application.server";
import { addDocument, CALL_FILE_KINDS } from "./call.server";

// Files of calls (documents to download) and of applications (attachments), checked by content
// and kept through the stored-file interface; the row and the blob's record appear together.

/** The largest document or attachment (20 MB). */
export const CALL_FILE_MAX_BYTES = 20 * 1024 * 1024;

async function keep(file: NodeOnDiskFile, actorId: string): Promise<Result<{ storedFileId: string; name: string }>> {
  const stored = await storeUpload(file.getFilePath(), originalName(file), CALL_FILE_KINDS);
  if (!stored.ok) return stored;
  const row = await ensureStoredFile(prisma, stored.blob, actorId);
  return { ok: true, storedFileId: row.id, name: stored.blob.originalName };
}

export async function uploadCallDocument(actorId: string, callId: string, file: NodeOnDiskFile): Promise<Result> {
  const kept = await keep(file, actorId);
  if (!kept.ok) return kept;
  await addDocument(actorId, callId, kept.storedFileId, kept.name);
  return { ok: true };
}

export async function uploadApplicationFile(userId: string, applicationId: string, file: NodeOnDiskFile, questionId: string | null = null): Promise<Result> {
  return addApplicationFile(userId, applicationId, () => storeUpload(file.getFilePath(), originalName(file), CALL_FILE_KINDS), new Date(), questionId);
}
