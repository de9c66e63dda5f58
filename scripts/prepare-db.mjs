#!/usr/bin/env node
// Applies committed migrations and seeds reference + demo data (when what the seed reads
// changed). Runs before every start,
// so a fresh clone needs no manual database step. `--reset` deletes the database first
// (`prisma migrate reset` does not work with the JS schema engine). DATABASE_URL=postgresql://…
// selects PostgreSQL (its own migration history, decision 0016); `--reset` then empties the
// database's public schema.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { seedFingerprint } from "./seed-fingerprint.mjs";

// What this creates (the SQLite database, data folders) holds personal information: owner only.
process.umask(0o077);

const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
fs.mkdirSync(dataDir, { recursive: true });
process.env.DATABASE_URL ??= `file:${path.join(dataDir, "app.db")}`;

const postgres = /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL);

if (process.argv.includes("--reset")) {
  if (postgres) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await client.end();
  } else {
    const file = process.env.DATABASE_URL.replace(/^file:/, "");
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
}

function run(command, args, { tries = 1 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync(command, args, { stdio: attempt < tries ? ["inherit", "inherit", "pipe"] : "inherit", env: process.env });
    if (result.status === 0) return;
    if (attempt >= tries) process.exit(result.status ?? 1);
    // the database is busy (another server migrating or holding a write) or not up yet: wait
    process.stderr.write(`Waiting for the database (attempt ${attempt} of ${tries})…\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(10_000, 1_000 * attempt));
  }
}

/**
 * Migrations of this build the database does not hold yet. Asking first, rather than always
 * running `prisma migrate deploy`, lets a second process start beside a running server: the
 * schema engine cannot open an SQLite file another process is using (it reports SocketTimeout).
 */
async function pendingMigrations() {
  const folder = postgres ? "prisma/postgresql/migrations" : "prisma/migrations";
  const shipped = fs.readdirSync(folder).filter((name) => fs.existsSync(path.join(folder, name, "migration.sql")));
  const applied = await readRows(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
  // no migration table yet (or not reachable: migrate deploy says why)
  if (!applied) return shipped;
  return shipped.filter((name) => !applied.some((r) => r.migration_name === name));
}

/** Rows of one read-only query, or null when it cannot be answered (no database file, no table). */
async function readRows(query) {
  try {
    if (postgres) {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        return (await client.query(query)).rows;
      } finally {
        await client.end();
      }
    }
    const file = process.env.DATABASE_URL.replace(/^file:/, "");
    if (!fs.existsSync(file)) return null;
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(file, { readonly: true, timeout: 10_000 });
    try {
      return db.prepare(query).all();
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

const bin = (name) => path.resolve("node_modules", ".bin", name);
if ((await pendingMigrations()).length > 0) run(bin("prisma"), ["migrate", "deploy"], { tries: 10 });
// Write-ahead logging: readers never block the writer, and a crash or a copy taken during a
// write cannot leave a half-written page in the main file. The mode is stored in the file.
if (!postgres) {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(process.env.DATABASE_URL.replace(/^file:/, ""));
  db.pragma("journal_mode = WAL");
  db.close();
}
// The seed brings reference data and the material catalogue up to date and adds demo data to an
// empty database. Its result depends only on what it reads: when the database says it was seeded
// from exactly that (the fingerprint), starting skips it — and with it compiling the seed's
// TypeScript (~2 s of every start before). Decision 0020.
const fingerprint = seedFingerprint();
const seeded = await readRows(`SELECT fingerprint FROM "SeedRun" WHERE id = 'reference'`);
if (seeded?.[0]?.fingerprint !== fingerprint) {
  process.env.DAM_SEED_FINGERPRINT = fingerprint;
  run(process.execPath, ["--import", "tsx", "prisma/seed.ts"]);
}
