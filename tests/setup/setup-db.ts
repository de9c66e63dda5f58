import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach } from "vitest";
import { adminQuery, ident, onPostgres, postgresUrl, TEST_TMP_DIR } from "../support/test-database";

// A private copy of the template database for this test file, set up before any app
// module creates the Prisma client: a file on SQLite, a database made from the run's template
// on PostgreSQL.
const tmpDir = TEST_TMP_DIR;
const file = path.join(tmpDir, `test-${process.pid}-${crypto.randomUUID()}.db`);
const database = `dam_test_${process.pid}_${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
if (onPostgres) {
  const template = fs.readFileSync(path.join(tmpDir, "postgres-template"), "utf8");
  await adminQuery(`CREATE DATABASE ${ident(database)} TEMPLATE ${ident(template)}`);
  process.env.DATABASE_URL = postgresUrl(database);
} else {
  fs.copyFileSync(path.join(tmpDir, "template.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.DATA_DIR = tmpDir;
// Mail this test file sends lands in its own mail-drop folder.
const mailDrop = path.join(tmpDir, `mail-${process.pid}-${crypto.randomUUID()}`);
process.env.MAIL_DROP_DIR = mailDrop;
// …and stores files in its own folder, so a test can see exactly what a request left on disk.
const filesDir = path.join(tmpDir, `files-${process.pid}-${crypto.randomUUID()}`);
process.env.FILES_DIR = filesDir;
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;
delete (globalThis as { prisma?: unknown }).prisma;
delete (globalThis as { longWriter?: unknown }).longWriter;

// A test that makes the app log an error has found a bug, even if its assertions pass.
console.error = (...args: unknown[]) => {
  throw new Error(`console.error called: ${args.map(String).join(" ")}`);
};

afterAll(async () => {
  const clients = globalThis as { prisma?: { $disconnect(): Promise<void> }; longWriter?: { $disconnect(): Promise<void> } };
  await clients.prisma?.$disconnect();
  await clients.longWriter?.$disconnect();
  delete clients.prisma;
  delete clients.longWriter;
  if (onPostgres) await adminQuery(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
  else fs.rmSync(file, { force: true });
  fs.rmSync(mailDrop, { recursive: true, force: true });
  fs.rmSync(filesDir, { recursive: true, force: true });
});

// Mail a test's action handed to the background is sent before the next test wipes the database.
afterEach(async () => {
  if (!(globalThis as { prisma?: unknown }).prisma) return;
  const { mailSettled } = await import("~/modules/mail/mailer.server");
  await mailSettled();
});

// Every test starts from reference data only (roles, municipalities).
beforeEach(async () => {
  const { wipeDatabase } = await import("../support/wipe");
  await wipeDatabase();
});
