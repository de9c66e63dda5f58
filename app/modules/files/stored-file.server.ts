import fs from "node:fs";
import path from "node:path";
import { prisma, type Prisma, type Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { fail, type Result } from "~/utils/result";
import { detectFileKind, FILE_TYPES, kindFromName, safeFileName, type FileKind } from "./file-type.server";
import { storage, uploadTmpDir } from "./storage.server";
import { inspectZip, OFFICE_LIMITS } from "./zip-guard.server";

// One StoredFile row per stored blob. A feature keeps a file by pointing at a row; the blob is
// written first and the row (with the feature's own row) in one transaction after it, so a row
// never points at a missing blob. A blob or row left behind by a failed request is an orphan,
// removed by sweepOrphans after a grace period.


const ARCHIVE_KINDS: FileKind[] = ["docx", "xlsx", "pptx", "zip"];

export interface StoredBlob {
  key: string;
  sha256: string;
  size: number;
  kind: FileKind;
  originalName: string;
}

export interface CheckedUpload {
  tmpPath: string;
  kind: FileKind;
  originalName: string;
}

/** Check an uploaded temporary file against its name and the kinds allowed (bytes, and zip bombs for Office files). */
export async function checkUpload(tmpPath: string, originalName: string, allowed: readonly FileKind[]): Promise<Result<{ upload: CheckedUpload }>> {
  const name = safeFileName(originalName);
  const claimed = kindFromName(name);
  if (!claimed || !allowed.includes(claimed)) return fail("upload.extension", { file: "upload.extension" });
  const actual = await detectFileKind(tmpPath, claimed);
  if (actual !== claimed) {
    const reason = actual ? "upload.mismatch" : "upload.unknownType";
    return fail(reason, { file: reason });
  }
  if (ARCHIVE_KINDS.includes(actual)) {
    // Opened later by ExcelJS, Office or a participant's unzip: refuse a bomb now.
    const zip = await inspectZip(tmpPath, OFFICE_LIMITS);
    if (!zip.ok) {
      const reason = zip.problem === "zip.invalid" ? "upload.brokenArchive" : "upload.unpackedTooLarge";
      return fail(reason, { file: reason });
    }
  }
  return { ok: true, upload: { tmpPath, kind: actual, originalName: name } };
}

/** Move a checked upload into storage under its content address. */
export async function putUpload(upload: CheckedUpload): Promise<StoredBlob> {
  const put = await storage().putFile(upload.tmpPath);
  return { ...put, kind: upload.kind, originalName: upload.originalName };
}

/** Check an uploaded temporary file against its name and the kinds allowed, then store the blob. */
export async function storeUpload(tmpPath: string, originalName: string, allowed: readonly FileKind[]): Promise<Result<{ blob: StoredBlob }>> {
  const checked = await checkUpload(tmpPath, originalName, allowed);
  if (!checked.ok) return checked;
  return { ok: true, blob: await putUpload(checked.upload) };
}

/** Store bytes the app itself produced (the shipped curriculum). */
export async function storeBytes(bytes: Uint8Array, kind: FileKind, originalName: string): Promise<StoredBlob> {
  const put = await storage().putBytes(bytes);
  return { ...put, kind, originalName };
}

/** The row of a stored blob, created on first use; call inside the transaction that references it. */
export async function ensureStoredFile(db: Db, blob: StoredBlob, uploadedById: string | null) {
  return db.storedFile.upsert({
    where: { sha256: blob.sha256 },
    create: {
      sha256: blob.sha256,
      size: blob.size,
      mimeType: FILE_TYPES[blob.kind].mime,
      extension: blob.kind,
      originalName: blob.originalName,
      storageKey: blob.key,
      uploadedById,
    },
    update: {},
    select: { id: true },
  });
}

export function openStoredFile(key: string) {
  return storage().open(key);
}

export function storedFileExists(key: string) {
  return storage().exists(key);
}

/** Rows nothing points at. Every feature that keeps files adds its relation here. */
export const UNREFERENCED_FILES: Prisma.StoredFileWhereInput = { materialVersions: { none: {} }, deliverableFiles: { none: {} }, callDocuments: { none: {} }, applicationFiles: { none: {} }, caseFiles: { none: {} } };

export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;
/** A temporary upload not touched for an hour belongs to a request that is long over (or a crashed process). */
export const TEMP_GRACE_MS = 60 * 60 * 1000;

/**
 * Remove what no row references any more, once it is older than the grace period (so a
 * request still between "blob written" and "row committed" is never swept): unreferenced
 * rows with their blobs, blobs without a row, and abandoned temporary uploads.
 */
export async function sweepOrphans(now = new Date(), graceMs = ORPHAN_GRACE_MS, tempGraceMs = Math.min(graceMs, TEMP_GRACE_MS)) {
  const cutoff = new Date(now.getTime() - graceMs);
  const tempCutoff = new Date(now.getTime() - tempGraceMs);
  const store = storage();
  const rows = await prisma.storedFile.findMany({ where: { ...UNREFERENCED_FILES, createdAt: { lt: cutoff } }, select: { id: true, storageKey: true } });
  for (const row of rows) {
    const { count } = await prisma.storedFile.deleteMany({ where: { id: row.id, ...UNREFERENCED_FILES } });
    if (count > 0) await store.remove(row.storageKey);
  }
  let blobs = 0;
  let batch: string[] = [];
  const flush = async () => {
    const known = new Set((await prisma.storedFile.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } })).map((r) => r.storageKey));
    for (const key of batch) {
      if (!known.has(key)) {
        await store.remove(key);
        blobs++;
      }
    }
    batch = [];
  };
  for await (const blob of store.list()) {
    if (blob.modifiedAt >= cutoff) continue;
    batch.push(blob.key);
    if (batch.length >= 500) await flush();
  }
  if (batch.length > 0) await flush();
  let temporary = 0;
  const tmp = uploadTmpDir();
  for (const name of await fs.promises.readdir(tmp)) {
    const file = path.join(tmp, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && stat.mtime < tempCutoff) {
      await fs.promises.rm(file, { force: true, recursive: true });
      temporary++;
    }
  }
  return { rows: rows.length, blobs, temporary };
}

/**
 * At start-up: what processes that stopped mid-upload (kill -9, power loss) left in their
 * temporary folders (one per process id, on this machine): the folders of processes that no
 * longer run go at once; those of running siblings (other workers) stay.
 */
export async function clearTemporaryUploads() {
  const root = env().uploadTmpDir;
  if (!fs.existsSync(root)) return 0;
  let removed = 0;
  for (const name of await fs.promises.readdir(root)) {
    const pid = /^\d+$/.test(name) ? Number(name) : null;
    if (pid === process.pid || (pid !== null && isRunning(pid))) continue;
    const dir = path.join(root, name);
    removed += (await fs.promises.readdir(dir).catch(() => [name])).length;
    await fs.promises.rm(dir, { force: true, recursive: true });
  }
  return removed;
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
