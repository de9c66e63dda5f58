import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO } from "./browser";

// kill -9 of the server in the middle of an upload, then a restart: the partial file is gone,
// no row points at it, the database is intact. Runs its own server on its own data directory.

const dataDir = path.resolve("tests/.tmp-e2e-crash");
let server: ChildProcess | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function start(port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", COOKIE_SECURE: "false", JOBS: "off", WEB_CONCURRENCY: "1" }; // one process: kill -9 hits the process that writes
  delete env.DATABASE_URL;
  delete env.MAIL_DROP_DIR;
  server = spawn(process.execPath, ["server.mjs"], { env, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/login`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

/** Uploads in progress: one folder per server process under uploads-tmp (storage.server.ts). */
const tmpUploads = () => {
  const dir = path.join(dataDir, "uploads-tmp");
  return fs.existsSync(dir) ? fs.readdirSync(dir).flatMap((pid) => fs.readdirSync(path.join(dir, pid)).map((f) => `${pid}/${f}`)) : [];
};

afterAll(() => {
  server?.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a crash during an upload", () => {
  it("leaves no partial file after the restart and no row pointing at one", async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    const prepared = spawnSync(process.execPath, ["scripts/prepare-db.mjs"], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "app.db")}` }, stdio: "ignore" });
    expect(prepared.status).toBe(0);
    const port = await freePort();
    await start(port);
    const origin = `http://127.0.0.1:${port}`;
    const login = await fetch(`${origin}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams({ email: DEMO.coordinator.email, password: DEMO.coordinator.password }).toString(),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const storedBefore = (new Database(path.join(dataDir, "app.db"), { readonly: true }).prepare("SELECT count(*) AS n FROM StoredFile").get() as { n: number }).n;

    // Start a 40 MB upload, send 8 MB of it, then kill the server.
    const boundary = "----crash";
    const req = http.request({ host: "127.0.0.1", port, path: "/materials/new", method: "POST", headers: { Cookie: cookie, Origin: origin, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(40 * 1024 * 1024) } });
    req.on("error", () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nfile\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 8; i++) req.write(chunk);
    for (let i = 0; i < 50 && tmpUploads().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    expect(tmpUploads().length).toBe(1);
    server!.kill("SIGKILL");
    await new Promise((r) => server!.once("exit", r));
    req.destroy();
    expect(tmpUploads().length).toBe(1); // the partial file the crash left

    await start(port);
    for (let i = 0; i < 50 && tmpUploads().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(tmpUploads()).toEqual([]);
    const db = new Database(path.join(dataDir, "app.db"), { readonly: true });
    try {
      expect((db.prepare("SELECT count(*) AS n FROM StoredFile").get() as { n: number }).n).toBe(storedBefore);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      db.close();
    }
  });
});
