import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTERNAL_SETTINGS, SETTING_NAMES } from "./env.server";

// Settings are read in one place (issue 26): the app's code asks env() (app/utils/env.server.ts),
// whose schema checks every variable at start; the launcher scripts that run before the app is
// loaded (server.mjs's primary process, npm start's scripts) read only variables that schema
// knows; the README's tables list exactly the variables people may set.

const root = path.resolve(__dirname, "../..");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : files(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const envReads = (source: string) => [...source.matchAll(/process\.env\.([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!);
/** Node's own variables the launcher passes on or looks at (not the app's settings). */
const NODES_OWN = ["NODE_OPTIONS"];

describe("settings are read through one schema", () => {
  it("no code of the app reads process.env outside the settings module", () => {
    const readers = files(path.join(root, "app"))
      .filter((file) => !/\.test\.tsx?$/.test(file) && !file.endsWith(path.join("utils", "env.server.ts")))
      // a direct read (mutation testing's instrumented copies look at `g.process.env` in their preamble: not a read of a setting)
      .filter((file) => /(?<![\w.])process\.env/.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(readers).toEqual([]);
  });

  it("the launcher scripts read only variables the schema checks", () => {
    const launchers = ["server.mjs", "scripts/start.mjs", "scripts/wait-for-db.mjs", "scripts/prepare-db.mjs", "scripts/seed-fingerprint.mjs"];
    const unknown = launchers.flatMap((file) =>
      envReads(fs.readFileSync(path.join(root, file), "utf8"))
        .filter((name) => !SETTING_NAMES.includes(name) && !NODES_OWN.includes(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it("the README lists every setting people may set, and nothing else", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5));
    const documented = new Set(
      section
        .split("\n")
        .filter((line) => line.startsWith("| `"))
        .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([A-Z_][A-Z0-9_]*)`/g)].map((m) => m[1]!)),
    );
    const expected = SETTING_NAMES.filter((name) => !(INTERNAL_SETTINGS as readonly string[]).includes(name));
    expect(expected.filter((name) => !documented.has(name)), "in the schema, not in the README").toEqual([]);
    expect([...documented].filter((name) => !SETTING_NAMES.includes(name) && !NODES_OWN.includes(name)), "in the README, not in the schema").toEqual([]);
  });
});
