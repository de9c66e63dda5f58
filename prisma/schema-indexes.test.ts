import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

// Migrations are written by hand (the schema engine cannot diff here, decision 0002), so a
// forgotten index would go unnoticed until an upsert fails at run time ("ON CONFLICT clause
// does not match") or a page scans a table. Every @@unique/@@index/@unique of schema.prisma
// must exist, under Prisma's name, in a database built from the migrations.

function declaredIndexes(schema: string) {
  const out: { name: string; unique: boolean }[] = [];
  for (const model of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const [, name, body] = model as unknown as [string, string, string];
    for (const m of body.matchAll(/@@(unique|index)\(\[([^\]]+)\]/g)) {
      const fields = m[2]!.split(",").map((f) => f.trim());
      out.push({ name: `${name}_${fields.join("_")}_${m[1] === "unique" ? "key" : "idx"}`, unique: m[1] === "unique" });
    }
    for (const line of body.split("\n")) {
      const field = /^\s+(\w+)\s+\S+.*@unique/.exec(line);
      if (field) out.push({ name: `${name}_${field[1]}_key`, unique: true });
    }
  }
  return out;
}

describe("the migrations", () => {
  it("create every index the schema declares", () => {
    const db = new Database(":memory:");
    const dir = path.resolve("prisma/migrations");
    // in the order Prisma applies them: directory names as strings (so 9z01_ comes after 9_)
    for (const d of fs.readdirSync(dir).filter((x) => /^\d/.test(x)).sort()) {
      db.exec(fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
    }
    const present = new Map(
      (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]),
    );
    const declared = declaredIndexes(fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8"));
    expect(declared.length).toBeGreaterThan(40);
    const missing = declared.filter((i) => !present.has(i.name)).map((i) => i.name);
    expect(missing).toEqual([]);
    const notUnique = declared.filter((i) => i.unique && !/UNIQUE/i.test(present.get(i.name) ?? "")).map((i) => i.name);
    expect(notUnique).toEqual([]);
  });
});
