#!/usr/bin/env node
// `npm start`: prepare the database, build once if there is no build, then serve.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ["scripts/prepare-db.mjs"]);
if (!fs.existsSync("build/server/index.js") || process.env.REBUILD === "true") {
  run(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"]);
}
process.env.NODE_ENV ??= "production";
await import("../server.mjs");
