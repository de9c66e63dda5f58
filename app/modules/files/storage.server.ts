import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PassThrough, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "~/utils/env.server";

// Where blobs live. Callers speak only to BlobStorage, which streams in and out and never hands
// out a path: a local directory (also one shared between servers over NFS: every write is a
// rename within the folder) or S3-compatible object storage (FILES_STORAGE=s3), chosen by the
// settings. Keys are content addresses ("ab/ab12…"): a blob is never overwritten, identical
// uploads are stored once, and nothing a browser sends becomes a path. An upload in progress is
// a local temporary file of the server receiving it (uploadTmpDir), handed to putFile when whole.

export interface BlobStorage {
  readonly kind: "directory" | "s3";
  /** Store a finished local file under its content address (the file is consumed). */
  putFile(tmpPath: string): Promise<{ key: string; sha256: string; size: number }>;
  putBytes(bytes: Uint8Array): Promise<{ key: string; sha256: string; size: number }>;
  open(key: string): Readable;
  exists(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
  /** Every stored key with its modification time (for the orphan sweep). */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

/**
 * Local temporary files of uploads in progress: one folder per process (its pid), so a process
 * that starts can remove at once what a crashed one left (a folder whose process is gone)
 * without touching its siblings' uploads in progress (files/stored-file.server.ts).
 */
export function uploadTmpDir() {
  const dir = path.join(env().uploadTmpDir, String(process.pid));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function keyFor(sha256: string) {
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new Error("invalid content hash");
  return `${sha256.slice(0, 2)}/${sha256}`;
}

export function sha256(bytes: Uint8Array) {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

export class LocalDirectoryStorage implements BlobStorage {
  readonly kind = "directory" as const;
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    if (!/^[a-f0-9]{2}\/[a-f0-9]{64}$/.test(key)) throw new Error("invalid storage key");
    return path.join(this.root, key);
  }

  /** Where a blob is written before it is renamed into place (inside the folder: the rename is atomic, on NFS too). */
  private stagingDir() {
    const dir = path.join(this.root, "tmp");
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  async putFile(tmpPath: string) {
    const { hash, size } = await hashFile(tmpPath);
    const key = keyFor(hash);
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    if (fs.existsSync(target)) {
      await fs.promises.rm(tmpPath, { force: true });
      return { key, sha256: hash, size };
    }
    try {
      await fs.promises.rename(tmpPath, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      // the upload's temporary file is on another file system (a shared folder): copy, then rename
      const staged = path.join(this.stagingDir(), `${crypto.randomUUID()}.tmp`);
      await fs.promises.copyFile(tmpPath, staged);
      await fs.promises.rename(staged, target);
      await fs.promises.rm(tmpPath, { force: true });
    }
    return { key, sha256: hash, size };
  }

  async putBytes(bytes: Uint8Array) {
    const hash = sha256(bytes);
    const key = keyFor(hash);
    const target = this.pathOf(key);
    if (!fs.existsSync(target)) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = path.join(this.stagingDir(), `${crypto.randomUUID()}.tmp`);
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

async function hashFile(file: string) {
  const hasher = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(file), hasher);
  return { hash: hasher.digest("hex"), size: (await fs.promises.stat(file)).size };
}

export interface S3Settings {
  bucket: string;
  prefix: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph RGW, a cloud's object store). The SDK is
 * loaded on first use. Checksums only where the service requires them: many S3-compatible
 * servers do not accept the SDK's newer default (streamed CRC trailers).
 */
export class S3Storage implements BlobStorage {
  readonly kind = "s3" as const;
  private client: Promise<{ s3: import("@aws-sdk/client-s3").S3Client; sdk: typeof import("@aws-sdk/client-s3") }> | null = null;
  constructor(private readonly settings: S3Settings) {}

  private connect() {
    this.client ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: this.settings.region,
        endpoint: this.settings.endpoint || undefined,
        forcePathStyle: this.settings.forcePathStyle,
        credentials: this.settings.accessKeyId && this.settings.secretAccessKey ? { accessKeyId: this.settings.accessKeyId, secretAccessKey: this.settings.secretAccessKey } : undefined,
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
    }));
    return this.client;
  }

  private objectKey(key: string) {
    if (!/^[a-f0-9]{2}\/[a-f0-9]{64}$/.test(key)) throw new Error("invalid storage key");
    return `${this.settings.prefix}${key}`;
  }

  private async upload(key: string, body: Readable | Uint8Array, size: number) {
    const { s3, sdk } = await this.connect();
    if (await this.exists(key)) return;
    await s3.send(new sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key), Body: body, ContentLength: size, ContentType: "application/octet-stream" }));
  }

  async putFile(tmpPath: string) {
    const { hash, size } = await hashFile(tmpPath);
    const key = keyFor(hash);
    try {
      await this.upload(key, fs.createReadStream(tmpPath), size);
    } finally {
      await fs.promises.rm(tmpPath, { force: true });
    }
    return { key, sha256: hash, size };
  }

  async putBytes(bytes: Uint8Array) {
    const hash = sha256(bytes);
    const key = keyFor(hash);
    await this.upload(key, bytes, bytes.length);
    return { key, sha256: hash, size: bytes.length };
  }

  open(key: string): Readable {
    const out = new PassThrough();
    const objectKey = this.objectKey(key);
    this.connect()
      .then(({ s3, sdk }) => s3.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: objectKey })))
      .then((result) => {
        const body = result.Body as Readable | undefined;
        if (!body) throw new Error(`empty object ${objectKey}`);
        body.on("error", (error) => out.destroy(error));
        body.pipe(out);
      })
      .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
    return out;
  }

  async exists(key: string) {
    const { s3, sdk } = await this.connect();
    try {
      await s3.send(new sdk.HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (error as { name?: string }).name === "NotFound" || (error as { name?: string }).name === "NoSuchKey") return false;
      throw error;
    }
  }

  async remove(key: string) {
    const { s3, sdk } = await this.connect();
    await s3.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
  }

  async *list() {
    const { s3, sdk } = await this.connect();
    let token: string | undefined;
    do {
      const page = await s3.send(new sdk.ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: this.settings.prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        const key = (object.Key ?? "").slice(this.settings.prefix.length);
        if (/^[a-f0-9]{2}\/[a-f0-9]{64}$/.test(key)) yield { key, modifiedAt: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

let current: BlobStorage | undefined;

/** The configured storage: FILES_STORAGE=s3 (S3_* settings), or the FILES_DIR folder (default DATA_DIR/files). */
export function storage(): BlobStorage {
  if (current) return current;
  const settings = env();
  current = settings.s3 ? new S3Storage(settings.s3) : new LocalDirectoryStorage(settings.filesDir);
  return current;
}
