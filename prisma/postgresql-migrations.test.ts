import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { adminQuery, ident, onPostgres, postgresUrl } from "../tests/support/test-database";

// One schema source, two migration histories (decision 0016).

const prismaCli = path.resolve("node_modules/.bin/prisma");
/** The last SQLite migration before PostgreSQL's history began at 0_init. */
const LAST_SQLITE_ONLY = "9z01_consultations_facilitators_slides";
const dirs = (root: string) => fs.readdirSync(root).filter((d) => /^\d/.test(d)).sort();

describe("the PostgreSQL schema and migrations", () => {
  it("the derived PostgreSQL schema is what schema.prisma gives today", () => {
    const check = spawnSync(process.execPath, ["scripts/schema-providers.mjs", "--check"], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("every migration after PostgreSQL's first exists for both databases", () => {
    const sqlite = dirs("prisma/migrations").filter((d) => d > LAST_SQLITE_ONLY);
    const postgres = dirs("prisma/postgresql/migrations").filter((d) => d !== "0_init");
    expect(postgres).toEqual(sqlite);
  });

  // Needs the PostgreSQL server, which only the PostgreSQL suite (npm run test:pg) requires.
  it.runIf(onPostgres)("applied to an empty database, PostgreSQL's migrations give exactly the derived schema", async () => {
    const name = `dam_shadow_${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await adminQuery(`CREATE DATABASE ${ident(name)}`);
    try {
      const diff = spawnSync(
        prismaCli,
        ["migrate", "diff", "--from-migrations", "prisma/postgresql/migrations", "--to-schema-datamodel", "prisma/postgresql/schema.prisma", "--exit-code"],
        { env: { ...process.env, DATABASE_URL: postgresUrl(name) }, encoding: "utf8" },
      );
      expect(diff.stdout + diff.stderr).toContain("No difference detected");
      expect(diff.status).toBe(0);
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    }
  }, 60_000);
});
