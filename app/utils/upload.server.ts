import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";

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
