import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client";
import { seedReference } from "../../prisma/seed/reference";

// One migrated template database with reference data (roles, municipalities); every test
// file gets its own copy (tests/setup/setup-db.ts), so files never share rows.
export const TMP_DIR = path.resolve("tests/.tmp");
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");

export default async function globalSetup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const url = `file:${TEMPLATE_DB}`;
  const result = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  await seedReference(prisma);
  await prisma.$disconnect();
  return () => fs.rmSync(TMP_DIR, { recursive: true, force: true });
}
