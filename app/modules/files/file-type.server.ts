import fs from "node:fs";
import { loadFileType } from "~/utils/libraries.server";

// Uploaded files are checked by their bytes, not only by their names: the maintained
// `file-type` package recognises PDF, PNG, JPEG, ZIP and the Office packages; CSV and plain
// text have no signature, so they are accepted only when they decode as text.

export const FILE_TYPES = {
  pdf: { mime: "application/pdf" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  png: { mime: "image/png" },
  jpg: { mime: "image/jpeg" },
  zip: { mime: "application/zip" },
  csv: { mime: "text/csv" },
  txt: { mime: "text/plain" },
  md: { mime: "text/markdown" },
} as const;

export type FileKind = keyof typeof FILE_TYPES;

const TEXT_KINDS: FileKind[] = ["csv", "txt", "md"];
const TEXT_SAMPLE = 64 * 1024;

/** Does the start of the file decode as UTF-8 or Shift_JIS text, without NUL bytes? */
function looksLikeText(file: string) {
  const fd = fs.openSync(file, "r");
  try {
    const sample = Buffer.alloc(Math.min(TEXT_SAMPLE, fs.fstatSync(fd).size));
    fs.readSync(fd, sample, 0, sample.length, 0);
    if (sample.length === 0 || sample.includes(0)) return false;
    // A cut multi-byte character at the end of the sample is not an error.
    const body = sample.length === TEXT_SAMPLE ? sample.subarray(0, sample.length - 4) : sample;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(body);
      return true;
    } catch {
      try {
        new TextDecoder("shift_jis", { fatal: true }).decode(body);
        return true;
      } catch {
        return false;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The kind of file the bytes say it is, or null when it is none we know. */
export async function detectFileKind(file: string, claimed?: FileKind | null): Promise<FileKind | null> {
  const detected = await (await loadFileType()).fileTypeFromFile(file);
  if (detected) {
    const ext = detected.ext === "jpg" ? "jpg" : detected.ext;
    return ext in FILE_TYPES ? (ext as FileKind) : null;
  }
  if (claimed && TEXT_KINDS.includes(claimed) && looksLikeText(file)) return claimed;
  return null;
}

/** The kind the name claims, if it is one we know. */
export function kindFromName(name: string): FileKind | null {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  if (ext === "jpeg") return "jpg";
  return ext in FILE_TYPES && name.includes(".") ? (ext as FileKind) : null;
}

/** A safe download name: no directories, no control characters, no leading dots. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = [...base].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'<>:"|?*'.includes(c)).join("");
  const cleaned = printable.replace(/^\.+/, "").trim();
  return cleaned.slice(0, 150) || "file";
}
