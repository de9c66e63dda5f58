import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { ensureStoredFile, storeBytes } from "~/modules/files/stored-file.server";
import { createUser } from "../../../tests/support/factories";
import { createBackup, restoreBackup, verifyBackup, type BackupPaths } from "./backup.server";

const scratch: string[] = [];
function tempDir(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dam-${name}-`));
  scratch.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function live(): BackupPaths {
  return { databaseFile: env().databaseUrl.replace(/^file:/, ""), filesDir: env().filesDir, dataDir: path.dirname(env().filesDir) };
}

async function someData() {
  await createUser("coordinator", { email: "backup@example.jp" });
  const blob = await storeBytes(new TextEncoder().encode("データ活用検討ワークシート 第1版"), "txt", "ワークシート.txt");
  await ensureStoredFile(prisma, blob, null);
  return blob;
}

function restoredPaths(root: string): BackupPaths {
  return { databaseFile: path.join(root, "app.db"), filesDir: path.join(root, "files"), dataDir: root };
}

describe("backup and restore", () => {
  it("round-trips the database, the stored files and the secret into an empty data directory", async () => {
    const blob = await someData();
    const out = path.join(tempDir("out"), "b1");
    const manifest = await createBackup(live(), out);
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(["app.db", `files/${blob.key}`]));
    expect(manifest.migrations).toContain("4_hardening");

    const target = restoredPaths(tempDir("restore"));
    await restoreBackup(out, target);
    const db = new Database(target.databaseFile, { readonly: true });
    try {
      expect(db.prepare("SELECT displayName FROM User WHERE email = ?").get("backup@example.jp")).toBeTruthy();
      expect(db.prepare("SELECT count(*) AS n FROM User").get()).toEqual({ n: await prisma.user.count() });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
    expect(fs.readFileSync(path.join(target.filesDir, blob.key), "utf8")).toBe("データ活用検討ワークシート 第1版");
  });

  it("refuses a backup whose file was changed, and writes nothing", async () => {
    const blob = await someData();
    const out = path.join(tempDir("out"), "b2");
    await createBackup(live(), out);
    fs.writeFileSync(path.join(out, "files", blob.key), "tampered");
    const { problems } = await verifyBackup(out);
    expect(problems).toEqual([{ path: `files/${blob.key}`, problem: "size" }]);
    const root = tempDir("restore");
    await expect(restoreBackup(out, restoredPaths(root))).rejects.toThrow(/does not match its manifest/);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it("never restores over an existing database", async () => {
    await someData();
    const out = path.join(tempDir("out"), "b3");
    await createBackup(live(), out);
    const root = tempDir("restore");
    fs.writeFileSync(path.join(root, "app.db"), "current data");
    await expect(restoreBackup(out, restoredPaths(root))).rejects.toThrow(/empty data directory/);
    expect(fs.readFileSync(path.join(root, "app.db"), "utf8")).toBe("current data");
  });

  it("takes a consistent copy while another connection keeps writing", async () => {
    await someData();
    const writer = new Database(live().databaseFile);
    writer.pragma("journal_mode = WAL");
    writer.pragma("busy_timeout = 5000");
    const insert = writer.prepare(`INSERT INTO AuditEvent (id, action, entityType, entityId, createdAt) VALUES (?, 'test.write', 'test', 'x', ?)`);
    let written = 0;
    let stop = false;
    const writing = (async () => {
      while (!stop) {
        writer.transaction(() => {
          for (let i = 0; i < 50; i++) insert.run(`w${written++}`, Date.now());
        })();
        await new Promise((r) => setImmediate(r));
      }
    })();
    const outs = [];
    for (let i = 0; i < 3; i++) {
      const out = path.join(tempDir("out"), `during-${i}`);
      await createBackup(live(), out);
      outs.push(out);
    }
    stop = true;
    await writing;
    writer.close();
    expect(written).toBeGreaterThan(0);
    for (const out of outs) {
      const copy = new Database(path.join(out, "app.db"), { readonly: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        // Whole transactions only: the count of rows written in batches of 50 is a multiple of 50.
        expect((copy.prepare(`SELECT count(*) AS n FROM AuditEvent WHERE action = 'test.write'`).get() as { n: number }).n % 50).toBe(0);
      } finally {
        copy.close();
      }
    }
  });
});
