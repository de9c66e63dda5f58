import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { copyPostgresToSqlite, copySqliteToPostgres } from "../../app/modules/backup/copy.server";
import { providerOf } from "../../app/utils/db-client.server";
import { seedNational, type NationalOptions } from "./national";

// The national seed writes SQLite directly (prepared statements, one transaction: a million rows
// in seconds). On PostgreSQL it is written into a scratch SQLite file that first receives the
// target's reference data (roles, municipalities, the material catalogue, with their ids), then
// every new row is copied into PostgreSQL in one transaction (app/modules/backup/copy.server.ts).

export async function seedNationalInto(url: string, options: NationalOptions) {
  if (providerOf(url) === "sqlite") {
    const db = new Database(url.replace(/^file:/, ""));
    try {
      db.pragma("journal_mode = WAL");
      const counts = seedNational(db, options);
      db.pragma("optimize");
      return counts;
    } finally {
      db.close();
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dam-national-"));
  try {
    const file = path.join(dir, "scratch.db");
    const migrate = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
    await copyPostgresToSqlite(url, file);
    const db = new Database(file);
    let counts: ReturnType<typeof seedNational>;
    try {
      counts = seedNational(db, options);
    } finally {
      db.close();
    }
    await copySqliteToPostgres(file, url, { requireEmptyTarget: false, skipExisting: true });
    return counts;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
