import type { Readable } from "node:stream";
import yauzl from "yauzl";

// Office files (XLSX, DOCX, PPTX) and ZIPs are archives: a few MB can hold gigabytes. Before
// anything opens one, the archive's directory is read (declared sizes and entry count) and then
// every entry is inflated into nothing while counting, so a lying header is caught too. The
// check streams: memory stays small whatever the archive claims.

export interface ZipLimits {
  /** The sum of all entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  maxEntries: number;
}

export type ZipProblem = "zip.tooLarge" | "zip.tooManyEntries" | "zip.invalid";
export type ZipVerdict = { ok: true; entries: number; uncompressedBytes: number } | { ok: false; problem: ZipProblem };

export const OFFICE_LIMITS: ZipLimits = { maxUncompressedBytes: 300 * 1024 * 1024, maxEntries: 10_000 };

class LimitExceeded extends Error {}

function openZip(source: string | Buffer): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, validateEntrySizes: true, autoClose: false };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error ?? new Error("no zip")) : resolve(zip));
    if (typeof source === "string") yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

function readEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    if (zip.entryCount > limits.maxEntries) return reject(new LimitExceeded("zip.tooManyEntries"));
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    zip.on("entry", (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) {
        zip.close();
        return reject(new LimitExceeded("zip.tooLarge"));
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

async function drain(stream: Readable, onBytes: (n: number) => void) {
  for await (const chunk of stream) onBytes((chunk as Buffer).byteLength);
}

/** Is this archive safe to open within `limits`? `source` is a file path or the bytes. */
export async function inspectZip(source: string | Buffer, limits: ZipLimits = OFFICE_LIMITS): Promise<ZipVerdict> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await openZip(source);
    const entries = await readEntries(zip, limits);
    let actual = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      if (!entry.canDecodeFileData()) return { ok: false, problem: "zip.invalid" };
      const stream = await zip.openReadStreamPromise(entry);
      await drain(stream, (n) => {
        actual += n;
        if (actual > limits.maxUncompressedBytes) stream.destroy(new LimitExceeded("zip.tooLarge"));
      });
    }
    return { ok: true, entries: entries.length, uncompressedBytes: actual };
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, problem: error.message as ZipProblem };
    return { ok: false, problem: "zip.invalid" };
  } finally {
    if (zip?.isOpen) zip.close();
  }
}
