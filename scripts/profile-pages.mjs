#!/usr/bin/env node
// node scripts/profile-pages.mjs [--db data/national.db] [--requests 300] [--dir .] [--top]
// Where a request's CPU goes: starts the built server (one worker, --cpu-prof) on a copy of the
// national SQLite data, signs in, asks the coordinator's dashboard and the participant's team
// page REQUESTS times each, stops the server and sorts the profile's samples by who spent them:
// SQLite, Prisma (client and WASM query compiler), React's render, the router, Remix, Express,
// the app's own code, garbage collection. Prints ms of CPU per request and shares (decision 0020).
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const REQUESTS = Number(option("requests", "300"));
const DIR = path.resolve(option("dir", "."));
const DB = path.resolve(option("db", "data/national.db"));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "dam-profile-"));
fs.copyFileSync(DB, path.join(work, "app.db"));

function request(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

async function signIn(base, email, password) {
  const res = await request(`${base}/login`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email, password, redirectTo: "/dashboard" }).toString() });
  return [res.headers["set-cookie"]].flat().find((c) => c?.startsWith("__dam_session="))?.split(";")[0];
}

const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${work}`, "server.mjs"], {
  cwd: DIR,
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${path.join(work, "app.db")}`, DATA_DIR: work, JOBS: "off", NODE_ENV: "production", WEB_CONCURRENCY: "1", SESSION_SECRET: "profile-session-secret-0123456789abcdef0123456789" },
  stdio: ["ignore", "ignore", "inherit"],
});
for (let i = 0; ; i++) {
  try {
    if ((await request(`${base}/login`)).status === 200) break;
  } catch {
    // not yet listening
  }
  if (i > 600) throw new Error("the server did not start");
  await new Promise((r) => setTimeout(r, 50));
}
const coordinator = await signIn(base, "bench-coordinator@national.example.jp", "bench-pass-2026");
const participant = await signIn(base, "bench-participant@national.example.jp", "bench-pass-2026");
const home = (await request(`${base}/dashboard`, { headers: { cookie: participant } })).body;
const academyId = home.match(/\/academies\/([^"/?#]+)\/materials/)?.[1];
const academy = (await request(`${base}/academies/${academyId}`, { headers: { cookie: participant } })).body;
const teamId = academy.match(new RegExp(`/academies/${academyId}/teams/([^"/?#]+)`))?.[1];
const pages = [
  { name: "dashboard (coordinator)", path: "/dashboard", cookie: coordinator },
  { name: "team page (participant)", path: `/academies/${academyId}/teams/${teamId}`, cookie: participant },
];
// warm up, then one page after the other, a second's pause before each: the pauses split the profile
const pause = () => new Promise((r) => setTimeout(r, 1000));
for (const page of pages) for (let i = 0; i < 20; i++) await request(`${base}${page.path}`, { headers: { cookie: page.cookie } });
const wall = [];
for (const page of pages) {
  await pause();
  const from = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const res = await request(`${base}${page.path}`, { headers: { cookie: page.cookie } });
    if (res.status !== 200) throw new Error(`${page.path}: ${res.status}`);
  }
  wall.push(performance.now() - from);
}
await pause();
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
const file = fs.readdirSync(work).find((f) => f.endsWith(".cpuprofile"));
const profile = JSON.parse(fs.readFileSync(path.join(work, file), "utf8"));
fs.rmSync(work, { recursive: true, force: true });

const CATEGORIES = [
  ["SQLite", (url, fn) => url.includes("better-sqlite3") || fn === "all" || fn === "run" || fn === "prepare"],
  ["Prisma", (url) => url.includes("@prisma") || url.includes("prisma/") || url.includes("query_compiler") || url.startsWith("wasm")],
  ["render (React)", (url) => url.includes("react-dom") || url.includes("/react/")],
  ["router", (url) => url.includes("@remix-run/router") || url.includes("react-router")],
  ["Remix", (url) => url.includes("@remix-run") || url.includes("turbo-stream")],
  ["Express", (url) => /node_modules\/(express|compression|body-parser|send|serve-static|router|finalhandler)/.test(url)],
  ["app", (url) => url.includes("/build/server/") || url.includes("server.mjs")],
  ["GC", (_url, fn) => fn === "(garbage collector)"],
  ["Node", (url) => url.startsWith("node:") || url === ""],
];
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const categoryOf = (node) => {
  const url = node.callFrame.url ?? "";
  const fn = node.callFrame.functionName;
  if (fn === "(idle)") return null;
  if (fn === "(program)") return "VM (program)";
  for (const [name, test] of CATEGORIES) if (test(url, fn)) return name;
  return "other";
};
// the samples of busy time, in order; the two pauses are the two longest gaps between them
const samples = [];
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i] ?? 0;
  const node = byId.get(profile.samples[i]);
  const category = categoryOf(node);
  if (category !== null) samples.push({ category, at, ms: (profile.timeDeltas[i + 1] ?? 0) / 1000, fn: `${node.callFrame.functionName || "(anonymous)"} ${(node.callFrame.url ?? "").replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/build\//, "build/")}:${node.callFrame.lineNumber}` });
}
const gaps = samples.slice(1).map((s, i) => ({ i: i + 1, gap: s.at - samples[i].at })).sort((x, y) => y.gap - x.gap).slice(0, 3).map((g) => g.i).sort((x, y) => x - y);
// [warm-up] pause [first page] pause [second page] pause [stopping]
const parts = [samples.slice(gaps[0], gaps[1]), samples.slice(gaps[1], gaps[2])];
for (const [i, page] of pages.entries()) {
  const sums = new Map();
  for (const s of parts[i]) sums.set(s.category, (sums.get(s.category) ?? 0) + s.ms);
  const cpu = [...sums.values()].reduce((a, b) => a + b, 0);
  const rows = [...sums].sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${Math.round((ms / cpu) * 100)} %`);
  process.stdout.write(`${page.name}: ${(cpu / REQUESTS).toFixed(1)} ms CPU per request (wall ${(wall[i] / REQUESTS).toFixed(1)} ms) — ${rows.join(", ")}\n`);
  if (args.includes("--top")) {
    const byFn = new Map();
    for (const s of parts[i]) byFn.set(`${s.category}  ${s.fn}`, (byFn.get(`${s.category}  ${s.fn}`) ?? 0) + s.ms);
    for (const [fn, ms] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 12)) process.stdout.write(`    ${(ms / REQUESTS).toFixed(2)} ms  ${fn}\n`);
  }
}
