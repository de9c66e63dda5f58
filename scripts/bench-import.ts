// npm run bench -- --parts import: a 2,000-person roster import (the largest allowed) into a fresh
// database of the given kind, while another request reads every 20 ms — what every other page
// waits for during an import (issue 27: "other pages' p95 unchanged"). Prints one JSON line:
// the reader's p50/p95/max before and during the import, the import's answer time, and when the
// last invitation mail had been handed over.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const database = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const ROWS = Number(process.argv[3] ?? 2000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dam-bench-import-"));
const admin = process.env.BENCH_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
const pgDatabase = "dam_bench_import";
async function adminQuery(sql: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
if (database === "postgresql") {
  await adminQuery(`DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${pgDatabase}`);
  const url = new URL(admin);
  url.pathname = `/${pgDatabase}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.DATABASE_URL = `file:${path.join(dir, "import.db")}`;
}
Object.assign(process.env, { DATA_DIR: dir, JOBS: "off", SESSION_SECRET: "bench-import-secret-0123456789abcdef0123456789", MAIL_DROP_DIR: path.join(dir, "mail") });
const prepared = spawnSync(process.execPath, ["scripts/prepare-db.mjs"], { env: process.env, stdio: ["ignore", "ignore", "inherit"] });
if (prepared.status !== 0) throw new Error("database preparation failed");

const { prisma } = await import("~/utils/db.server");
const { commitRoster } = await import("~/modules/roster/roster.server");
const { parseRoster } = await import("~/modules/roster/parse.server");
const { mailSettled } = await import("~/modules/mail/mailer.server");

const coordinator = await prisma.user.create({ data: { email: "bench-import-coordinator@example.jp", displayName: "事務局" } });
const region = await prisma.region.create({ data: { name: "播磨圏域（計測）", members: { create: [{ municipalityCode: "282014" }] } } });
const academy = await prisma.academy.create({ data: { name: "計測用アカデミー", fiscalYear: 2026, regionId: region.id } });
const lines = ["氏名,メールアドレス,団体コード,所属部署,チーム名"];
for (let i = 0; i < ROWS; i++) lines.push(`職員 ${i},bench${i}@example.lg.jp,282014,企画課,チーム${i % 200}`);
const parsed = await parseRoster(new TextEncoder().encode(lines.join("\n")));
if (!parsed.ok) throw new Error(String(parsed.error));

/** Another request's read (the academy's page reads about this much), every 20 ms until stopped. */
function reader() {
  const times: number[] = [];
  let stop = false;
  const done = (async () => {
    while (!stop) {
      const t = performance.now();
      await prisma.academy.findUnique({ where: { id: academy.id }, select: { name: true, teams: { take: 20, select: { name: true } }, _count: { select: { enrollments: true } } } });
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    stop = true;
    await done;
    times.sort((a, b) => a - b);
    const at = (p: number) => Number((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1));
    return { reads: times.length, p50: at(0.5), p95: at(0.95), max: at(1) };
  };
}

const quiet = reader();
await new Promise((r) => setTimeout(r, 2000));
const before = await quiet();
const busy = reader();
const started = performance.now();
const result = await commitRoster(coordinator.id, academy.id, parsed.rows, "ja");
const answeredMs = Math.round(performance.now() - started);
const during = await busy();
await mailSettled();
const mailedMs = Math.round(performance.now() - started);
const mails = await prisma.mailMessage.count({ where: { sentAt: { not: null } } });
process.stdout.write(`${JSON.stringify({ database, rows: ROWS, ok: result.ok, answeredMs, mailedMs, mails, readerBefore: before, readerDuring: during })}\n`);
await prisma.$disconnect();
if (database === "postgresql") await adminQuery(`DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`);
fs.rmSync(dir, { recursive: true, force: true });
