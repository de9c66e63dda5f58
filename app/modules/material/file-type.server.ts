import fs from "node:fs";

// Uploaded files are checked by their bytes, not only by their names. Office files are ZIP
// packages: the part names inside tell a Word document from a workbook or a presentation.

export const ALLOWED_TYPES = {
  pdf: { ext: ".pdf", mime: "application/pdf" },
  docx: { ext: ".docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { ext: ".xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  pptx: { ext: ".pptx", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
} as const;

export type AllowedType = keyof typeof ALLOWED_TYPES;

const WINDOW = 256 * 1024;

function readEdges(file: string): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(WINDOW, size));
    fs.readSync(fd, head, 0, head.length, 0);
    if (size <= WINDOW) return head;
    const tail = Buffer.alloc(Math.min(WINDOW, size - head.length));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    return Buffer.concat([head, tail]);
  } finally {
    fs.closeSync(fd);
  }
}

export function detectType(bytes: Buffer): AllowedType | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return null;
  const text = bytes.toString("latin1");
  if (!text.includes("[Content_Types].xml")) return null;
  if (text.includes("word/document.xml")) return "docx";
  if (text.includes("xl/workbook.xml")) return "xlsx";
  if (text.includes("ppt/presentation.xml")) return "pptx";
  return null;
}

export function detectFileType(file: string): AllowedType | null {
  return detectType(readEdges(file));
}

/** The type the name claims, if it is one we accept. */
export function typeFromName(name: string): AllowedType | null {
  const lower = name.toLowerCase();
  return (Object.keys(ALLOWED_TYPES) as AllowedType[]).find((t) => lower.endsWith(ALLOWED_TYPES[t].ext)) ?? null;
}

/** A safe download name: no directories, no control characters, no leading dots. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = [...base].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'<>:"|?*'.includes(c)).join("");
  const cleaned = printable.replace(/^\.+/, "").trim();
  return cleaned.slice(0, 150) || "file";
}
