import { Readable } from "node:stream";
import { safeFileName } from "~/modules/files/file-type.server";

/**
 * A stored file as a download: streamed, its name kept (Japanese included, RFC 6266/5987) with
 * an ASCII fallback, never sniffed or cached by the browser.
 */
export function fileResponse(file: { name: string; mimeType: string; size: number; stream: NodeJS.ReadableStream }) {
  const name = safeFileName(file.name);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  const body = Readable.toWeb(file.stream as Readable) as unknown as ReadableStream;
  return new Response(body, {
    headers: {
      "Content-Type": file.mimeType || "application/octet-stream",
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** Text made by the app (CSV, Markdown) as a download with its name kept. */
export function textDownload(name: string, mimeType: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(bytes, {
    headers: {
      "Content-Type": `${mimeType}; charset=utf-8`,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** Bytes made by the app (an XLSX workbook) as a download with its name kept. */
export function bytesDownload(name: string, mimeType: string, bytes: Uint8Array<ArrayBuffer>) {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(bytes, {
    headers: {
      "Content-Type": mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** A download made as it is sent (a zip of stored files): its length is not known in advance. */
export function streamDownload(name: string, mimeType: string, stream: NodeJS.ReadableStream) {
  const safe = safeFileName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(Readable.toWeb(stream as Readable) as unknown as ReadableStream, {
    headers: {
      "Content-Type": mimeType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
