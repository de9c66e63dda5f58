import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import Database from "better-sqlite3";

// Backups that can be taken while the app runs. The database is copied with VACUUM INTO (a
// consistent snapshot even during writes, WAL or not); then the stored files
// (content-addressed, never overwritten) and the server secret are copied; a manifest lists
// every file with its SHA-256. Restore checks the manifest before it writes anything and only
// into an empty data directory (decision 0009).

export interface BackupPaths {
  /** The SQLite file of the running app. */
  databaseFile: string;
  /** FILES_DIR: stored blobs (tmp/ is skipped). */
  filesDir: string;
  /** DATA_DIR: where the generated secrets live. */
  dataDir: string;
}

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: 1;
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

/** Make a backup in `outDir` (created; must not exist yet). Returns the manifest. */
export async function createBackup(paths: BackupPaths, outDir: string): Promise<Manifest> {
  if (fs.existsSync(outDir)) throw new Error(`${outDir} already exists`);
  const work = `${outDir}.partial`;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, "files"), { recursive: true });

  // VACUUM INTO reads the database in one transaction: a consistent snapshot however much
  // others write meanwhile (the page-by-page backup API restarts on every outside write and
  // never finishes on a busy database).
  const source = new Database(paths.databaseFile, { readonly: true, fileMustExist: true });
  let migrations: string[] = [];
  try {
    source.pragma("busy_timeout = 10000");
    source.prepare("VACUUM INTO ?").run(path.join(work, "app.db"));
  } finally {
    source.close();
  }
  const copy = new Database(path.join(work, "app.db"));
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the copied database failed integrity_check: ${String(check)}`);
    migrations = (copy.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`).all() as { migration_name: string }[]).map((r) => r.migration_name);
    // Every file the snapshot refers to must be in the backup.
    const keys = (copy.prepare(`SELECT storageKey FROM StoredFile`).all() as { storageKey: string }[]).map((r) => r.storageKey);
    const missing = keys.filter((key) => !fs.existsSync(path.join(paths.filesDir, key)));
    if (missing.length > 0) throw new Error(`stored files missing from ${paths.filesDir}: ${missing.slice(0, 5).join(", ")}`);
  } finally {
    copy.close();
  }

  for (const rel of walk(paths.filesDir)) {
    if (rel.split(path.sep)[0] === "tmp") continue;
    const target = path.join(work, "files", rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(paths.filesDir, rel), target);
  }
  for (const name of SECRETS) {
    const file = path.join(paths.dataDir, name);
    if (fs.existsSync(file)) fs.copyFileSync(file, path.join(work, name));
  }

  const files: ManifestEntry[] = [];
  for (const rel of walk(work)) {
    const full = path.join(work, rel);
    files.push({ path: rel.split(path.sep).join("/"), size: fs.statSync(full).size, sha256: await hashFile(full) });
  }
  const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), migrations, files };
  fs.writeFileSync(path.join(work, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
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
  const dbTaken = fs.existsSync(target.databaseFile);
  const filesTaken = fs.existsSync(target.filesDir) && [...walk(target.filesDir)].length > 0;
  if (dbTaken || filesTaken) throw new Error("restore only into an empty data directory (move the current one aside first)");
  fs.mkdirSync(path.dirname(target.databaseFile), { recursive: true });
  fs.mkdirSync(target.filesDir, { recursive: true });
  fs.mkdirSync(target.dataDir, { recursive: true });
  for (const entry of manifest.files) {
    const from = path.join(backupDir, entry.path);
    const to =
      entry.path === "app.db"
        ? target.databaseFile
        : entry.path.startsWith("files/")
          ? path.join(target.filesDir, entry.path.slice("files/".length))
          : path.join(target.dataDir, entry.path);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    if (SECRETS.includes(entry.path)) fs.chmodSync(to, 0o600);
  }
  const db = new Database(target.databaseFile);
  try {
    db.pragma("journal_mode = WAL");
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the restored database failed integrity_check: ${String(check)}`);
  } finally {
    db.close();
  }
  return manifest;
}
