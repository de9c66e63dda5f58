import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDirectoryStorage, S3Storage, type BlobStorage } from "./storage.server";

// One contract for every place blobs can live: a local (or NFS-shared) folder and S3-compatible
// object storage, the latter against an S3-compatible server this test starts (s3rver) with the
// AWS SDK the app uses.

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dam-storage-"));
let s3rver: S3rver;
let endpoint = "";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  s3rver = new S3rver({ port, address: "127.0.0.1", silent: true, directory: path.join(scratch, "s3"), configureBuckets: [{ name: "dam-files", configs: [] }] });
  await s3rver.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3rver.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const storages: [string, () => BlobStorage][] = [
  ["a directory", () => new LocalDirectoryStorage(path.join(scratch, `dir-${crypto.randomUUID()}`))],
  [
    "S3-compatible object storage",
    () =>
      new S3Storage({ bucket: "dam-files", prefix: `run-${crypto.randomUUID().slice(0, 8)}/`, endpoint, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true }),
  ],
];

async function read(store: BlobStorage, key: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of store.open(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each(storages)("stored files in %s", (_name, make) => {
  it("stores by content, streams it back, finds, lists and removes it", async () => {
    const store = make();
    const bytes = Buffer.from("データ活用検討ワークシート 第1版");
    const put = await store.putBytes(bytes);
    expect(put.key).toBe(`${put.sha256.slice(0, 2)}/${put.sha256}`);
    expect(put.size).toBe(bytes.length);
    expect((await read(store, put.key)).equals(bytes)).toBe(true);
    expect(await store.exists(put.key)).toBe(true);
    // the same content again is the same blob
    expect((await store.putBytes(Buffer.from(bytes))).key).toBe(put.key);
    const listed = [];
    for await (const blob of store.list()) listed.push(blob.key);
    expect(listed).toEqual([put.key]);
    await store.remove(put.key);
    expect(await store.exists(put.key)).toBe(false);
  });

  it("takes a finished upload from a local file (2 MB, streamed) and consumes the file", async () => {
    const store = make();
    const file = path.join(scratch, `upload-${crypto.randomUUID()}`);
    const bytes = crypto.randomBytes(2 * 1024 * 1024);
    fs.writeFileSync(file, bytes);
    const put = await store.putFile(file);
    expect(fs.existsSync(file)).toBe(false);
    expect(put.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
    expect((await read(store, put.key)).equals(bytes)).toBe(true);
  });

  it("refuses a key that is not a content address, and reports a missing blob as an error on the stream", async () => {
    const store = make();
    await expect(store.exists("../../etc/passwd")).rejects.toThrow("invalid storage key");
    const missing = `ab/${"ab".repeat(32)}`;
    expect(await store.exists(missing)).toBe(false);
    await expect(read(store, missing)).rejects.toThrow();
  });
});
