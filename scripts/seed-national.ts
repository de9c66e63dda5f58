// npm run seed:national [-- --scale 0.1] [--out data/national-0.1.db]
// A national-scale database of its own (never the app's), for the benchmark. Deterministic.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../app/generated/prisma/client";
import { seedReference } from "../prisma/seed/reference";
import { syncCatalogue } from "../app/modules/material/catalogue-sync.server";
import { hashPassword } from "../app/modules/account/password.server";
import { BENCH_PASSWORD, seedNational } from "../prisma/seed/national";
import { fiscalYearOf } from "../app/utils/dates";

function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export async function buildNationalDatabase(file: string, scale: number) {
  const started = Date.now();
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const url = `file:${file}`;
  const migrate = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  await seedReference(prisma);
  await syncCatalogue(prisma);
  await prisma.$disconnect();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const counts = seedNational(db, { scale, currentFiscalYear: fiscalYearOf(new Date()), passwordHash: await hashPassword(BENCH_PASSWORD) });
  db.pragma("optimize");
  db.close();
  return { counts, seconds: (Date.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = Number(arg("scale", "1"));
  if (!(scale > 0 && scale <= 2)) throw new Error("--scale must be above 0 and at most 2");
  const file = path.resolve(arg("out", scale === 1 ? "data/national.db" : `data/national-${scale}.db`));
  const { counts, seconds } = await buildNationalDatabase(file, scale);
  process.stdout.write(`${path.relative(process.cwd(), file)}: ${JSON.stringify(counts)} in ${seconds.toFixed(1)} s\n`);
}
