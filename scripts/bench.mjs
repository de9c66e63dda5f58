#!/usr/bin/env node
// npm run bench [-- --no-build] [--reseed] [--requests 100] [--seconds 5] [--only full|0.1]
//                [--databases sqlite,postgresql] [--parts pages,live,scale,import,memory] [--pages "KPI|dashboard"]
//                [--heap "|--max-old-space-size=128|…"]
//                [--boards 10] [--people 40] [--write-every 20] [--live-seconds 60]
//
// Each dataset on each database (SQLite files; PostgreSQL databases dam_bench_* on
// BENCH_POSTGRES_URL, default postgresql://root@127.0.0.1:5432/postgres), printed side by side.
// Builds, seeds (or reuses) the national databases, starts the production server on a copy of
// each, signs in per role and measures the main pages: latency p50/p95/p99 from sequential
// requests, throughput under 10 connections (autocannon), both against a bare node:http server
// serving the same bytes in the same run; SQL statements per page; JS shipped per page
// (gzipped); peak RSS; cold start. Prints a table and writes bench/results/<time>.json.
// Then a load sanity check: 20 clients of all roles over every page at once for 30 s
// (--load-seconds), counting errors and non-2xx answers. It reports; it never fails on a figure.
// The pages part runs one worker process (figures per worker). Two more parts (decision 0017):
// live room — B session boards × P signed-in people, each watching the board's stream as the
// browser does and writing a card every W s: write → every viewer has it (p50/p95/max), errors,
// server CPU; scale-out — the dashboard and the team page under load with 1 and 2 worker
// processes, and on PostgreSQL with 1 and 2 servers. The import part (scripts/bench-import.ts): a
// 2,000-person roster import on a fresh database while another request reads every 20 ms. The
// memory part (scripts/bench-scale.mjs): one worker under each V8 heap setting (--heap), the mixed
// load and the year's progress export — req/s and resident memory, to choose the default.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const REQUESTS = Number(option("requests", "100"));
const SECONDS = Number(option("seconds", "5"));
/** The load sanity check: 20 signed-in clients over every measured page at once. */
const LOAD_SECONDS = Number(option("load-seconds", "30"));
const DATASETS = [
  { name: "0.1", scale: 0.1, file: "data/national-0.1.db", database: "dam_bench_0_1" },
  { name: "full", scale: 1, file: "data/national.db", database: "dam_bench_full" },
].filter((d) => !option("only", "") || d.name === option("only", ""));
const DATABASES = option("databases", "sqlite,postgresql").split(",");
/** --pages "KPI|dashboard": only the pages whose name matches (the load check still visits every page). */
const PAGE_FILTER = option("pages", "") ? new RegExp(option("pages", "")) : null;
const PARTS = option("parts", "pages,live,scale,import,memory").split(",");
const BOARDS = Number(option("boards", "10"));
const PEOPLE = Number(option("people", "40"));
const WRITE_EVERY_S = Number(option("write-every", "20"));
const LIVE_SECONDS = Number(option("live-seconds", "60"));
/** The memory part: V8 heap settings compared (NODE_OPTIONS of one worker), separated by "|". */
const HEAP_SETTINGS = option("heap", "|--max-old-space-size=128|--max-old-space-size=96 --max-semi-space-size=4|--max-old-space-size=128 --max-semi-space-size=8").split("|");
const BENCH_SECRET = "bench-session-secret-0123456789abcdef0123456789abcdef";
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
const postgresUrl = (database) => {
  const url = new URL(POSTGRES);
  url.pathname = `/${database}`;
  return url.toString();
};
async function admin(sql) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
const ACCOUNTS = {
  coordinator: "bench-coordinator@national.example.jp",
  facilitator: "bench-facilitator@national.example.jp",
  participant: "bench-participant@national.example.jp",
};
const PASSWORD = "bench-pass-2026";

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")} failed`);
}

