import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/utils/db-client.server";
import { adminQuery, ident, onPostgres, postgresUrl } from "../tests/support/test-database";

// `npm run db:copy` moves an embedded installation with the demo data into an empty PostgreSQL
// database and proves it with counts and checksums; a database holding any row is refused.
// Needs the PostgreSQL server, which only the PostgreSQL suite (npm run test:pg) requires.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dam-copy-"));
const target = `dam_copy_${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (onPostgres) await adminQuery(`DROP DATABASE IF EXISTS ${ident(target)} WITH (FORCE)`);
});

const copy = () =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/db-copy.ts", "--to", postgresUrl(target), "--files-to", path.join(dir, "copied-files")], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "app.db")}`, DATA_DIR: dir, FILES_DIR: path.join(dir, "files") },
    encoding: "utf8",
  });

describe.runIf(onPostgres)("moving an embedded installation to PostgreSQL", () => {
  it("copies every table of the demo installation, with the same counts and checksums, and refuses to copy twice", async () => {
    // an embedded installation as `npm start` makes it: migrated, reference and demo data
    const sqliteUrl = `file:${path.join(dir, "app.db")}`;
    const prepared = spawnSync(process.execPath, ["scripts/prepare-db.mjs"], { env: { ...process.env, DATABASE_URL: sqliteUrl, DATA_DIR: dir, FILES_DIR: path.join(dir, "files") }, encoding: "utf8" });
    expect(prepared.status, prepared.stderr).toBe(0);
    const sqlite = createPrismaClient(sqliteUrl);
    const users = await sqlite.user.count();
    const attendance = await sqlite.attendance.count();
    await sqlite.$disconnect();
    await adminQuery(`CREATE DATABASE ${ident(target)}`);

    const first = copy();
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("Every table matches.");
    expect(first.status).toBe(0);
    const client = new pg.Client({ connectionString: postgresUrl(target) });
    await client.connect();
    try {
      expect(Number((await client.query(`SELECT count(*) AS n FROM "User"`)).rows[0].n)).toBe(users);
      expect(Number((await client.query(`SELECT count(*) AS n FROM "Attendance"`)).rows[0].n)).toBeGreaterThan(0);
      expect(Number((await client.query(`SELECT count(*) AS n FROM "Attendance"`)).rows[0].n)).toBe(attendance);
      // what the app reads back through Prisma on PostgreSQL: instants and booleans typed
      const pgClient = createPrismaClient(postgresUrl(target));
      const academy = await pgClient.academy.findFirstOrThrow({ select: { createdAt: true, completionPreLearning: true } });
      await pgClient.$disconnect();
      expect(academy.createdAt).toBeInstanceOf(Date);
      expect(typeof academy.completionPreLearning).toBe("boolean");
    } finally {
      await client.end();
    }

    const second = copy();
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/Nothing was copied: the PostgreSQL database is not empty/);
  }, 180_000);
});
