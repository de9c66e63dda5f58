import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf } from "~/utils/db-client.server";
import type { BlobStorage } from "~/modules/files/storage.server";

// Backups that can be taken while the app runs. The database is copied as one consistent
// snapshot even during writes — SQLite: VACUUM INTO; PostgreSQL: pg_dump (custom format) of a
// snapshot exported by a repeatable-read transaction that also lists the stored files the
// snapshot refers to. Then the stored files (content-addressed, never overwritten) and the
// server secret are copied; a manifest lists every file with its SHA-256. Restore checks the
// manifest before it writes anything, and only into an empty data directory and an empty
// database (decisions 0009 and 0016).

export interface BackupPaths {
  /** DATABASE_URL of the installation: an SQLite file (file:…) or a PostgreSQL database. */
  databaseUrl: string;
  /** FILES_DIR: stored blobs (tmp/ is skipped). */
  filesDir: string;
  /** DATA_DIR: where the generated secrets live. */
  dataDir: string;
  /** The stored files in object storage (FILES_STORAGE=s3) instead of filesDir. */
  objects?: BlobStorage;
}

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: 1;
  /** The database the backup was taken from (absent in backups made before PostgreSQL: SQLite). */
  database?: "sqlite" | "postgresql";
  createdAt: string;
  migrations: string[];
  files: ManifestEntry[];
}

const SECRETS = [".session-secret"];

async function hashFile(file: string) {
  const hash = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

function* walk(dir: string, base = dir): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full, base);
    else if (entry.isFile()) yield path.relative(base, full);
  }
}

const SQLITE_FILE = "app.db";
const DUMP_FILE = "database.dump";

const sqliteFile = (url: string) => path.resolve(url.replace(/^file:/, ""));

async function copyFiles(paths: BackupPaths, work: string, storageKeys: string[]) {
  if (paths.objects) {
    // object storage: the blobs the snapshot refers to, streamed down one by one
    for (const key of storageKeys) {
      const target = path.join(work, "files", key);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await pipeline(paths.objects.open(key), fs.createWriteStream(target));
    }
  }
  for (const rel of paths.objects ? [] : walk(paths.filesDir)) {
    if (rel.split(path.sep)[0] === "tmp") continue;
    const target = path.join(work, "files", rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(paths.filesDir, rel), target);
  }
  for (const name of SECRETS) {
    const file = path.join(paths.dataDir, name);
    if (fs.existsSync(file)) fs.copyFileSync(file, path.join(work, name));
  }
}

interface Snapshot {
  migrations: string[];
  storageKeys: string[];
  release: () => Promise<void>;
}

function copySqlite(databaseFile: string, to: string): Snapshot {
  // VACUUM INTO reads the database in one transaction: a consistent snapshot however much
  // others write meanwhile (the page-by-page backup API restarts on every outside write and
  // never finishes on a busy database).
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 10000");
    source.prepare("VACUUM INTO ?").run(to);
  } finally {
    source.close();
  }
  const copy = new Database(to);
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the copied database failed integrity_check: ${String(check)}`);
    const migrations = (copy.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`).all() as { migration_name: string }[]).map((r) => r.migration_name);
    const storageKeys = (copy.prepare(`SELECT storageKey FROM StoredFile`).all() as { storageKey: string }[]).map((r) => r.storageKey);
    return { migrations, storageKeys, release: async () => {} };
  } finally {
    copy.close();
  }
}

/** Run a PostgreSQL client program (pg_dump, pg_restore); its stderr becomes the error. */
function runPgTool(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new Error(`${program} could not be started (${error.message}); install PostgreSQL's client programs (Debian: postgresql-client)`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${program} failed (${code}): ${stderr.trim()}`))));
  });
}

async function dumpPostgres(url: string, to: string): Promise<Snapshot> {
  // A repeatable-read transaction exports its snapshot: pg_dump reads exactly that snapshot,
  // and so does the list of stored files, which stays valid until the files are copied.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    const migrations = (await client.query<{ m: string }>(`SELECT migration_name AS m FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`)).rows.map((r) => r.m);
    const storageKeys = (await client.query<{ k: string }>(`SELECT "storageKey" AS k FROM "StoredFile"`)).rows.map((r) => r.k);
    await runPgTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${to}`, `--dbname=${url}`]);
    return {
      migrations,
      storageKeys,
      release: async () => {
        await client.query("COMMIT").catch(() => {});
        await client.end();
      },
    };
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

/** Tables in the PostgreSQL database's public schema (0: empty, a restore may go there). */
async function postgresTableCount(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** A backup holds every person's data: readable by the operator's user only (0700 folders, 0600 files). */
function ownerOnly(dir: string) {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) ownerOnly(full);
    else fs.chmodSync(full, 0o600);
  }
}

