// npm run seed:national [-- --scale 0.1] [--out data/national-0.1.db | --out postgresql://…/dam_bench_x]
// A national-scale database of its own (never the app's), for the benchmark. Deterministic.
// On PostgreSQL the named database is dropped and made again (its name must start with dam_bench).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, providerOf } from "../app/utils/db-client.server";
import { seedNationalInto } from "../prisma/seed/national-anywhere";
import { seedReference } from "../prisma/seed/reference";
import { syncCatalogue } from "../app/modules/material/catalogue-sync.server";
import { hashPassword } from "../app/modules/account/password.server";
import { BENCH_PASSWORD } from "../prisma/seed/national";
import { fiscalYearOf } from "../app/utils/dates";

function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** Drop and make again a PostgreSQL database of the benchmark's own. */
async function freshPostgres(url: string) {
  const name = new URL(url).pathname.slice(1);
  if (!/^dam_bench\w*$/.test(name)) throw new Error(`refusing to drop ${name}: the national seed only remakes databases named dam_bench…`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** `target`: an SQLite file path or a postgresql:// URL. */
export async function buildNationalDatabase(target: string, scale: number) {
  const started = Date.now();
  let url: string;
  if (providerOf(target) === "postgresql") {
    url = target;
    await freshPostgres(url);
  } else {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    url = `file:${target}`;
  }
  const migrate = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
  const prisma = createPrismaClient(url);
  await seedReference(prisma);
  await syncCatalogue(prisma);
  await prisma.$disconnect();
  const counts = await seedNationalInto(url, { scale, currentFiscalYear: fiscalYearOf(new Date()), passwordHash: await hashPassword(BENCH_PASSWORD) });
  if (providerOf(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("ANALYZE");
    await client.end();
  }
  return { counts, seconds: (Date.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = Number(arg("scale", "1"));
  if (!(scale > 0 && scale <= 2)) throw new Error("--scale must be above 0 and at most 2");
  const out = arg("out", scale === 1 ? "data/national.db" : `data/national-${scale}.db`);
  const target = providerOf(out) === "postgresql" ? out : path.resolve(out);
  const { counts, seconds } = await buildNationalDatabase(target, scale);
  process.stdout.write(`${providerOf(out) === "postgresql" ? out : path.relative(process.cwd(), target)}: ${JSON.stringify(counts)} in ${seconds.toFixed(1)} s\n`);
}
