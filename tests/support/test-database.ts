import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

// Which database the suite runs on: SQLite files (the default, `npm test`) or PostgreSQL
// (`npm run test:pg`: TEST_DATABASE=postgresql). On PostgreSQL one migrated template database
// with reference data is made per run, and each test file gets its own database copied from it
// (CREATE DATABASE … TEMPLATE), so files run in parallel and never share rows.

export const onPostgres = process.env.TEST_DATABASE === "postgresql";

/** The run's scratch folder: one per database, so `npm test` and `npm run test:pg` may run side by side. */
// Each mutation-testing worker (StrykerJS runs several vitest processes at once) gets its own.
const worker = process.env.STRYKER_MUTATOR_WORKER ? `-stryker-${process.env.STRYKER_MUTATOR_WORKER}` : "";
export const TEST_TMP_DIR = path.resolve(`${onPostgres ? "tests/.tmp-pg" : "tests/.tmp"}${worker}`);

/** The server the PostgreSQL suite uses (a database to connect to for CREATE/DROP DATABASE). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

export function postgresUrl(database: string) {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Apply the committed migrations of the URL's database (`prisma migrate deploy`). */
export function migrate(url: string) {
  const result = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

/** A quoted identifier for a database name we made ourselves. */
export function ident(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
}