function freePort() {
  return new Promise((resolve) => {
    const server = http.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function request(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

async function waitForServer(url, started) {
  for (;;) {
    try {
      const res = await request(url);
      if (res.status === 200) return (Date.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`no answer from ${url}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function peakRss(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
  return { peakMb: Math.round(kb("VmHWM") / 1024), nowMb: Math.round(kb("VmRSS") / 1024) };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Latency of REQUESTS requests in a row; with `before`, that is awaited (not timed) before each. */
async function sequential(url, headers, before = null) {
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    if (before) await before();
    times.push((await request(url, { headers })).ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

async function throughput(url, headers) {
  const result = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  return { rps: Math.round(result.requests.average), errors: result.errors + result.non2xx };
}

/** A bare node:http server answering with the same bytes: what the machine can do at all. */
async function baseline(body, contentType) {
  const port = await freePort();
  const server = http.createServer((_, res) => {
    res.writeHead(200, { "Content-Type": contentType, "Content-Length": body.length });
    res.end(body);
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Gzipped bytes of the JavaScript a page loads: entry, route modules and preloads named in the
 * HTML, plus the strings each of those route modules loads for the page's language before the
 * page hydrates (decision 0020).
 */
function jsKb(html) {
  const files = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  const lang = html.match(/<html lang="(\w+)"/)?.[1] ?? "ja";
  // (the strings files added meanwhile are read too: they name nothing further)
  for (const file of files) {
    const full = path.join("build/client", file);
    if (!fs.existsSync(full)) continue;
    for (const m of fs.readFileSync(full, "utf8").matchAll(new RegExp(`strings-${lang}-\\d+-[\\w-]+\\.js`, "g"))) files.add(`/assets/${m[0]}`);
  }
  let bytes = 0;
  let strings = 0;
  for (const file of files) {
    const full = path.join("build/client", file);
    if (!fs.existsSync(full)) continue;
    const size = zlib.gzipSync(fs.readFileSync(full)).length;
    bytes += size;
    if (/\/strings-/.test(file)) strings += size;
  }
  return { kb: Math.round(bytes / 1024), stringsKb: Math.round((strings / 1024) * 10) / 10 };
}
const NO_JS = { kb: 0, stringsKb: 0 };

async function signIn(base, email) {
  const res = await request(`${base}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: PASSWORD, redirectTo: "/dashboard" }).toString(),
  });
  const cookie = [res.headers["set-cookie"]].flat().find((c) => c?.startsWith("__dam_session="));
  if (res.status !== 302 || !cookie) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return cookie.split(";")[0];
}

async function pagesFor(base, cookies) {
  const html = (await request(`${base}/dashboard`, { headers: { cookie: cookies.participant } })).body.toString();
  const academyId = html.match(/\/academies\/([^"/?#]+)\/materials/)?.[1];
  const academyHtml = (await request(`${base}/academies/${academyId}`, { headers: { cookie: cookies.participant } })).body.toString();
  const teamId = academyHtml.match(new RegExp(`/academies/${academyId}/teams/([^"/?#]+)`))?.[1];
  await request(`${base}/calendar`, { method: "POST", headers: { cookie: cookies.participant, "Content-Type": "application/x-www-form-urlencoded" }, body: "intent=issueFeed" });
  const calendar = (await request(`${base}/calendar`, { headers: { cookie: cookies.participant } })).body.toString();
  const feedUrl = calendar.match(/value="https?:\/\/[^/]+(\/calendar\/feed\/[^"]+\.ics)"/)?.[1];
  // the team's stage pages, from its workspace: the first is the problem definition, handed in
  const teamHtml = (await request(`${base}/academies/${academyId}/teams/${teamId}`, { headers: { cookie: cookies.participant } })).body.toString();
  const stageId = teamHtml.match(new RegExp(`/academies/${academyId}/teams/${teamId}/stages/([^"/?#]+)`))?.[1];
  // the first session and the team's latest retrospective board (issue 11)
  const sessionId = academyHtml.match(new RegExp(`/academies/${academyId}/sessions/([^"/?#]+)`))?.[1];
  const retroId = teamHtml.match(new RegExp(`/academies/${academyId}/retros/([^"/?#]+)`))?.[1];
  // an API token for the JSON API (issue 12), made the way a coordinator makes one
  const tokenPage = await request(`${base}/settings/api-tokens`, { method: "POST", headers: { cookie: cookies.coordinator, "Content-Type": "application/x-www-form-urlencoded", Origin: base }, body: "intent=create&name=bench" });
  const apiToken = tokenPage.body.toString().match(/value="(dam_[A-Za-z0-9_-]{43})"/)?.[1];
  const api = apiToken ? { authorization: `Bearer ${apiToken}` } : null;
  // a held consultation (issue 13), from the coordinator's list
  const consultations = (await request(`${base}/consultations?status=held`, { headers: { cookie: cookies.coordinator } })).body.toString();
  const consultationId = consultations.match(/\/consultations\/(ncn[^"/?#]+)/)?.[1];
  return [
    // kept: figures the app keeps until a table they count is written (decision 0015); measured
    // again with one real write before each request, and with everything forgotten
    { name: "dashboard", role: "coordinator", path: "/dashboard", kept: true },
    { name: "dashboard", role: "facilitator", path: "/dashboard", kept: true },
    { name: "dashboard", role: "participant", path: "/dashboard" },
    { name: "/academies", role: "coordinator", path: "/academies" },
    { name: "academy page", role: "coordinator", path: `/academies/${academyId}` },
    { name: "academy page", role: "facilitator", path: `/academies/${academyId}` },
    { name: "academy materials", role: "coordinator", path: `/academies/${academyId}/materials` },
    { name: "academy materials", role: "participant", path: `/academies/${academyId}/materials` },
    { name: "team page", role: "participant", path: `/academies/${academyId}/teams/${teamId}` },
    { name: "team page", role: "facilitator", path: `/academies/${academyId}/teams/${teamId}` },
    { name: "stage page", role: "participant", path: `/academies/${academyId}/teams/${teamId}/stages/${stageId}` },
    { name: "stage page", role: "coordinator", path: `/academies/${academyId}/teams/${teamId}/stages/${stageId}` },
    { name: "review queue", role: "facilitator", path: "/reviews" },
    { name: "review queue", role: "coordinator", path: "/reviews" },
    { name: "notifications", role: "participant", path: "/notifications" },
    { name: "notifications", role: "facilitator", path: "/notifications" },
    { name: "audit log", role: "coordinator", path: "/audit" },
    { name: "calendar", role: "coordinator", path: "/calendar" },
    { name: "personal iCal feed", role: null, path: feedUrl },
    { name: "session page", role: "participant", path: `/academies/${academyId}/sessions/${sessionId}` },
    { name: "session page", role: "facilitator", path: `/academies/${academyId}/sessions/${sessionId}` },
    { name: "attendance", role: "facilitator", path: `/academies/${academyId}/sessions/${sessionId}/attendance` },
    { name: "completion", role: "coordinator", path: `/academies/${academyId}/completion` },
    { name: "retrospective board", role: "participant", path: `/academies/${academyId}/retros/${retroId}` },
    { name: "retrospective board", role: "facilitator", path: `/academies/${academyId}/retros/${retroId}` },
    { name: "survey results", role: "coordinator", path: `/academies/${academyId}/surveys` },
    { name: "outcomes", role: "coordinator", path: `/academies/${academyId}/outcomes` },
    { name: "KPI report", role: "coordinator", path: "/reports/kpi?by=prefecture", kept: true },
    { name: "KPI report by city", role: "coordinator", path: "/reports/kpi?by=municipality", kept: true },
    { name: "progress board", role: "coordinator", path: "/progress", kept: true },
    { name: "progress board, at risk", role: "facilitator", path: "/progress?attention=atRisk", kept: true },
    { name: "certificates", role: "coordinator", path: `/academies/${academyId}/certificates` },
    { name: "expert consultations", role: "coordinator", path: "/consultations" },
    { name: "expert consultation", role: "coordinator", path: `/consultations/${consultationId}` },
    { name: "experts", role: "coordinator", path: "/consultations/experts" },
    { name: "facilitator pool", role: "coordinator", path: "/facilitators" },
    { name: "facilitator pool, trained", role: "coordinator", path: "/facilitators?level=trained" },
    { name: "facilitators of an academy", role: "coordinator", path: `/academies/${academyId}/facilitators` },
    { name: "public calls", role: null, headers: {}, path: "/calls" },
    { name: "public case library", role: null, headers: {}, path: "/cases" },
    { name: "case library, two words", role: null, headers: {}, path: `/cases?q=${encodeURIComponent("ひめじ 健診")}` },
    { name: "API: academies", role: null, headers: api, path: api ? "/api/v1/academies?per_page=100" : undefined },
    { name: "API: KPI by city", role: null, headers: api, path: api ? "/api/v1/kpi?by=municipality" : undefined, kept: true },
  ].filter((p) => p.path && !p.path.includes("undefined"));
}

async function benchDataset(dataset, database) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dam-bench-"));
  // a copy of the seeded data per run: the bench's own writes (sign-ins, tokens) never pile up
  let databaseUrl;
  const runDatabase = `${dataset.database}_run`;
  if (database === "postgresql") {
    await admin(`DROP DATABASE IF EXISTS "${runDatabase}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${runDatabase}" TEMPLATE "${dataset.database}"`);
    databaseUrl = postgresUrl(runDatabase);
  } else {
    const db = path.join(work, "app.db");
    fs.copyFileSync(dataset.file, db);
    databaseUrl = `file:${db}`;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const server = spawn(process.execPath, ["server.mjs"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, DATA_DIR: work, JOBS: "off", DAM_COUNT_SQL: "1", NODE_ENV: "production", WEB_CONCURRENCY: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const coldStart = await waitForServer(`${base}/login`, started);
    const cookies = {};
    for (const [role, email] of Object.entries(ACCOUNTS)) cookies[role] = await signIn(base, email);
    const rows = [];
    for (const page of (await pagesFor(base, cookies)).filter((p) => !PAGE_FILTER || PAGE_FILTER.test(p.name))) {
      const headers = page.headers ?? (page.role ? { cookie: cookies[page.role] } : {});
      const url = `${base}${page.path}`;
      for (let i = 0; i < 5; i++) await request(url, { headers });
      const before = JSON.parse((await request(`${base}/__bench/sql`)).body.toString()).statements;
      const sample = await request(url, { headers });
      const after = JSON.parse((await request(`${base}/__bench/sql`)).body.toString()).statements;
      const latency = await sequential(url, headers);
      const load = await throughput(url, headers);
      const bare = await baseline(sample.body, sample.headers["content-type"] ?? "text/html");
      const bareLatency = await sequential(bare.url, {});
      const bareLoad = await throughput(bare.url, {});
      await bare.close();
      rows.push({
        page: page.name,
        role: page.role ?? "feed",
        status: sample.status,
        kb: Math.round(sample.body.length / 1024),
        sql: after - before,
        ...Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, Math.round(v * 10) / 10])),
        rps: load.rps,
        errors: load.errors,
        baselineP50: Math.round(bareLatency.p50 * 100) / 100,
        baselineRps: bareLoad.rps,
        ratio: Math.round((load.rps / bareLoad.rps) * 1000) / 10,
        ...(() => {
          const js = sample.headers["content-type"]?.includes("html") ? jsKb(sample.body.toString()) : NO_JS;
          return { jsKb: js.kb, stringsKb: js.stringsKb };
        })(),
      });
      if (page.kept) {
        // after a write: one attendance recorded again somewhere in the country before each
        // request (what a facilitator does during a session); nothing kept: every kept figure
        // forgotten, as after a write to every table
        const jsKb = rows.at(-1).jsKb;
        const stringsKb = rows.at(-1).stringsKb;
        for (const [label, path] of [["after a write", "write"], ["nothing kept", "forget"]]) {
          const before = () => request(`${base}/__bench/${path}`, { method: "POST" });
          await before();
          const missBefore = JSON.parse((await request(`${base}/__bench/sql`)).body.toString()).statements;
          await request(url, { headers });
          const missAfter = JSON.parse((await request(`${base}/__bench/sql`)).body.toString()).statements;
          const miss = await sequential(url, headers, before);
          rows.push({
            page: `${page.name} (${label})`,
            role: page.role ?? "feed",
            status: sample.status,
            kb: Math.round(sample.body.length / 1024),
            sql: missAfter - missBefore,
            ...Object.fromEntries(Object.entries(miss).map(([k, v]) => [k, Math.round(v * 10) / 10])),
            rps: null,
            errors: 0,
            baselineP50: Math.round(bareLatency.p50 * 100) / 100,
            baselineRps: bareLoad.rps,
            ratio: null,
            jsKb,
            stringsKb,
          });
        }
      }
    }
    const pages = await pagesFor(base, cookies);
    const mixed = await autocannon({
      url: base,
      connections: 20,
      duration: LOAD_SECONDS,
      requests: pages.map((page) => ({ method: "GET", path: page.path, headers: page.headers ?? (page.role ? { cookie: cookies[page.role] } : {}) })),
    });
    const load = { connections: 20, seconds: LOAD_SECONDS, rps: Math.round(mixed.requests.average), requests: mixed.requests.total, errors: mixed.errors, non2xx: mixed.non2xx, p99: mixed.latency.p99, timeouts: mixed.timeouts };
    return { dataset: dataset.name, database, coldStartS: coldStart, ...peakRss(server.pid), rows, load };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    fs.rmSync(work, { recursive: true, force: true });
    if (database === "postgresql") await admin(`DROP DATABASE IF EXISTS "${runDatabase}" WITH (FORCE)`);
  }
}

if (!flag("no-build")) run("npx", ["remix", "vite:build"]);
/** A seeded database made before the newest migration is seeded again. */
async function isCurrent(file) {
  if (!fs.existsSync(file)) return false;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true });
  try {
    const applied = db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all().map((r) => r.migration_name);
    const shipped = fs.readdirSync("prisma/migrations").filter((name) => fs.existsSync(path.join("prisma/migrations", name, "migration.sql")));
    return shipped.every((name) => applied.includes(name));
  } finally {
    db.close();
  }
}
/** A seeded PostgreSQL database made before the newest PostgreSQL migration (or missing) is seeded again. */
async function isCurrentPostgres(database) {
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${database}'`)).rows.length > 0;
  if (!exists) return false;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: postgresUrl(database) });
  await client.connect();
  try {
    const applied = (await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL")).rows.map((r) => r.migration_name);
    const users = Number((await client.query(`SELECT count(*) AS n FROM "User"`)).rows[0].n);
    const shipped = fs.readdirSync("prisma/postgresql/migrations").filter((name) => fs.existsSync(path.join("prisma/postgresql/migrations", name, "migration.sql")));
    return users > 0 && shipped.every((name) => applied.includes(name));
  } catch {
    return false;
  } finally {
    await client.end();
  }
}
for (const dataset of PARTS.some((p) => p !== "import") ? DATASETS : []) {
  if (DATABASES.includes("sqlite") && (flag("reseed") || !(await isCurrent(dataset.file)))) run("npm", ["run", "seed:national", "--", "--scale", String(dataset.scale), "--out", dataset.file]);
  if (DATABASES.includes("postgresql") && (flag("reseed") || !(await isCurrentPostgres(dataset.database)))) run("npm", ["run", "seed:national", "--", "--scale", String(dataset.scale), "--out", postgresUrl(dataset.database)]);
}
const results = [];
if (PARTS.includes("pages")) for (const dataset of DATASETS) for (const database of DATABASES) results.push(await benchDataset(dataset, database));
const live = [];
const scale = [];
const { liveRoom, memory, scaleOut } = await import("./bench-scale.mjs");
const memoryRuns = [];
const helpers = { admin, postgresUrl, freePort, request, waitForServer, signIn, pagesFor, ACCOUNTS, SECRET: BENCH_SECRET, SECONDS };
for (const dataset of DATASETS) {
  for (const database of DATABASES) {
    if (PARTS.includes("live")) live.push(await liveRoom(helpers, dataset, database, { boards: BOARDS, people: PEOPLE, writeEveryS: WRITE_EVERY_S, seconds: LIVE_SECONDS }));
    if (PARTS.includes("scale")) scale.push(await scaleOut(helpers, dataset, database));
    if (PARTS.includes("memory")) memoryRuns.push(await memory(helpers, dataset, database, { settings: HEAP_SETTINGS, seconds: Math.max(10, LOAD_SECONDS) }));
  }
}
const imports = [];
if (PARTS.includes("import")) {
  for (const database of DATABASES) {
    const out = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-import.ts", database], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const line = out.stdout.trim().split("\n").at(-1) ?? "";
    if (out.status !== 0 || !line.startsWith("{")) throw new Error(`the import bench failed on ${database}`);
    imports.push(JSON.parse(line));
  }
}

const pad = (v, n) => String(v).padStart(n);
const NAMES = { sqlite: "SQLite", postgresql: "PostgreSQL" };
for (const r of results) {
  const l = r.load;
  process.stdout.write(`\n== load sanity (${r.dataset}, ${NAMES[r.database]}): ${l.connections} signed-in clients, ${l.seconds} s over every page: ${l.requests} requests, ${l.rps} req/s, p99 ${l.p99} ms, ${l.errors} errors, ${l.non2xx} non-2xx, ${l.timeouts} timeouts\n`);
}
for (const dataset of DATASETS) {
  const runs = results.filter((r) => r.dataset === dataset.name);
  if (runs.length === 0) continue;
  process.stdout.write(`\n== ${dataset.name === "full" ? "full national data" : `${dataset.name} of national data`}: ${runs.map((r) => `${NAMES[r.database]} cold start ${r.coldStartS.toFixed(2)} s, RSS peak ${r.peakMb} MB`).join("; ")}\n`);
  const head = runs.map((r) => (r.database === "sqlite" ? "SQLite" : "PG")).join("/");
  const cell = (values) => values.map((v) => v ?? "-").join(" / ");
  process.stdout.write(`${"page".padEnd(36)} ${"role".padEnd(12)} ${pad("KB", 5)} ${pad(`SQL ${head}`, 14)} ${pad(`p50 ${head}`, 20)} ${pad(`p95 ${head}`, 20)} ${pad(`req/s ${head}`, 20)} ${pad(`% bare ${head}`, 20)} ${pad("JS KB", 6)} ${pad("strings", 7)}\n`);
  const byKey = runs.map((r) => new Map(r.rows.map((x) => [`${x.page}|${x.role}`, x])));
  runs[0].rows.forEach((row) => {
    const same = byKey.map((m) => m.get(`${row.page}|${row.role}`));
    const errors = same.reduce((sum, x) => sum + (x?.errors ?? 0), 0);
    process.stdout.write(
      `${row.page.padEnd(36)} ${row.role.padEnd(12)} ${pad(row.kb, 5)} ${pad(cell(same.map((x) => x?.sql)), 14)} ${pad(cell(same.map((x) => x?.p50)), 20)} ${pad(cell(same.map((x) => x?.p95)), 20)} ${pad(cell(same.map((x) => x?.rps)), 20)} ${pad(cell(same.map((x) => x?.ratio)), 20)} ${pad(row.jsKb, 6)} ${pad(row.stringsKb, 7)}${errors ? `  ${errors} errors` : ""}\n`,
    );
  });
}
for (const l of live) {
  process.stdout.write(
    `\n== live room (${l.dataset}, ${NAMES[l.database]}, ${l.workers} workers): ${l.boards} boards × ${l.people} people, a card every ${l.writeEveryS} s each, ${l.seconds} s\n` +
      `   writes ${l.writes} (${l.writesPerS}/s), write → every viewer has it p50 ${l.p50} ms, p95 ${l.p95} ms, max ${l.max} ms; POST p95 ${l.postP95} ms; errors ${l.errors} (missed ${l.missed}); server CPU ${l.cpuPercent} % of one core; board reads ${l.computations ?? "-"}\n`,
  );
}
for (const x of imports) {
  const r = (v) => `p50 ${v.p50} ms, p95 ${v.p95} ms, max ${v.max} ms (${v.reads} reads)`;
  process.stdout.write(
    `\n== roster import (${NAMES[x.database]}): ${x.rows} people answered in ${x.answeredMs} ms, every invitation mail handed over after ${x.mailedMs} ms (${x.mails})\n` +
      `   another request's read every 20 ms: before ${r(x.readerBefore)}; during the import ${r(x.readerDuring)}\n`,
  );
}
for (const x of scale) {
  process.stdout.write(`\n== scale-out (${x.dataset}, ${NAMES[x.database]}): req/s with 1 → 2 worker processes${x.servers ? "; 1 → 2 servers (one worker each)" : ""}\n`);
  for (const row of x.rows) {
    process.stdout.write(
      `   ${row.page.padEnd(28)} workers ${pad(row.one, 6)} → ${pad(row.two, 6)} (×${row.ratio})${row.servers ? `   servers ${pad(row.servers.one, 6)} → ${pad(row.servers.two, 6)} (×${row.servers.ratio})` : ""}${row.errors ? `  ${row.errors} errors` : ""}\n`,
    );
  }
}
for (const m of memoryRuns) {
  process.stdout.write(`\n== memory per worker (${m.dataset}, ${NAMES[m.database]}): 20 clients over every page for ${m.seconds} s, then the year's progress XLSX\n`);
  for (const r of m.rows) {
    process.stdout.write(
      `   ${r.setting.padEnd(56)} ${pad(r.rps, 5)} req/s  p99 ${pad(r.p99, 5)} ms  RSS after start ${pad(r.startMb, 4)} MB, peak ${pad(r.peakMb, 4)} MB  export ${r.export.status} ${r.export.kb} KB in ${r.export.ms} ms${r.errors ? `  ${r.errors} errors` : ""}\n`,
    );
  }
}
fs.mkdirSync("bench/results", { recursive: true });
const out = path.join("bench/results", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, node: process.version, requests: REQUESTS, seconds: SECONDS, results, live, scale, imports, memory: memoryRuns }, null, 2));
process.stdout.write(`\nwrote ${out}\n`);
