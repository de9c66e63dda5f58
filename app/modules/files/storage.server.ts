import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "~/utils/env.server";

// Where blobs live. Callers speak only to BlobStorage; the local directory is today's backend,
// an S3-compatible one can implement the same interface (roadmap item 5) without touching them.
// Keys are content addresses ("ab/ab12…"): a blob is never overwritten, identical uploads are
// stored once, and nothing a browser sends becomes a path.

export interface BlobStorage {
  /** Move a finished temporary file into storage under its content address. */
  putFile(tmpPath: string): Promise<{ key: string; sha256: string; size: number }>;
  putBytes(bytes: Uint8Array): Promise<{ key: string; sha256: string; size: number }>;
  open(key: string): Readable;
  exists(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
  /** Every stored key with its modification time (for the orphan sweep). */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
  /** A directory for uploads in progress, swept like orphans. */
  tmpDir(): string;
}

export function keyFor(sha256: string) {
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new Error("invalid content hash");
  return `${sha256.slice(0, 2)}/${sha256}`;
}

export function sha256(bytes: Uint8Array) {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

export class LocalDirectoryStorage implements BlobStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    if (!/^[a-f0-9]{2}\/[a-f0-9]{64}$/.test(key)) throw new Error("invalid storage key");
    return path.join(this.root, key);
  }

  tmpDir() {
    const dir = path.join(this.root, "tmp");
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  async putFile(tmpPath: string) {
    const hasher = crypto.createHash("sha256");
    await pipeline(fs.createReadStream(tmpPath), hasher);
    const hash = hasher.digest("hex");
    const size = (await fs.promises.stat(tmpPath)).size;
    const key = keyFor(hash);
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    if (fs.existsSync(target)) await fs.promises.rm(tmpPath, { force: true });
    else await fs.promises.rename(tmpPath, target);
    return { key, sha256: hash, size };
  }

  async putBytes(bytes: Uint8Array) {
    const hash = sha256(bytes);
    const key = keyFor(hash);
    const target = this.pathOf(key);
    if (!fs.existsSync(target)) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = path.join(this.tmpDir(), `${crypto.randomUUID()}.tmp`);
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, target);
    }
    return { key, sha256: hash, size: bytes.length };
  }

  open(key: string) {
    return fs.createReadStream(this.pathOf(key));
  }

  async exists(key: string) {
    return fs.existsSync(this.pathOf(key));
  }

  async remove(key: string) {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  async *list() {
    if (!fs.existsSync(this.root)) return;
    for (const prefix of await fs.promises.readdir(this.root)) {
      if (!/^[a-f0-9]{2}$/.test(prefix)) continue;
      for (const name of await fs.promises.readdir(path.join(this.root, prefix))) {
        if (!/^[a-f0-9]{64}$/.test(name)) continue;
        const stat = await fs.promises.stat(path.join(this.root, prefix, name));
        yield { key: `${prefix}/${name}`, modifiedAt: stat.mtime };
      }
    }
  }
}

let current: BlobStorage | undefined;

/** The configured storage: FILES_DIR (default DATA_DIR/files) on local disk. */
export function storage(): BlobStorage {
  current ??= new LocalDirectoryStorage(env().filesDir);
  return current;
}
