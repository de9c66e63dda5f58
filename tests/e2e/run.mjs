#!/usr/bin/env node
// `npm run test:e2e`: build, start the production server on a free port with a fresh
// database of demo data, run the browser tests against it, stop the server.
// `npm run test:e2e:pg` (TEST_DATABASE=postgresql): the same on a fresh PostgreSQL database.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { CHROMIUM_PATH } from "./chromium.mjs";

if (!fs.existsSync(CHROMIUM_PATH)) {
  process.stderr.write(`Chromium not found at ${CHROMIUM_PATH}. Install it: apt-get install -y chromium fonts-ipafont-gothic\n`);
  process.exit(1);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

const dataDir = path.resolve("tests/.tmp-e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
const port = await freePort();
const onPostgres = process.env.TEST_DATABASE === "postgresql";
let postgresDatabase = "";
let databaseUrl = `file:${path.join(dataDir, "e2e.db")}`;
async function admin(sql) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
if (onPostgres) {
  postgresDatabase = `dam_e2e_${process.pid}`;
  await admin(`DROP DATABASE IF EXISTS "${postgresDatabase}"`);
  await admin(`CREATE DATABASE "${postgresDatabase}"`);
  const url = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres");
  url.pathname = `/${postgresDatabase}`;
  databaseUrl = url.toString();
}
const env = {
  ...process.env,
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  PORT: String(port),
  HOST: "127.0.0.1",
  APP_URL: `http://127.0.0.1:${port}`,
  COOKIE_SECURE: "false",
};
delete env.SMTP_URL;

if (process.env.SKIP_BUILD !== "true") run(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"]);
run(process.execPath, ["scripts/prepare-db.mjs"], env);

const server = spawn(process.execPath, ["server.mjs"], { env, stdio: ["ignore", "inherit", "inherit"] });
process.env.E2E_SERVER_PID = String(server.pid);
const baseUrl = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    const res = await fetch(`${baseUrl}/login`);
    if (res.ok) break;
  } catch {
    // not listening yet
  }
  if (i > 100) {
    server.kill();
    process.stderr.write("The server did not start.\n");
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}

const tests = spawn(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)],
  { env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_DATABASE_URL: env.DATABASE_URL, MAIL_DROP_DIR: path.join(dataDir, "mail-drop") }, stdio: "inherit" },
);
const code = await new Promise((resolve) => tests.on("exit", (c) => resolve(c ?? 1)));
server.kill("SIGTERM");
if (postgresDatabase) {
  await new Promise((r) => server.once("exit", r));
  await admin(`DROP DATABASE IF EXISTS "${postgresDatabase}" WITH (FORCE)`);
}
process.exit(code);
