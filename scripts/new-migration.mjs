#!/usr/bin/env node
// Create a migration — for SQLite and for PostgreSQL (decision 0016) — from the difference
// between the last committed schema.prisma and the working copy. `prisma migrate dev` cannot build its shadow database with the JS engine
// (see docs/decisions/0002), but diffing two schema files needs no database.
// Usage: npm run db:new-migration -- <name>
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { derivePostgresSchema, POSTGRES_SCHEMA } from "./schema-providers.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("Usage: npm run db:new-migration -- <snake_case_name>\n");
  process.exit(1);
}
const previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
fs.writeFileSync(tmp, previous);
// Prisma applies migrations in the order of their directory names as strings, so "10_x" would
// run before "1_y". The first ten are 0_ … 9_; later ones are 9z01_, 9z02_ … (they sort after 9_).
const dirs = fs.readdirSync("prisma/migrations").filter((d) => /^\d/.test(d));
const later = dirs.map((d) => /^9z(\d{2})_/.exec(d)).filter(Boolean).map((m) => Number(m[1]));
const prefix = `9z${String(Math.max(0, ...later) + 1).padStart(2, "0")}`;
const dir = path.join("prisma/migrations", `${prefix}_${name}`);
function diff(from, to, databaseUrl) {
  const result = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(1);
  }
  return result.stdout;
}
const sqlite = diff(tmp, "prisma/schema.prisma", "file:./data/unused.db");
// PostgreSQL: the derived schema of the committed source against the derived schema of the working copy
const previousPg = path.join(path.dirname(tmp), "schema-pg.prisma");
fs.writeFileSync(previousPg, derivePostgresSchema(previous));
fs.writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(fs.readFileSync("prisma/schema.prisma", "utf8")));
// the JS engine opens a connection even to compare two files: any reachable PostgreSQL will do
const postgres = diff(previousPg, POSTGRES_SCHEMA, process.env.PG_DIFF_URL ?? "postgresql://root@127.0.0.1:5432/postgres");
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sqlite);
const pgDir = path.join("prisma/postgresql/migrations", path.basename(dir));
fs.mkdirSync(pgDir, { recursive: true });
fs.writeFileSync(path.join(pgDir, "migration.sql"), postgres);
process.stdout.write(`Wrote ${dir}/migration.sql and ${pgDir}/migration.sql (and prisma/postgresql/schema.prisma)\n`);
