import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { DATA_DIR } from "~/utils/env.server";

// Content-addressed file storage on local disk: a file's name is the SHA-256 of its bytes, so
// a version can never be overwritten and identical uploads are stored once. (S3-compatible
// storage can implement the same three functions later.)

export function filesDir() {
  return path.join(DATA_DIR, "files");
}

export function pathFor(hash: string) {
  if (!/^[a-f0-9]{64}$/.test(hash)) throw new Error("invalid content hash");
  return path.join(filesDir(), hash.slice(0, 2), hash);
}

export function sha256(bytes: Uint8Array) {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/** Store bytes; returns the hash. Written to a temporary name first, then renamed into place. */
export async function storeBytes(bytes: Uint8Array): Promise<string> {
  const hash = sha256(bytes);
  const target = pathFor(hash);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, target);
  }
  return hash;
}

/** Move an uploaded temporary file into storage, hashing it as a stream (no full buffer). */
export async function storeFile(tmpPath: string): Promise<{ hash: string; size: number }> {
  const hasher = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(tmpPath), hasher);
  const hash = hasher.digest("hex");
  const size = (await fs.promises.stat(tmpPath)).size;
  const target = pathFor(hash);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) await fs.promises.rm(tmpPath, { force: true });
  else await fs.promises.rename(tmpPath, target);
  return { hash, size };
}

export function openStored(hash: string) {
  return fs.createReadStream(pathFor(hash));
}

export function existsStored(hash: string) {
  return fs.existsSync(pathFor(hash));
}
