#!/usr/bin/env node
// `npm start`: prepare the database, build when the build is missing or older than the
// sources, then serve. With SERVERS=several (several servers on one PostgreSQL) the database is
// not changed at start: migrations are the release step `npm run db:migrate`, and the server
// waits until they are applied (scripts/wait-for-db.mjs).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// What this creates (the SQLite database, data folders) holds personal information: owner only.
process.umask(0o077);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const built = "build/server/index.js";
  if (!fs.existsSync(built) || process.env.REBUILD === "true") return true;
  const sources = Math.max(newestMtime("app"), newestMtime("public"), fs.statSync("package-lock.json").mtimeMs);
  return sources > fs.statSync(built).mtimeMs;
}

if (process.env.SERVERS === "several") run(process.execPath, ["scripts/wait-for-db.mjs"]);
// in this process (one Node start less): migrations only when some are pending, the seed only
// when what it reads changed (decision 0020)
else await import("./prepare-db.mjs");
if (buildIsStale()) run(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"]);
process.env.NODE_ENV ??= "production";
await import("../server.mjs");
