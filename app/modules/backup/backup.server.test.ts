import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createPrismaClient } from "~/utils/db-client.server";
import { env } from "~/utils/env.server";
import { ensureStoredFile, storeBytes } from "~/modules/files/stored-file.server";
import { createUser } from "../../../tests/support/factories";
import { adminQuery, ident, onPostgres, postgresUrl } from "../../../tests/support/test-database";
import { createBackup, restoreBackup, verifyBackup, type BackupPaths } from "./backup.server";

// The same tests on the database the suite runs on: an SQLite file (VACUUM INTO) or PostgreSQL
// (pg_dump of an exported snapshot, pg_restore into an empty database).

const scratch: string[] = [];
const scratchDatabases: string[] = [];
function tempDir(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dam-${name}-`));
  scratch.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  for (const db of scratchDatabases.splice(0)) await adminQuery(`DROP DATABASE IF EXISTS ${ident(db)} WITH (FORCE)`);
});

function live(): BackupPaths {
  return { databaseUrl: env().databaseUrl, filesDir: env().filesDir, dataDir: path.dirname(env().filesDir) };
}

async function someData() {
  await createUser("coordinator", { email: "backup@example.jp" });
  const blob = await storeBytes(new TextEncoder().encode("データ活用検討ワークシート 第1版"), "txt", "ワークシート.txt");
  await ensureStoredFile(prisma, blob, null);
  return blob;
}

/** An empty target: a data directory, and on PostgreSQL an empty database. */
async function restoredPaths(root: string): Promise<BackupPaths> {
  let databaseUrl = `file:${path.join(root, "app.db")}`;
  if (onPostgres) {
    const name = `dam_restore_${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await adminQuery(`CREATE DATABASE ${ident(name)}`);
    scratchDatabases.push(name);
    databaseUrl = postgresUrl(name);
  }
  return { databaseUrl, filesDir: path.join(root, "files"), dataDir: root };
}

async function countWhere(url: string, sql: string) {
  const client = createPrismaClient(url);
  try {
    const rows = await client.$queryRawUnsafe<{ n: number | bigint }[]>(sql);
    return Number(rows[0]!.n);
  } finally {
    await client.$disconnect();
  }
}

describe("backup and restore", () => {
  it("round-trips the database, the stored files and the secret into an empty data directory", async () => {
    const blob = await someData();
    const out = path.join(tempDir("out"), "b1");
    const manifest = await createBackup(live(), out);
    expect(manifest.database).toBe(onPostgres ? "postgresql" : "sqlite");
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining([onPostgres ? "database.dump" : "app.db", `files/${blob.key}`]));
    expect(manifest.migrations).toContain(onPostgres ? "0_init" : "4_hardening");
    // readable by the operator's user only, whatever the umask
    const modes = [out, path.join(out, "files"), path.join(out, "manifest.json"), path.join(out, `files/${blob.key}`)].map((p) => (fs.statSync(p).mode & 0o777).toString(8));
    expect(modes).toEqual(["700", "700", "600", "600"]);

    const target = await restoredPaths(tempDir("restore"));
    await restoreBackup(out, target);
    expect(await countWhere(target.databaseUrl, `SELECT count(*) AS n FROM "User" WHERE "email" = 'backup@example.jp'`)).toBe(1);
    expect(await countWhere(target.databaseUrl, `SELECT count(*) AS n FROM "User"`)).toBe(await prisma.user.count());
    expect(await countWhere(target.databaseUrl, `SELECT count(*) AS n FROM "Municipality"`)).toBe(await prisma.municipality.count());
    if (!onPostgres) {
      const db = new Database(target.databaseUrl.replace(/^file:/, ""), { readonly: true });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
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
    const target = await restoredPaths(root);
    await expect(restoreBackup(out, target)).rejects.toThrow(/does not match its manifest/);
    expect(fs.readdirSync(root)).toEqual([]);
    if (onPostgres) expect(await countWhere(target.databaseUrl, `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).toBe(0);
  });

  it("never restores over an existing database", async () => {
    await someData();
    const out = path.join(tempDir("out"), "b3");
    await createBackup(live(), out);
    const root = tempDir("restore");
    const target = await restoredPaths(root);
    if (onPostgres) {
      const client = new pg.Client({ connectionString: target.databaseUrl });
      await client.connect();
      await client.query(`CREATE TABLE "Current" (x text); INSERT INTO "Current" VALUES ('current data')`);
      await client.end();
    } else {
      fs.writeFileSync(path.join(root, "app.db"), "current data");
    }
    await expect(restoreBackup(out, target)).rejects.toThrow(/empty data directory and an empty database/);
    if (onPostgres) expect(await countWhere(target.databaseUrl, `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).toBe(1);
    else expect(fs.readFileSync(path.join(root, "app.db"), "utf8")).toBe("current data");
  });

  it("refuses to restore a backup into the other kind of database", async () => {
    await someData();
    const out = path.join(tempDir("out"), "b4");
    await createBackup(live(), out);
    const root = tempDir("restore");
    const other = onPostgres ? `file:${path.join(root, "app.db")}` : postgresUrl("dam_never_created");
    await expect(restoreBackup(out, { databaseUrl: other, filesDir: path.join(root, "files"), dataDir: root })).rejects.toThrow(/this is a backup of/);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it("takes a consistent copy while another connection keeps writing", async () => {
    await someData();
    let written = 0;
    let stop = false;
    const rows = () => Array.from({ length: 50 }, () => `w${written++}`);
    let writing: Promise<void>;
    let closeWriter: () => Promise<void>;
    if (onPostgres) {
      const writer = new pg.Client({ connectionString: env().databaseUrl });
      await writer.connect();
      closeWriter = () => writer.end();
      writing = (async () => {
        while (!stop) {
          const ids = rows();
          await writer.query("BEGIN");
          for (const id of ids) await writer.query(`INSERT INTO "AuditEvent" ("id", "action", "entityType", "entityId", "createdAt") VALUES ($1, 'test.write', 'test', 'x', now())`, [id]);
          await writer.query("COMMIT");
        }
      })();
    } else {
      const writer = new Database(env().databaseUrl.replace(/^file:/, ""));
      writer.pragma("journal_mode = WAL");
      writer.pragma("busy_timeout = 5000");
      const insert = writer.prepare(`INSERT INTO AuditEvent (id, action, entityType, entityId, createdAt) VALUES (?, 'test.write', 'test', 'x', ?)`);
      closeWriter = async () => {
        writer.close();
      };
      writing = (async () => {
        while (!stop) {
          writer.transaction(() => {
            for (const id of rows()) insert.run(id, Date.now());
          })();
          await new Promise((r) => setImmediate(r));
        }
      })();
    }
    const outs = [];
    for (let i = 0; i < 3; i++) {
      const out = path.join(tempDir("out"), `during-${i}`);
      await createBackup(live(), out);
      outs.push(out);
    }
    stop = true;
    await writing;
    await closeWriter();
    expect(written).toBeGreaterThan(0);
    for (const out of outs) {
      const target = await restoredPaths(tempDir("restore"));
      await restoreBackup(out, target);
      // Whole transactions only: the count of rows written in batches of 50 is a multiple of 50.
      expect((await countWhere(target.databaseUrl, `SELECT count(*) AS n FROM "AuditEvent" WHERE "action" = 'test.write'`)) % 50).toBe(0);
    }
  });
});
