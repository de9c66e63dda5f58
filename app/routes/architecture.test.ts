import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layering decision 0007 relies on, checked on every run: routes reach the database only
// through domain modules, and domain modules know nothing of HTTP.
const read = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
    .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), "utf8") }));

describe("layers", () => {
  it("no route imports the Prisma client", () => {
    const offenders = read("app/routes").filter(({ text }) => /from "~\/utils\/db\.server"|generated\/prisma/.test(text));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it("no domain module takes a Request or builds a Response", () => {
    const offenders = read("app/modules").filter(({ text }) => /\(request: Request|new Response\(|throw redirect\(|from "~\/utils\/http\.server"/.test(text));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it("every academy route enters through the academy context", () => {
    const academyRoutes = read("app/routes").filter(({ file }) => path.basename(file).startsWith("academies.$academyId"));
    expect(academyRoutes.length).toBeGreaterThan(10);
    const offenders = academyRoutes.filter(({ text }) => !text.includes("requireAcademyContext("));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });
});

describe("one data layer for SQLite and PostgreSQL (decision 0016)", () => {
  // Functions, operators and idioms only one of the two databases understands. They may appear
  // in app/utils/sql.server.ts, which writes each for both; anywhere else they are a bug on the
  // other database.
  const DIALECT_ONLY: [string, RegExp][] = [
    ["json_group_array / json_object / json_group_object / json() (SQLite)", /\bjson_group_array\s*\(|\bjson_object\s*\(|\bjson_group_object\s*\(|[\s,(]json\(\s*\w+\."/i],
    ["json_agg / json_build_object (PostgreSQL)", /\bjson_agg\s*\(|\bjson_build_object\s*\(/i],
    ["group_concat (SQLite)", /\bgroup_concat\s*\(/i],
    ["strftime / julianday / datetime() (SQLite)", /\bstrftime\s*\(|\bjulianday\s*\(|\bdatetime\s*\(\s*['"`$]/i],
    ["json_extract (SQLite)", /\bjson_extract\s*\(/i],
    ["ILIKE / ::casts / EXTRACT(EPOCH (PostgreSQL)", /\bILIKE\b|::(?:json|jsonb|text|int|numeric|date|timestamptz?)\b|EXTRACT\s*\(\s*EPOCH/i],
    ["LIKE … ESCAPE (case differs between the two)", /\bLIKE\s+\$\{[^}]*\}\s+ESCAPE/i],
    ["`IS NOT` between values (SQLite; write IS DISTINCT FROM)", /\bIS NOT (?!NULL\b|DISTINCT\b|TRUE\b|FALSE\b)["a-z]/],
    ["1 / 0 as a condition (write TRUE / FALSE)", /Prisma\.sql`(?:AND |OR )?[01]`/],
    ["an expression on an output column in ORDER BY (PostgreSQL refuses; write NULLS LAST)", /ORDER BY "\w+" IS (?:NOT )?NULL/],
    ["json_array (SQLite; use jsonTuple())", /\bjson_array\s*\(/i],
    ["sum() of a condition (write count(*) FILTER (WHERE …))", /\bsum\(\s*[a-z]+\."\w+"\s*(?:=|<>|<=|>=|<|>|IN)\s/i],
    ["`x IN cte` without a subquery (SQLite)", /\bIN\s+(?!\()[a-z_]+\b\s*(?:AND|OR|GROUP|ORDER|\)|$)/m],
    ["a CROSS JOIN with ON (SQLite's join-order hint; use joinInOrder())", /CROSS JOIN[^\n]*\bON\b/i],
    ["Prisma's `contains` (case-insensitive only on SQLite; use containsInsensitive())", /\{ contains: /],
  ];
  // The dialect module, and the tools that move data between the two databases (backup, copy),
  // which talk to each database in its own language on purpose.
  const code = [...read("app/modules"), ...read("app/utils"), ...read("app/routes")].filter(({ file }) => !file.endsWith("sql.server.ts") && !file.startsWith(path.join("app", "modules", "backup")));

  it("no SQL only one of the databases understands, outside the dialect module", () => {
    const offenders = code.flatMap(({ file, text }) =>
      DIALECT_ONLY.filter(([, pattern]) => pattern.test(text.replace(/^\s*(\/\/|\*).*$/gm, ""))).map(([what]) => `${file}: ${what}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the scan finds what it looks for (so a clean result means something)", () => {
    const samples = ['json_group_array(x)', "'invitation', json(m.\"invitation\")", 'json_group_object(x."s", x."n")', 'strftime(\'%Y\', c)', 'a."x" IS NOT b."y"', "Prisma.sql`1`", 'sum(s."role" = \'lead\')', 'WHERE x IN ya AND', 'CROSS JOIN "E" e ON e.a = b.a', 'x ILIKE y', 'ORDER BY "score" IS NULL, "score"', 'json_array("a", "b")', 'Prisma.sql`AND 0`', 'where: { name: { contains: q } }'];
    for (const sample of samples) expect(DIALECT_ONLY.some(([, p]) => p.test(sample)), sample).toBe(true);
  });
});

describe("abilities come from the permission table (decision 0007)", () => {
  // A role's name compared in code is a second copy of the permission table: who may do what is
  // asked of the table (the academy context's `can`, enrollmentCan / academiesWhere across
  // academies, userHasPermission for global roles). Grouping people by role for display goes
  // through withRole. Values of other "role" fields that share a word are listed with the reason.
  const ROLE_NAMES = "coordinator|facilitator|participant|observer|programme_coordinator|system_admin";
  const COMPARISON = new RegExp(`\\.?\\brole\\s*[!=]==?\\s*["'](?:${ROLE_NAMES})["']|["'](?:${ROLE_NAMES})["']\\s*[!=]==?\\s*[\\w.?]*\\brole\\b`);
  const OTHER_ROLE_FIELDS: Record<string, string> = {
    [path.join("app", "routes", "academies.$academyId.facilitators.tsx")]: "a session part (lead / co_facilitator / observer), not an enrollment role",
  };
  const files = [...read("app/modules"), ...read("app/routes"), ...read("app/components"), ...read("app/utils")].filter(
    ({ file }) => !file.endsWith(path.join("account", "permissions.ts")) && !(file in OTHER_ROLE_FIELDS),
  );

  it("no role name is compared outside the permission table", () => {
    const offenders = files.flatMap(({ file, text }) => text.split("\n").map((line, i) => ({ line, at: `${file}:${i + 1}` })).filter(({ line }) => COMPARISON.test(line) && !/^\s*(\/\/|\*)/.test(line)).map(({ at, line }) => `${at}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });

  it("the scan finds a role comparison (so a clean result means something)", () => {
    for (const sample of ['e.role === "coordinator"', 'enrollment?.role !== "participant"', '"facilitator" === s.role']) expect(COMPARISON.test(sample), sample).toBe(true);
    expect(COMPARISON.test('view.role === "staff"')).toBe(false);
  });
});

describe("which enrollments count, and which pre-learning is released, are defined once", () => {
  // TAKING_PART / takesPart / takingPartSql and UNDER_WAY (account/permissions.ts, academy/scope.server.ts);
  // released pre-learning (material/prelearning-rule.server.ts).
  const COPY = /not: "withdrawn"|<> 'withdrawn'|[!=]== "withdrawn"|IN \('invited'|\["invited", "active"|stageKey" = 'prelearning'|stageKey: "prelearning"/;
  it("no list, count or check writes its own status condition", () => {
    const files = [...read("app/modules"), ...read("app/routes"), ...read("app/utils")].filter(
      ({ file }) => !file.endsWith(path.join("account", "permissions.ts")) && !file.endsWith("prelearning-rule.server.ts"),
    );
    const offenders = files.filter(({ text }) => COPY.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});
