#!/usr/bin/env node
// `npm run test:arrangement`: build (unless SKIP_BUILD=true), then run the arrangement test — two
// app servers on one PostgreSQL behind nginx (Debian's package; /usr/sbin/nginx).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";

if (!fs.existsSync("/usr/sbin/nginx")) {
  process.stderr.write("nginx not found at /usr/sbin/nginx. Install it: apt-get install -y nginx\n");
  process.exit(1);
}
if (process.env.SKIP_BUILD !== "true") {
  const built = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const tests = spawn(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "vitest.arrangement.config.ts", ...process.argv.slice(2)], { stdio: "inherit" });
tests.on("exit", (code) => process.exit(code ?? 1));
