// npm run db:copy -- --to postgresql://user@host/database [--files-to DIR]
// Moves an embedded installation (the SQLite file of DATABASE_URL / DATA_DIR, and its stored
// files) into an empty PostgreSQL database: applies PostgreSQL's migrations when the database
// has no tables, copies every row in one transaction, and prints row counts and a checksum per
// table from both sides. Refuses a database that holds any row. Stop the app first.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import Database from "better-sqlite3";
import { copySqliteToPostgres } from "../app/modules/backup/copy.server";
import { providerOf } from "../app/utils/db-client.server";

function option(name: string) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const to = option("to");
if (!to || providerOf(to) !== "postgresql") fail("usage: npm run db:copy -- --to postgresql://user@host:5432/database [--files-to DIR]");
const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
const from = process.env.DATABASE_URL ?? `file:${path.join(dataDir, "app.db")}`;
if (providerOf(from) !== "sqlite") fail(`DATABASE_URL names a PostgreSQL database; db:copy copies an embedded (SQLite) installation`);
const sqliteFile = path.resolve(from.replace(/^file:/, ""));
if (!fs.existsSync(sqliteFile)) fail(`no database at ${sqliteFile}`);

// the source must be at the current schema: every committed SQLite migration applied
const committed = fs.readdirSync("prisma/migrations").filter((d) => /^\d/.test(d)).sort();
const source = new Database(sqliteFile, { readonly: true });
const applied = (source.prepare(`SELECT migration_name AS m FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`).all() as { m: string }[]).map((r) => r.m);
source.close();
const behind = committed.filter((m) => !applied.includes(m));
if (behind.length > 0) fail(`the SQLite database lacks migrations ${behind.join(", ")}: run npm run db:migrate on it first`);

const client = new pg.Client({ connectionString: to });
await client.connect().catch((error: Error) => fail(`cannot connect to ${to.replace(/:[^:@/]*@/, ":***@")}: ${error.message}`));
const tables = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0]!.n);
await client.end();
if (tables === 0) {
  process.stdout.write("Applying PostgreSQL's migrations to the new database…\n");
  const result = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: to }, encoding: "utf8" });
  if (result.status !== 0) fail(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

const started = Date.now();
let reports;
try {
  reports = await copySqliteToPostgres(sqliteFile, to, {
    requireEmptyTarget: true,
    onTable: (table, rows) => process.stdout.write(`  ${table}: ${rows}\n`),
  });
} catch (error) {
  fail(`Nothing was copied: ${error instanceof Error ? error.message : String(error)}`);
}
const width = Math.max(...reports.map((r) => r.table.length));
process.stdout.write(`\n${"table".padEnd(width)}  ${"SQLite rows".padStart(11)}  ${"PostgreSQL".padStart(11)}  SQLite checksum    PostgreSQL checksum\n`);
let differences = 0;
for (const r of reports) {
  const same = r.sourceRows === r.targetRows && r.sourceChecksum === r.targetChecksum;
  if (!same) differences++;
  process.stdout.write(`${r.table.padEnd(width)}  ${String(r.sourceRows).padStart(11)}  ${String(r.targetRows).padStart(11)}  ${r.sourceChecksum}  ${r.targetChecksum}${same ? "" : "  ← differs"}\n`);
}
const rows = reports.reduce((sum, r) => sum + r.targetRows, 0);
process.stdout.write(`\n${reports.length} tables, ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s. ${differences === 0 ? "Every table matches." : `${differences} table(s) differ.`}\n`);

const filesTo = option("files-to");
const filesDir = path.resolve(process.env.FILES_DIR ?? path.join(dataDir, "files"));
if (filesTo && !fs.existsSync(filesDir)) {
  process.stdout.write(`No stored files at ${filesDir}: nothing to copy.\n`);
} else if (filesTo) {
  const target = path.resolve(filesTo);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) fail(`${target} is not empty: the stored files were not copied`);
  fs.cpSync(filesDir, target, { recursive: true, filter: (src) => path.relative(filesDir, src).split(path.sep)[0] !== "tmp" });
  process.stdout.write(`Stored files copied to ${target}.\n`);
} else {
  process.stdout.write(`Stored files stay in ${filesDir}: point FILES_DIR of the PostgreSQL installation there, or copy them with --files-to DIR.\n`);
}
const secret = path.join(dataDir, ".session-secret");
if (fs.existsSync(secret)) process.stdout.write(`Sign-in sessions stay valid if the new installation keeps SESSION_SECRET (now in ${secret}).\n`);
process.exit(differences === 0 ? 0 : 1);
