import crypto from "node:crypto";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_createFileUploadHandler as createFileUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  NodeOnDiskFile,
} from "@remix-run/node";
import { storage } from "~/modules/files/storage.server";
import { MAX_MATERIAL_BYTES } from "~/modules/material/schemas";

export type UploadResult = { ok: true; formData: FormData } | { ok: false; error: "upload.tooLarge" | "upload.invalid" };

/**
 * Read a multipart form, refusing anything over `maxBytes` before it is held in memory
 * (Content-Length first, then the parser's own part limit).
 */
export async function readUpload(request: Request, maxBytes: number): Promise<UploadResult> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > maxBytes + 64 * 1024) return { ok: false, error: "upload.tooLarge" };
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return { ok: false, error: "upload.invalid" };
  try {
    const formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: maxBytes }));
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, error: "upload.tooLarge" };
    return { ok: false, error: "upload.invalid" };
  }
}

export type FileUpload =
  | { ok: true; formData: FormData; file: NodeOnDiskFile | null }
  | { ok: false; error: string };

/** Stream a multipart upload to a temporary file on disk (never the whole file in memory). */
export async function receiveUpload(request: Request): Promise<FileUpload> {
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

