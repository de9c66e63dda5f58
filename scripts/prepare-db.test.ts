import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/utils/db-client.server";
import { adminQuery, ident, onPostgres, postgresUrl } from "../tests/support/test-database";
import { seedFingerprint } from "./seed-fingerprint.mjs";

// Starting on an existing database skips the seed when nothing it reads has changed (issue 28,
// decision 0020), and runs it again when something has — on the database under test.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dam-prepare-"));
const database = `dam_prepare_${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
const url = onPostgres ? postgresUrl(database) : `file:${path.join(dir, "app.db")}`;
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (onPostgres) await adminQuery(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
});

const prepare = (env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ["scripts/prepare-db.mjs"], { env: { ...process.env, DATABASE_URL: url, DATA_DIR: dir, FILES_DIR: path.join(dir, "files"), ...env }, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};

async function seedRun() {
  const client = createPrismaClient(url);
  try {
    return { run: await client.seedRun.findUnique({ where: { id: "reference" } }), users: await client.user.count(), materials: await client.material.count() };
  } finally {
    await client.$disconnect();
  }
}

describe("starting on an existing database", () => {
  it("seeds a new database once, skips the seed while what it reads is unchanged, and seeds again when that changes", async () => {
    if (onPostgres) await adminQuery(`CREATE DATABASE ${ident(database)}`);
    expect(prepare()).toContain("Seeded demo data");
    const first = await seedRun();
    expect(first.run?.fingerprint).toBe(seedFingerprint());
    expect(first.users).toBeGreaterThan(0);
    expect(first.materials).toBeGreaterThan(0);

    // unchanged: no seed (nothing printed, the run's time not renewed)
    expect(prepare()).toBe("");
    expect((await seedRun()).run?.finishedAt).toEqual(first.run?.finishedAt);

    // what the seed reads differs (here: demo data no longer wanted): seeded again, no demo added twice
    prepare({ SEED_DEMO: "false" });
    const again = await seedRun();
    expect(again.run?.finishedAt.getTime()).toBeGreaterThan(first.run!.finishedAt.getTime());
    expect(again.run?.fingerprint).not.toBe(first.run?.fingerprint);
    expect(again.users).toBe(first.users);
  }, 60_000);

  it("the fingerprint follows the files the seed reads, not test files", () => {
    const root = fs.mkdtempSync(path.join(dir, "root-"));
    fs.mkdirSync(path.join(root, "materials"), { recursive: true });
    fs.mkdirSync(path.join(root, "app"), { recursive: true });
    fs.writeFileSync(path.join(root, "materials", "01.md"), "# 第1回");
    fs.writeFileSync(path.join(root, "app", "a.ts"), "export const a = 1;");
    const before = seedFingerprint(root);
    fs.writeFileSync(path.join(root, "app", "a.test.ts"), "test");
    expect(seedFingerprint(root)).toBe(before);
    fs.writeFileSync(path.join(root, "materials", "01.md"), "# 第1回（改訂）");
    expect(seedFingerprint(root)).not.toBe(before);
  });
});
