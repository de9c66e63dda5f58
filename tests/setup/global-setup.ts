import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../app/utils/db-client.server";
import { seedReference } from "../../prisma/seed/reference";
import { adminQuery, ident, migrate, onPostgres, postgresUrl, TEST_TMP_DIR } from "../support/test-database";

// One migrated template database with reference data (roles, municipalities); every test
// file gets its own copy (tests/setup/setup-db.ts), so files never share rows. On SQLite the
// template is a file; on PostgreSQL (TEST_DATABASE=postgresql) a database of this run.
export const TMP_DIR = TEST_TMP_DIR;
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");

export default async function globalSetup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  let url = `file:${TEMPLATE_DB}`;
  let template = "";
  if (onPostgres) {
    template = `dam_test_${process.pid}_template`;
    try {
      await adminQuery(`DROP DATABASE IF EXISTS ${ident(template)}`);
      await adminQuery(`CREATE DATABASE ${ident(template)}`);
    } catch (error) {
      throw new Error(`The PostgreSQL suite needs a PostgreSQL server at TEST_POSTGRES_URL (default postgresql://root@127.0.0.1:5432/postgres): ${String(error)}`);
    }
    url = postgresUrl(template);
    fs.writeFileSync(path.join(TMP_DIR, "postgres-template"), template);
  }
  migrate(url);
  const prisma = createPrismaClient(url);
  await seedReference(prisma);
  await prisma.$disconnect();
  return async () => {
    fs.rmSync(TMP_DIR, { recursive: true, force: true });
    if (template) await adminQuery(`DROP DATABASE IF EXISTS ${ident(template)} WITH (FORCE)`);
  };
}
