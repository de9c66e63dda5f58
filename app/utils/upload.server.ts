import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_createFileUploadHandler as createFileUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  NodeOnDiskFile,
  type UploadHandler,
} from "@remix-run/node";
import { uploadTmpDir } from "~/modules/files/storage.server";
import { MAX_MATERIAL_BYTES } from "~/modules/material/schemas";
import { readForm } from "./form-body.server";

// Multipart bodies are limited three ways before anything is kept: the whole request (counted
// while it streams, whatever Content-Length says), each part, and the number of parts. Files
// go to a temporary folder and are removed again on every path that does not keep them
// (refused, failed halfway, extra file parts); a kill -9 leaves at most one partial file, which
// the hourly sweep removes.

export type UploadError = "upload.tooLarge" | "upload.fieldTooLarge" | "upload.tooManyParts" | "upload.invalid";

/** Text fields of an upload form (titles, notes) are small; this is generous. */
const FIELD_MAX_BYTES = 64 * 1024;
const MAX_PARTS = 50;
/** Room for the text fields and multipart boundaries next to the file. */
const OVERHEAD_BYTES = 1024 * 1024;

class TooManyPartsError extends Error {}
class BodyTooLargeError extends Error {}
class UnexpectedFileError extends Error {}

/**
 * The same request, its body cut off with an error once `maxBytes` have passed. The original
 * stream is released, not cancelled: cancelling would drop the connection before the answer.
 */
function limitBody(request: Request, maxBytes: number): Request {
  const reader = request.body!.getReader();
  let seen = 0;
  const limited = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      seen += value.byteLength;
      if (seen > maxBytes) {
        reader.releaseLock();
        controller.error(new BodyTooLargeError());
      } else controller.enqueue(value);
    },
  });
  return new Request(request.url, { method: request.method, headers: request.headers, body: limited, duplex: "half" } as RequestInit);
}

function countParts(max: number): UploadHandler {
  let parts = 0;
  return async () => {
    if (++parts > max) throw new TooManyPartsError();
    return undefined;
  };
}

function toError(error: unknown): UploadError {
  if (error instanceof BodyTooLargeError) return "upload.tooLarge";
  if (error instanceof TooManyPartsError) return "upload.tooManyParts";
  if (error instanceof MaxPartSizeExceededError) return error.field === "file" ? "upload.tooLarge" : "upload.fieldTooLarge";
  return "upload.invalid";
}

function precheck(request: Request, maxBytes: number): UploadError | null {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > maxBytes) return "upload.tooLarge";
  if (!request.headers.get("Content-Type")?.toLowerCase().startsWith("multipart/form-data") || !request.body) return "upload.invalid";
  return null;
}

/** A refusal with what its message needs ({{mb}}: the limit that applied). */
export type UploadRefusal = { ok: false; error: UploadError; params: { mb: number } };
const refusal = (error: UploadError, maxBytes: number): UploadRefusal => ({ ok: false, error, params: { mb: Math.round(maxBytes / 1024 / 1024) } });

export type UploadResult = { ok: true; formData: FormData } | UploadRefusal;

/** Read a small multipart form (e.g. a roster file) into memory, never more than `maxBytes` (a file or a text field). */
export async function readUpload(request: Request, maxBytes: number): Promise<UploadResult> {
  const problem = precheck(request, maxBytes + OVERHEAD_BYTES);
  if (problem) return refusal(problem, maxBytes);
  try {
    const formData = await parseMultipartFormData(
      limitBody(request, maxBytes + OVERHEAD_BYTES),
      composeUploadHandlers(countParts(MAX_PARTS), async (part) => {
        if (part.filename !== undefined && part.name !== "file") throw new UnexpectedFileError();
        return createMemoryUploadHandler({ maxPartSize: maxBytes })(part);
      }),
    );
    return { ok: true, formData };
  } catch (error) {
    return refusal(toError(error), maxBytes);
  }
}

export type FileUpload =
  | { ok: true; formData: FormData; file: NodeOnDiskFile | null; files: NodeOnDiskFile[]; emptyNames: string[] }
  | UploadRefusal;

export interface ReceiveOptions {
  /** file parts allowed in field "file" (default 1) */
  maxFiles?: number;
  /** the whole body (default: one file's limit) */
  maxTotalBytes?: number;
}