/** Make a backup in `outDir` (created; must not exist yet). Returns the manifest. */
export async function createBackup(paths: BackupPaths, outDir: string): Promise<Manifest> {
  if (fs.existsSync(outDir)) throw new Error(`${outDir} already exists`);
  const work = `${outDir}.partial`;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, "files"), { recursive: true });

  const database = providerOf(paths.databaseUrl);
  const { migrations, storageKeys, release } =
    database === "postgresql" ? await dumpPostgres(paths.databaseUrl, path.join(work, DUMP_FILE)) : copySqlite(sqliteFile(paths.databaseUrl), path.join(work, SQLITE_FILE));
  try {
    // Every file the snapshot refers to must be in the backup.
    const objects = paths.objects;
    const missing = objects
      ? (await Promise.all(storageKeys.map(async (key) => ((await objects.exists(key)) ? null : key)))).filter((key): key is string => key !== null)
      : storageKeys.filter((key) => !fs.existsSync(path.join(paths.filesDir, key)));
    if (missing.length > 0) throw new Error(`stored files missing from ${objects ? "the object storage" : paths.filesDir}: ${missing.slice(0, 5).join(", ")}`);
    await copyFiles(paths, work, storageKeys);
  } finally {
    await release();
  }

  const files: ManifestEntry[] = [];
  for (const rel of walk(work)) {
    const full = path.join(work, rel);
    files.push({ path: rel.split(path.sep).join("/"), size: fs.statSync(full).size, sha256: await hashFile(full) });
  }
  const manifest: Manifest = { format: 1, database, createdAt: new Date().toISOString(), migrations, files };
  fs.writeFileSync(path.join(work, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  ownerOnly(work);
  fs.renameSync(work, outDir);
  return manifest;
}

export type VerifyProblem = { path: string; problem: "missing" | "size" | "checksum" | "unlisted" };

/** Compare a backup with its manifest. */
export async function verifyBackup(backupDir: string): Promise<{ manifest: Manifest; problems: VerifyProblem[] }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8")) as Manifest;
  if (manifest.format !== 1 || !Array.isArray(manifest.files)) throw new Error("not a Data Academy Manager backup");
  const problems: VerifyProblem[] = [];
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    if (entry.path.includes("..") || path.isAbsolute(entry.path)) throw new Error(`unsafe path in manifest: ${entry.path}`);
    listed.add(entry.path);
    const full = path.join(backupDir, entry.path);
    if (!fs.existsSync(full)) problems.push({ path: entry.path, problem: "missing" });
    else if (fs.statSync(full).size !== entry.size) problems.push({ path: entry.path, problem: "size" });
    else if ((await hashFile(full)) !== entry.sha256) problems.push({ path: entry.path, problem: "checksum" });
  }
  for (const rel of walk(backupDir)) {
    const p = rel.split(path.sep).join("/");
    if (p !== "manifest.json" && !listed.has(p)) problems.push({ path: p, problem: "unlisted" });
  }
  return { manifest, problems };
}

/** Bring a verified backup back into an empty data directory. */
export async function restoreBackup(backupDir: string, target: BackupPaths): Promise<Manifest> {
  const { manifest, problems } = await verifyBackup(backupDir);
  if (problems.length > 0) throw new Error(`the backup does not match its manifest: ${problems.map((p) => `${p.path} (${p.problem})`).join(", ")}`);
  const database = manifest.database ?? "sqlite";
  if (providerOf(target.databaseUrl) !== database) {
    throw new Error(`this is a backup of ${database === "postgresql" ? "a PostgreSQL" : "an SQLite"} installation; DATABASE_URL names ${database === "postgresql" ? "an SQLite file" : "a PostgreSQL database"} (npm run db:copy moves an SQLite installation to PostgreSQL)`);
  }
  const databaseFile = database === "sqlite" ? sqliteFile(target.databaseUrl) : null;
  const dbTaken = databaseFile ? fs.existsSync(databaseFile) : (await postgresTableCount(target.databaseUrl)) > 0;
  let filesTaken = fs.existsSync(target.filesDir) && [...walk(target.filesDir)].length > 0;
  if (target.objects) for await (const _ of target.objects.list()) filesTaken = true;
  if (dbTaken || filesTaken) throw new Error("restore only into an empty data directory and an empty database (move the current one aside first)");
  if (databaseFile) fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  fs.mkdirSync(target.filesDir, { recursive: true });
  fs.mkdirSync(target.dataDir, { recursive: true });
  if (!databaseFile) {
    // all or nothing: one transaction, stopped at the first error
    await runPgTool("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${target.databaseUrl}`, path.join(backupDir, DUMP_FILE)]);
  }
  for (const entry of manifest.files) {
    if (entry.path === DUMP_FILE) continue;
    const from = path.join(backupDir, entry.path);
    const to =
      entry.path === SQLITE_FILE
        ? databaseFile!
        : entry.path.startsWith("files/")
          ? path.join(target.filesDir, entry.path.slice("files/".length))
          : path.join(target.dataDir, entry.path);
    if (target.objects && entry.path.startsWith("files/")) {
      // into object storage: a copy is consumed by putFile; the key is its content address again
      const staged = path.join(target.dataDir, `.restore-${crypto.randomUUID()}`);
      fs.copyFileSync(from, staged);
      await target.objects.putFile(staged);
      continue;
    }
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    if (SECRETS.includes(entry.path)) fs.chmodSync(to, 0o600);
  }
  if (databaseFile) {
    const db = new Database(databaseFile);
    try {
      db.pragma("journal_mode = WAL");
      const check = db.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`the restored database failed integrity_check: ${String(check)}`);
    } finally {
      db.close();
    }
  }
  return manifest;
}
