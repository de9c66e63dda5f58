import iconv from "iconv-lite";

export type DecodeResult =
  | { ok: true; kind: "csv"; text: string; encoding: "utf-8" | "utf-8-bom" | "cp932" }
  | { ok: true; kind: "xlsx" }
  | { ok: false; error: "roster.error.empty" | "roster.error.binary" };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * What Excel in Japan writes: UTF-8 with BOM, plain UTF-8, or Shift_JIS (CP932). XLSX is
 * recognised by its ZIP signature, not its file name. Anything with NUL bytes is not text.
 */
export function decodeRoster(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, error: "roster.error.empty" };
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return { ok: true, kind: "xlsx" };
  if (bytes.includes(0)) return { ok: false, error: "roster.error.binary" };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, kind: "csv", text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  try {
    return { ok: true, kind: "csv", text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { ok: true, kind: "csv", text: iconv.decode(Buffer.from(bytes), "cp932"), encoding: "cp932" };
  }
}