/**
 * Stream a multipart upload's files (field "file") to temporary files on disk, never whole in
 * memory. Zero-byte files are dropped and named in `emptyNames`.
 */
export async function receiveUpload(request: Request, maxBytes = MAX_MATERIAL_BYTES, options: ReceiveOptions = {}): Promise<FileUpload> {
  const maxFiles = options.maxFiles ?? 1;
  const maxTotal = options.maxTotalBytes ?? maxBytes;
  const problem = precheck(request, maxTotal + OVERHEAD_BYTES);
  if (problem) return refusal(problem, maxBytes);
  const written: NodeOnDiskFile[] = [];
  // Every temporary path handed out, so a part cut off halfway can be removed too.
  const started: string[] = [];
  const directory = uploadTmpDir();
  const toDisk = createFileUploadHandler({
    directory,
    maxPartSize: maxBytes,
    // The browser's file name rides in the temporary name (encoded), so nothing it
    // contains can reach the file system as a path.
    file: ({ filename }) => {
      const name = `${crypto.randomUUID()}.${Buffer.from(fitName(filename)).toString("base64url")}.upload`;
      started.push(path.join(directory, name));
      return name;
    },
    avoidFileConflicts: false,
  });
  const emptyNames: string[] = [];
  const fileHandler: UploadHandler = async (part) => {
    if (part.filename === undefined) return undefined;
    // Files only in the field the form has, no more than allowed: anything else is refused outright.
    if (part.name !== "file" || written.length >= maxFiles) throw new UnexpectedFileError();
    // A file input left empty sends a part without a name and without bytes.
    if (part.filename === "") {
      for await (const _chunk of part.data) void _chunk;
      return undefined;
    }
    const file = await toDisk(part);
    if (file instanceof NodeOnDiskFile) {
      if (file.size === 0) {
        emptyNames.push(originalName(file));
        await discard(file);
        return undefined;
      }
      written.push(file);
    }
    return file;
  };
  try {
    const formData = await parseMultipartFormData(
      limitBody(request, maxTotal + OVERHEAD_BYTES),
      composeUploadHandlers(countParts(MAX_PARTS), fileHandler, createMemoryUploadHandler({ maxPartSize: FIELD_MAX_BYTES })),
    );
    return { ok: true, formData, file: written[0] ?? null, files: written, emptyNames };
  } catch (error) {
    await Promise.all(started.map((file) => fs.rm(file, { force: true })));
    return refusal(toError(error), maxBytes);
  }
}

/** Bytes of the browser's file name kept in the temporary name: with base64 and the uuid, well under 255. */
const NAME_MAX_BYTES = 150;

/**
 * The file name shortened to NAME_MAX_BYTES of UTF-8 (a Japanese character is three), keeping
 * its extension, which decides the type check: "長い…名前.xlsx" → "長い….xlsx".
 */
export function fitName(filename: string, maxBytes = NAME_MAX_BYTES): string {
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");
  if (bytes(filename) <= maxBytes) return filename;
  const dot = filename.lastIndexOf(".");
  const extension = dot > 0 && filename.length - dot <= 10 ? filename.slice(dot) : "";
  let stem = "";
  for (const char of filename.slice(0, filename.length - extension.length)) {
    if (bytes(stem + char) + bytes(extension) > maxBytes) break;
    stem += char;
  }
  return stem + extension;
}

export async function discard(file: NodeOnDiskFile | null) {
  if (file) await file.remove().catch(() => undefined);
}

/** The name the browser gave the file (see receiveUpload). */
export function originalName(file: NodeOnDiskFile): string {
  const encoded = file.name.split(".")[1] ?? "";
  return Buffer.from(encoded, "base64url").toString("utf8");
}

/**
 * A page whose forms post either fields or one file: the fields (and the file, if the form was
 * multipart) the same way, so the action reads `intent` first whatever the encoding.
 */
export async function readFieldsOrUpload(request: Request, maxFileBytes: number): Promise<FileUpload> {
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return receiveUpload(request, maxFileBytes);
  return { ok: true, formData: await readForm(request), file: null, files: [], emptyNames: [] };
}
